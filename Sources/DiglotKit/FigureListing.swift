import DiglotModel

/// One line of `diglot figures --json`, or one CSV row. `delta` is null when the bulletin stated none.
public struct FigureListing: Encodable, Sendable, Equatable {
    public var date: String
    public var category: String
    public var total: Int
    public var delta: Int?
    public var qualifier: String?
    public var language: String
    public var document: String

    public init(_ figure: Figure) {
        date = figure.date
        category = figure.category.rawValue
        total = figure.total
        delta = figure.delta
        qualifier = figure.qualifier
        language = figure.language.rawValue
        document = figure.documentID.rawValue
    }

    private enum CodingKeys: String, CodingKey { case date, category, total, delta, qualifier, language, document }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(category, forKey: .category)
        try c.encode(total, forKey: .total)
        try c.encode(delta, forKey: .delta)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(language, forKey: .language)
        try c.encode(document, forKey: .document)
    }

    /// The CSV header, in the JSON's key order.
    public static let csvHeader = "date,category,total,delta,qualifier,language,document"

    /// This figure as an RFC 4180 row; a missing delta or qualifier is an empty field.
    public var csvRow: String {
        [date, category, String(total), delta.map(String.init) ?? "", qualifier ?? "", language, document]
            .map(Self.csvField).joined(separator: ",")
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
