import Foundation
import Synchronization
import DiglotLanguage
import DiglotModel

/// What an importer is given: the raw bytes and what is known about where they came from.
public struct ImportInput: Sendable {
    public var bytes: Data {
        didSet { decodedHeads = DecodedHeads() }
    }
    /// The file name or path as the user gave it (`-` for standard input); used in every error message.
    public var fileName: String {
        didSet { fileExtension = Self.fileExtension(of: fileName) }
    }
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
        self.fileExtension = Self.fileExtension(of: fileName)
        self.declaredMediaType = declaredMediaType
        self.metadata = metadata
        self.sourceID = SourceID(bytes: bytes)
    }

    /// The heads `head(_:)` has decoded, shared by every copy of this input (see `head(_:)`).
    private var decodedHeads = DecodedHeads()

    /// The lowercased extension of the file name, without the dot ("" when there is none).
    ///
    /// The last path component is cut by hand (trailing slashes dropped, as `NSString.lastPathComponent`
    /// drops them): every importer's `confidence` asks, and bridging the name to `NSString` each time cost
    /// 19,000 instructions a question.
    ///
    /// Worked out once, when the name is set: every importer's `confidence` asks, some more than once, and
    /// cutting the name by `Character` each time was 0.2 % of an import (perf, 10k corpus, session 28).
    public private(set) var fileExtension: String

    static func fileExtension(of fileName: String) -> String {
        var path = Substring(fileName)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        let base = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return String(base[base.index(after: dot)...]).lowercased()
    }

    /// The first `count` bytes decoded leniently, for cheap format sniffing in `confidence(for:)`.
    ///
    /// Decoded once per input and length: detection asks every importer about every input, and three of them
    /// each decoded the same first 256-512 KB (which, for all but the largest inputs, is the whole input).
    /// Lengths past the end are one length, so those requests share one decoding.
    public func head(_ count: Int = 4096) -> String {
        let length = min(max(count, 0), bytes.count)
        return decodedHeads.text(length: length) { String(decoding: bytes.prefix(length), as: UTF8.self) }
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

    /// The charset an HTML `<meta charset>` / `http-equiv` or an XML declaration names in the first bytes,
    /// lowercased.
    ///
    /// Read from the bytes (the markers and charset names are ASCII): decoding and lowercasing the first 2 KB
    /// as a `String` for every call was nearly all of `text()` for a Cyrillic page, and every importer's
    /// detection calls it.
    public func sniffedCharset() -> String? {
        Self.charset(in: Array(bytes.prefix(2048)))
    }

    static func charset(in head: [UInt8]) -> String? {
        func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for marker in [Array("charset=".utf8), Array("encoding=".utf8)] {
            guard head.count >= marker.count,
                  let start = (0...(head.count - marker.count)).first(where: { offset in
                      marker.indices.allSatisfy { lowered(head[offset + $0]) == marker[$0] }
                  })
            else { continue }
            var index = start + marker.count
            while index < head.count, [0x22, 0x27, 0x20].contains(head[index]) { index += 1 }  // " ' and spaces
            var name: [UInt8] = []
            while index < head.count {
                let byte = lowered(head[index])
                guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                else { break }
                name.append(byte)
                index += 1
            }
            // A letter or digit outside ASCII right after it would be part of the name as text reads it.
            if index < head.count && head[index] >= 0x80 { return charsetOfText(head) }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    /// The same search on the head as lowercased text, for the rare name that runs into non-ASCII bytes.
    private static func charsetOfText(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = text.range(of: marker) else { continue }
            let rest = text[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
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

/// Decoded heads by length. A class, so the copies of an input each importer's `confidence` receives share
/// them; locked, so an input handed between threads stays safe.
private final class DecodedHeads: Sendable {
    private let texts = Mutex<[Int: String]>([:])

    func text(length: Int, decode: () -> String) -> String {
        if let held = texts.withLock({ $0[length] }) { return held }
        let made = decode()
        texts.withLock { $0[length] = made }
        return made
    }
}
