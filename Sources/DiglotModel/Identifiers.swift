import Foundation

/// Ids in Diglot are derived, never allocated: the same input always yields the same ids, so golden files
/// are stable, re-imports deduplicate, and importers (which never see the store) can reference the records
/// they create. Each id is a short prefix naming the record type plus 16 hex digits of a SHA-256.
public enum StableID {
    /// `prefix` + the first 16 hex digits of SHA-256 over the parts joined by a unit separator.
    ///
    /// The parts are hashed in place and only the 16 digits kept are written: every passage and document id of
    /// an import is made here, and joining the parts into a `Data`, writing 64 digits and cutting them was most
    /// of an id's cost.
    ///
    /// - Parameter digits: which of the 16 digits to keep (a passage id keeps the last 8 after its document's).
    public static func make(_ prefix: String, _ parts: [String], digits: Range<Int> = 0..<16) -> String {
        var hasher = SHA256.Hasher()
        withUnsafeBytes(of: UInt8(0x1F)) { separator in
            for (index, part) in parts.enumerated() {
                if index > 0 { hasher.update(separator) }
                var part = part
                part.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
            }
        }
        hasher.finishWords()
        let first = UInt64(hasher.state.0) << 32 | UInt64(hasher.state.1)
        let kept = digits.clamped(to: 0..<16)
        let written = String(unsafeUninitializedCapacity: kept.count) { out in
            let table: StaticString = "0123456789abcdef"
            for (slot, i) in kept.enumerated() { out[slot] = table.utf8Start[Int((first >> UInt64(60 - 4 * i)) & 0xF)] }
            return kept.count
        }
        return prefix + written
    }
}

/// Names a stored raw artifact: the SHA-256 of its bytes, in full.
public struct SourceID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The id of these bytes.
    public init<D: DataProtocol>(bytes: D) { rawValue = SHA256.hex(of: bytes) }
    public var description: String { rawValue }
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Names a document: `d` + 16 hex digits derived from the document's natural key.
///
/// The natural key is what makes two inputs the same document: `tweet:1497…` for a tweet (so one tweet
/// embedded in two articles is one document), `staff-bulletin:uk:2022-07-08` for a bulletin, and the
/// source hash plus position for anything without a better key.
public struct DocumentID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(naturalKey: String) { rawValue = StableID.make("d", [naturalKey]) }
    public var description: String { rawValue }
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Names a passage: `p` + the first 8 hex digits of its document id + 8 hex digits of SHA-256 over its document
/// id and its index in that document.
///
/// The document's digits come first so that a document's passages sit side by side in the archive's index on
/// passage ids. With the id hashed whole (the first formula, `legacy`), each new passage landed on a different
/// page of that index, and every group an import commits rewrote thousands of them: 12.4 GB written for a 1 GB
/// archive of 100,000 documents, against 8.8 GB now (docs/performance.md, session 12).
public struct PassageID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(document: DocumentID, index: Int) {
        rawValue = StableID.make("p" + document.rawValue.dropFirst().prefix(8), [document.rawValue, String(index)], digits: 8..<16)
    }
    /// The ids every passage of `document` lies between (`lower <= id < upper`, comparing bytes as SQLite does):
    /// the document's own digits come first, then hex digits, so a range over the archive's index on passage ids
    /// finds a document's passages without an index of its own (schema 9). Another document sharing the first 8
    /// digits (one in four billion per pair) falls in the range too, so readers also match the document.
    public static func range(of document: DocumentID) -> (lower: String, upper: String) {
        let lower = "p" + document.rawValue.dropFirst().prefix(8)
        return (lower, lower + "g")  // "g" sorts after every hex digit
    }
    /// The id the first formula gave (16 hex digits of SHA-256 over document id and index), which archives of
    /// schema 5 and older hold and external importers written against protocol v1 may still send.
    public static func legacy(document: DocumentID, index: Int) -> PassageID {
        PassageID(rawValue: StableID.make("p", [document.rawValue, String(index)]))
    }
    public var description: String { rawValue }
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Names a pair: `r` + 16 hex digits of its two sides, so the same two sides are always the same pair.
public struct PairID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(original: PairSide, rendering: PairSide) {
        rawValue = StableID.make("r", [original.rawValue, rendering.rawValue])
    }
    public var description: String { rawValue }
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
