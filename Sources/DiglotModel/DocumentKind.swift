/// What a document is, which decides the metadata it carries and how it is paired.
public enum DocumentKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case tweet
    case wireReport = "wire-report"
    case staffBulletin = "staff-bulletin"
    case article

    public var description: String { rawValue }
}
