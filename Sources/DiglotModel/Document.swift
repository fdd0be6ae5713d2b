/// One normalised unit of the archive: a tweet, a wire report, a staff bulletin or an article.
///
/// `language` is what Diglot detected; `declaredLanguage` is what the source claimed (`p@lang`, `xml:lang`,
/// `<html lang>`). They are kept apart because they differ in real data: Twitter labels English text `uk`.
public struct Document: Hashable, Codable, Sendable, Identifiable {
    public var id: DocumentID
    public var kind: DocumentKind
    public var language: LanguageTag
    public var declaredLanguage: LanguageTag?
    public var title: String?
    /// The author's name, or for a tweet the display name.
    public var author: String?
    public var publisher: String?
    public var published: PublishedDate?
    public var canonicalURL: String?
    public var text: String
    /// The source this document was first read from; set by the import pipeline when an importer leaves it nil.
    public var sourceID: SourceID?
    /// Kind-specific fields under plain names: `handle`, `display_name`, `status_id`, `url` for a tweet;
    /// `dateline`, `byline` for a wire report; `bulletin_date`, `period_start` for a bulletin.
    public var metadata: [String: String]

    public init(id: DocumentID, kind: DocumentKind, language: LanguageTag, declaredLanguage: LanguageTag? = nil,
                title: String? = nil, author: String? = nil, publisher: String? = nil,
                published: PublishedDate? = nil, canonicalURL: String? = nil, text: String,
                sourceID: SourceID? = nil, metadata: [String: String] = [:]) {
        self.id = id
        self.kind = kind
        self.language = language
        self.declaredLanguage = declaredLanguage
        self.title = title
        self.author = author
        self.publisher = publisher
        self.published = published
        self.canonicalURL = canonicalURL
        self.text = text
        self.sourceID = sourceID
        self.metadata = metadata
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, language, declaredLanguage = "declared_language", title, author, publisher, published
        case canonicalURL = "url", text, sourceID = "source", metadata
    }
}
