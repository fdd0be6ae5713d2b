import DiglotStore

/// One line of `diglot list --json`: enough to see what an archive holds and map documents back to files.
public struct DocumentListing: Encodable, Sendable, Equatable {
    public var document: String
    public var kind: String
    public var language: String
    public var title: String?
    public var published: String?
    /// The path or URL the document was first read from.
    public var source: String?

    init(_ summary: DocumentSummary) {
        document = summary.id.rawValue
        kind = summary.kind.rawValue
        language = summary.language.rawValue
        title = summary.title
        published = summary.published
        source = summary.source
    }

    private enum CodingKeys: String, CodingKey { case document, kind, language, title, published, source }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(kind, forKey: .kind)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(source, forKey: .source)
    }
}
