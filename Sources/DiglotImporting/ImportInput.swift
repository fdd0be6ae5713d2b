import Foundation
import DiglotLanguage
import DiglotModel

/// What an importer is given: the raw bytes and what is known about where they came from.
public struct ImportInput: Sendable {
    public var bytes: Data
    /// The file name or path as the user gave it (`-` for standard input); used in every error message.
    public var fileName: String
    /// A media type the caller declared (an external importer's item, `--media-type`), if any.
    public var declaredMediaType: String?
    /// What the caller already knows about the input under plain names (`url`, `published`, `channel`...),
    /// e.g. from an external importer's item; importers may use it where the bytes alone say less (a
    /// bulletin's year, an article's canonical URL).
    public var metadata: [String: String]
    /// The SHA-256 of `bytes`, which names the source.
    public let sourceID: SourceID

    public init(bytes: Data, fileName: String, declaredMediaType: String? = nil, metadata: [String: String] = [:]) {
        self.bytes = bytes
        self.fileName = fileName
        self.declaredMediaType = declaredMediaType
        self.metadata = metadata
        self.sourceID = SourceID(bytes: bytes)
    }

    /// The lowercased extension of the file name, without the dot ("" when there is none).
    public var fileExtension: String {
        let base = (fileName as NSString).lastPathComponent
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return String(base[base.index(after: dot)...]).lowercased()
    }

    /// The first `count` bytes decoded leniently, for cheap format sniffing in `confidence(for:)`.
    public func head(_ count: Int = 4096) -> String {
        String(decoding: bytes.prefix(count), as: UTF8.self)
    }

    /// The whole input as text, in whatever encoding it is in.
    /// - Throws: `ImportError` when the bytes are not text in an encoding Diglot knows.
    public func text(declaredCharset: String? = nil) throws -> String {
        do {
            return try TextDecoder.decode(bytes, declaredCharset: declaredCharset ?? sniffedCharset()).text
        } catch let failure as TextDecoder.Failure {
            throw ImportError(file: fileName, message: failure.reason)
        }
    }

    /// The charset an HTML `<meta charset>` / `http-equiv` or an XML declaration names in the first bytes.
    public func sniffedCharset() -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.range(of: marker) else { continue }
            let rest = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    /// An error about this input.
    public func error(_ message: String, line: Int? = nil, column: Int? = nil) -> ImportError {
        ImportError(file: fileName, line: line, column: column, message: message)
    }
}
