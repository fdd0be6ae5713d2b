import Foundation

/// A piece of a plugin's input that Diglot should read with its own importers (protocol v1 `item` line).
///
/// ```json
/// {"type":"item","media_type":"text/plain","file_name":"message-5012.txt","text":"...",
///  "metadata":{"url":"https://t.me/c/1/5012","published":"2022-08-21T06:00:00Z","channel":"..."}}
/// ```
/// Exactly one of `text` and `bytes_base64` is given. `metadata` values are strings; `url`, `published`,
/// `author`, `publisher`, `title` and `language` fill the matching document fields the importer left empty,
/// the rest go into the document's metadata.
struct ExternalItem: Decodable, Sendable {
    var mediaType: String?
    var fileName: String?
    var text: String?
    var bytesBase64: String?
    var metadata: [String: String]

    private enum CodingKeys: String, CodingKey {
        case type, mediaType = "media_type", fileName = "file_name", text, bytesBase64 = "bytes_base64", metadata
    }

    static let fieldNames: Set<String> = ["type", "media_type", "file_name", "text", "bytes_base64", "metadata"]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType)
        fileName = try c.decodeIfPresent(String.self, forKey: .fileName)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        bytesBase64 = try c.decodeIfPresent(String.self, forKey: .bytesBase64)
        metadata = try c.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
    }

    /// The item's bytes.
    /// - Throws: a sentence when neither or both of `text` and `bytes_base64` are given, or the base64 is broken.
    func bytes() throws -> Data {
        switch (text, bytesBase64) {
        case (let text?, nil): return Data(text.utf8)
        case (nil, let encoded?):
            guard let data = Data(base64Encoded: encoded) else { throw ItemProblem("bytes_base64 is not valid base64") }
            return data
        case (nil, nil): throw ItemProblem("an item needs \"text\" or \"bytes_base64\"")
        case (_?, _?): throw ItemProblem("an item has both \"text\" and \"bytes_base64\"; give one")
        }
    }

    struct ItemProblem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
