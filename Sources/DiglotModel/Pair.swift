/// An original and its rendering in another language.
///
/// The original is the text as first published, the rendering its translation, whatever the languages;
/// where the direction cannot be told, the Ukrainian or Russian side is the original.
public struct Pair: Hashable, Codable, Sendable, Identifiable {
    public var id: PairID
    public var original: PairSide
    public var rendering: PairSide
    /// The strongest signal that found it (`same-bulletin`, `embedded-quote`, `tmx`, `manual`...).
    public var method: PairMethod
    /// In 0...1.
    public var confidence: Double
    public var fidelity: FidelityReport
    /// Who made the pair; manual pairs and unlinks survive every automatic run.
    public var origin: PairOrigin
    /// For a passage-level pair found inside a document pair (bulletin lines), the document pair.
    public var parent: PairID?

    public init(original: PairSide, rendering: PairSide, method: PairMethod, confidence: Double,
                fidelity: FidelityReport = .unchecked, origin: PairOrigin = .importer, parent: PairID? = nil) {
        self.init(id: PairID(original: original, rendering: rendering), original: original, rendering: rendering,
                  method: method, confidence: confidence, fidelity: fidelity, origin: origin, parent: parent)
    }

    /// A pair read back from storage, under the id it was stored with: deriving the id again is a SHA-256
    /// per pair, which an export of a million pairs paid for nothing.
    public init(id: PairID, original: PairSide, rendering: PairSide, method: PairMethod, confidence: Double,
                fidelity: FidelityReport, origin: PairOrigin, parent: PairID?) {
        self.id = id
        self.original = original
        self.rendering = rendering
        self.method = method
        self.confidence = min(1, max(0, confidence))
        self.fidelity = fidelity
        self.origin = origin
        self.parent = parent
    }
}

/// One side of a pair: a whole document or one passage of it. Encoded as the bare id (`d…` or `p…`).
public enum PairSide: Hashable, Codable, Sendable, CustomStringConvertible {
    case document(DocumentID)
    case passage(PassageID)

    public var rawValue: String {
        switch self {
        case .document(let id): return id.rawValue
        case .passage(let id): return id.rawValue
        }
    }

    /// Reads an id by its prefix; nil for anything that is neither a document nor a passage id.
    public init?(rawValue: String) {
        if rawValue.hasPrefix("d") { self = .document(DocumentID(rawValue: rawValue)) }
        else if rawValue.hasPrefix("p") { self = .passage(PassageID(rawValue: rawValue)) }
        else { return nil }
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let side = PairSide(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a document or passage id: \(text)"))
        }
        self = side
    }

    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// The signal that found a pair.
public struct PairMethod: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let sameBulletin = PairMethod(rawValue: "same-bulletin")
    public static let bilingualList = PairMethod(rawValue: "bilingual-list")
    public static let embeddedQuote = PairMethod(rawValue: "embedded-quote")
    public static let explicitLink = PairMethod(rawValue: "explicit-link")
    public static let numbers = PairMethod(rawValue: "numbers")
    public static let names = PairMethod(rawValue: "names")
    public static let glossary = PairMethod(rawValue: "glossary")
    public static let tmx = PairMethod(rawValue: "tmx")
    public static let manual = PairMethod(rawValue: "manual")

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Who made a pair.
public enum PairOrigin: String, Codable, Sendable {
    /// Found inside one input by its importer.
    case importer
    /// Found across the archive by the pairing engine.
    case engine
    /// Linked by a person; never undone by an automatic run.
    case manual
}

/// Whether a rendering says what its original says.
public struct FidelityReport: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable, Comparable {
        case ok, warning, mismatch
        /// Not yet checked (an importer's pair before the pairing engine has looked at it).
        case unchecked

        private var rank: Int { switch self { case .unchecked: 0; case .ok: 1; case .warning: 2; case .mismatch: 3 } }
        public static func < (l: Status, r: Status) -> Bool { l.rank < r.rank }
    }

    public var status: Status
    public var issues: [FidelityIssue]

    public init(status: Status, issues: [FidelityIssue] = []) {
        self.status = status
        self.issues = issues
    }

    /// The report for a list of issues: the worst issue decides the status; none means `ok`.
    public init(issues: [FidelityIssue]) {
        self.issues = issues
        self.status = issues.map(\.severity).max() ?? .ok
    }

    public static let ok = FidelityReport(status: .ok)
    public static let unchecked = FidelityReport(status: .unchecked)
}

/// One thing a checker found wrong with a rendering.
public struct FidelityIssue: Hashable, Codable, Sendable {
    /// `number`, `figure`, `glossary`, `name`...
    public var kind: String
    public var severity: FidelityReport.Status
    /// One sentence a person understands ("tank: 1637 in the original, 1673 in the rendering").
    public var message: String
    /// The figure category, glossary term or name concerned.
    public var subject: String?

    public init(kind: String, severity: FidelityReport.Status, message: String, subject: String? = nil) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.subject = subject
    }
}
