import DiglotModel
import StaffBulletinImporter

/// One line of `diglot figures --check --json`: a finding about the stored figure series.
///
/// ```json
/// {"category":"tank","date":"2022-10-13","kind":"delta-mismatch","language":"uk",
///  "message":"total 2400 is 2380 +20 since 2022-10-12, but the bulletin states +25"}
/// ```
/// `kind` is `delta-mismatch`, `decrease`, `language-disagreement` or `source-disagreement`; `language` is null
/// for a disagreement between languages.
public struct FigureCheckListing: Encodable, Sendable, Equatable {
    public var kind: String
    public var date: String
    public var category: String
    public var language: String?
    public var message: String
    /// The finding as one line of text (`2022-10-13 tank [uk]: …`).
    public var line: String

    init(_ finding: FigureCheckFinding) {
        kind = finding.kind.rawValue
        date = finding.date
        category = finding.category.rawValue
        language = finding.language?.rawValue
        message = finding.message
        line = finding.description
    }

    private enum CodingKeys: String, CodingKey { case kind, date, category, language, message }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(date, forKey: .date)
        try c.encode(category, forKey: .category)
        try c.encode(language, forKey: .language)
        try c.encode(message, forKey: .message)
    }
}
