import Foundation
import DiglotModel

/// The JSON the store keeps in text columns (metadata, fidelity reports): sorted keys, so equal values are
/// equal text.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try ArchiveJSON.encoder().encode(value), as: UTF8.self)
    }

    /// A list of strings as `encode` writes it, written by `JSONText` without `JSONEncoder`.
    /// Every candidate lookup of `diglot pair` binds its tokens or links this way, and `JSONEncoder` took
    /// 74,000 instructions a list there, 1.7 of the 46 G of a run over 10,000 documents (session 26).
    static func encodeStrings(_ strings: [String]) -> String {
        var bytes: [UInt8] = []
        JSONText.appendArray(strings, to: &bytes) { JSONText.appendString($0, to: &$1) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A metadata map as `encode` writes it (`{}` for none), written by `JSONText` without `JSONEncoder`.
    /// Every passage is written with its map, and `JSONEncoder` took 14,000 instructions for each (a sixth of
    /// writing one); until session 23 only maps of plain keys and values were written by hand here.
    static func encodeMetadata(_ map: [String: String]) -> String {
        if map.isEmpty { return "{}" }
        var bytes: [UInt8] = []
        JSONText.appendObject(map, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A pair's fidelity report as `encode` writes it (a nil `subject` left out, as the synthesised `Encodable`
    /// leaves it out), written by `JSONText`, the form the exports write too. Every pair is written with its
    /// report, on the writer: `JSONEncoder` took 59,000 instructions for a report without issues, 71,000 on
    /// average for the bulletins' line pairs (session 19).
    static func encodeFidelity(_ report: FidelityReport) -> String {
        var bytes: [UInt8] = []
        JSONText.appendFidelity(report, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A fidelity column read back: by hand when it has the form `encodeFidelity` writes for a report whose
    /// texts need no escaping (no escapes, no spaces, keys in order), otherwise by `JSONDecoder`; nil when
    /// neither can read it.
    ///
    /// Why by hand: an export reads every pair's report, and `JSONDecoder` was 15 % of a JSON Lines export's
    /// samples (1,020,552 pairs; more than half of a bulletin archive's pairs list a figure's disagreement).
    static func fidelity(_ text: String?) -> FidelityReport? {
        guard let text else { return nil }
        return plainFidelity(text) ?? decode(FidelityReport.self, text)
    }

    /// `encodeFidelity`'s text of a report without escapes, read back; nil for any other text.
    static func plainFidelity(_ text: String) -> FidelityReport? {
        var text = text
        return text.withUTF8 { bytes -> FidelityReport? in
            var reader = PlainJSONReader(bytes: bytes)
            guard reader.take("{\"issues\":[") else { return nil }
            var issues: [FidelityIssue] = []
            if !reader.take("]") {
                repeat {
                    guard reader.take("{\"kind\":\""), let kind = reader.plainString(),
                          reader.take(",\"message\":\""), let message = reader.plainString(),
                          reader.take(",\"severity\":\""), let severity = reader.plainString().flatMap(FidelityReport.Status.init(rawValue:))
                    else { return nil }
                    var subject: String?
                    if reader.take(",\"subject\":\"") {
                        guard let text = reader.plainString() else { return nil }
                        subject = text
                    }
                    guard reader.take("}") else { return nil }
                    issues.append(FidelityIssue(kind: kind, severity: severity, message: message, subject: subject))
                } while reader.take(",")
                guard reader.take("]") else { return nil }
            }
            guard reader.take(",\"status\":\""), let status = reader.plainString().flatMap(FidelityReport.Status.init(rawValue:)),
                  reader.take("}"), reader.isAtEnd
            else { return nil }
            return FidelityReport(status: status, issues: issues)
        }
    }

    /// Reads JSON written without spaces and escapes, literal by literal: `plainFidelity`'s cursor.
    private struct PlainJSONReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Steps over `literal` when the text continues with it.
        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count,
                  memcmp(bytes.baseAddress! + index, literal.utf8Start, count) == 0 else { return false }
            index += count
            return true
        }

        /// The rest of a string whose opening quote was taken, up to and over its closing quote; nil when it
        /// holds an escape or a control character (JSON's rules then apply: `JSONDecoder` reads it).
        mutating func plainString() -> String? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    // The text is a Swift string, so the bytes between two ASCII quotes are valid UTF-8.
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
                }
                if byte == 0x5C || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? ArchiveJSON.decoder().decode(type, from: Data(text.utf8))
    }

    /// A metadata column: most documents have none (`{}`), which needs no JSON decoder (reading a million
    /// documents for an export built a million of them).
    ///
    /// - Parameter keys: the keys a reader needs, nil for all. An export other than JSON Lines reads only the
    ///   keys a TMX import records, which almost no document has: a text that cannot hold any of them (see
    ///   `QuotedKeys`) is not parsed at all. Building every document's map was a tenth of an export.
    static func metadata(_ text: String?, keeping keys: Set<String>? = nil) -> [String: String] {
        guard let text, text != "{}", !text.isEmpty else { return [:] }
        guard let keys else { return flatStringMap(text) ?? decode([String: String].self, text) ?? [:] }
        var bytes = text
        guard bytes.withUTF8({ QuotedKeys(keys).mayOccur(in: $0) }) else { return [:] }
        return metadata(text, keepingOnly: keys)
    }

    /// The `keys` of a metadata text already found to may hold one of them (`QuotedKeys.mayOccur`): a reader
    /// that checked the column's bytes does not build the needles and scan the text again.
    static func metadata(_ text: String, keepingOnly keys: Set<String>) -> [String: String] {
        (flatStringMap(text) ?? decode([String: String].self, text) ?? [:]).filter { keys.contains($0.key) }
    }

    /// Some keys as they appear in a JSON text, quoted, to tell from a metadata column's bytes whether it may
    /// hold one of them before a string is made of it.
    ///
    /// A text may hold a key when `"key"` occurs in it byte for byte, or when it has a backslash (an escape
    /// could spell the key otherwise). Checking the column this way with `memchr` instead of making
    /// a string and scanning it per key was a tenth of an export's reading.
    ///
    /// ```swift
    /// QuotedKeys(["tmx_pair"]).mayOccur(in: bytes)   // false for {"handle":"a"}
    /// ```
    struct QuotedKeys {
        private let needles: [[UInt8]]

        init(_ keys: Set<String>) { needles = keys.sorted().map { [0x22] + Array($0.utf8) + [0x22] } }

        func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            if memchr(base, 0x5C, bytes.count) != nil { return true }
            let end = base + bytes.count
            var from = base
            while let found = memchr(from, 0x22, end - from) {
                let quote = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
                let left = end - quote
                for needle in needles where needle.count <= left && quote[1] == needle[1] {
                    if needle.withUnsafeBufferPointer({ memcmp(quote, $0.baseAddress!, $0.count) }) == 0 { return true }
                }
                from = quote + 1
            }
            return false
        }
    }

    /// A JSON object whose values are all strings, read by hand; nil for anything else (nesting, numbers,
    /// malformed text), which the caller hands to `JSONDecoder`. `JSONDecoder` was a fifth of an export's
    /// time, for objects of two or three short strings.
    ///
    /// It reads the string's own UTF-8 in place, and a key or value without escapes becomes a string in one
    /// copy: the text is a Swift string, so its bytes are valid UTF-8, and so is any run between two quotes.
    static func flatStringMap(_ text: String) -> [String: String]? {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
            func string() -> String? {
                guard i < b.count, b[i] == 0x22 else { return nil }
                i += 1
                let start = i
                while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
                guard i < b.count else { return nil }
                if b[i] == 0x22 {
                    i += 1
                    return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), as: UTF8.self)
                }
                var bytes = Array(b[start..<i])
                while i < b.count {
                    let c = b[i]
                    if c == 0x22 { i += 1; return String(decoding: bytes, as: UTF8.self) }
                    if c < 0x20 { return nil }
                    if c != 0x5C { bytes.append(c); i += 1; continue }
                    guard i + 1 < b.count else { return nil }
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: bytes.append(e)
                    case 0x62: bytes.append(0x08)
                    case 0x66: bytes.append(0x0C)
                    case 0x6E: bytes.append(0x0A)
                    case 0x72: bytes.append(0x0D)
                    case 0x74: bytes.append(0x09)
                    default: return nil  // \u escapes (and anything else) go to JSONDecoder
                    }
                }
                return nil
            }
            skipSpace()
            guard i < b.count, b[i] == 0x7B else { return nil }
            i += 1
            var result: [String: String] = [:]
            skipSpace()
            if i < b.count, b[i] == 0x7D { i += 1; skipSpace(); return i == b.count ? result : nil }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { return nil }
                i += 1
                skipSpace()
                guard let value = string() else { return nil }
                result[key] = value
                skipSpace()
                guard i < b.count else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                guard b[i] == 0x7D else { return nil }
                i += 1
                skipSpace()
                return i == b.count ? result : nil
            }
        }
    }
}
