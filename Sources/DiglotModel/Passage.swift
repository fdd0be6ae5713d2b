/// A span of a document: a headline, a paragraph, a quote, one line of a bulletin's figure list...
///
/// `start` and `end` are offsets in Unicode scalars into the document's `text` (half-open), the unit Python and
/// JSON consumers index by. `text` repeats the span, so that whoever holds a passage need not slice its document;
/// the archive stores such a text once, in the document (`ImportBatch.passagesStoredAsSpans`, schema 8).
public struct Passage: Hashable, Codable, Sendable, Identifiable {
    public var id: PassageID
    public var documentID: DocumentID
    /// Position in the document's passage list (0-based); also what the id is derived from.
    public var index: Int
    public var role: PassageRole
    public var start: Int
    public var end: Int
    public var language: LanguageTag
    public var text: String
    /// Role-specific fields: `speaker` for a quote, `outlet` for a citation, `category` for a figure line.
    public var metadata: [String: String]

    public init(documentID: DocumentID, index: Int, role: PassageRole, start: Int, end: Int,
                language: LanguageTag, text: String, metadata: [String: String] = [:]) {
        self.init(id: PassageID(document: documentID, index: index), documentID: documentID, index: index,
                  role: role, start: start, end: end, language: language, text: text, metadata: metadata)
    }

    /// A passage read back from storage, under the id it was stored with (deriving it again is a SHA-256).
    public init(id: PassageID, documentID: DocumentID, index: Int, role: PassageRole, start: Int, end: Int,
                language: LanguageTag, text: String, metadata: [String: String]) {
        self.id = id
        self.documentID = documentID
        self.index = index
        self.role = role
        self.start = start
        self.end = end
        self.language = language
        self.text = text
        self.metadata = metadata
    }

    private enum CodingKeys: String, CodingKey {
        case id, documentID = "document", index, role, start, end, language, text, metadata
    }
}

/// What part of a document a passage is.
public struct PassageRole: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let headline = PassageRole(rawValue: "headline")
    public static let paragraph = PassageRole(rawValue: "paragraph")
    public static let quote = PassageRole(rawValue: "quote")
    public static let figureLine = PassageRole(rawValue: "figure-line")
    public static let caption = PassageRole(rawValue: "caption")
    /// Text appended by someone other than the author (a forwarding channel's remark).
    public static let commentary = PassageRole(rawValue: "commentary")
    /// A sentence naming an outlet the report cites ("told TASS news agency").
    public static let citation = PassageRole(rawValue: "citation")
    /// A translation-memory segment.
    public static let segment = PassageRole(rawValue: "segment")

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Converts between Unicode-scalar offsets (the model's unit) and `String` indices.
public extension String {
    /// The substring at scalar offsets `start..<end`, clamped to the string.
    func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: max(0, start), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let upper = scalars.index(lower, offsetBy: max(0, end - max(0, start)), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }

    /// The Unicode-scalar offset of `index`.
    func scalarOffset(of index: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }
}
