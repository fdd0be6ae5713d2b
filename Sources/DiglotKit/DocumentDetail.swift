import DiglotModel
import DiglotStore

/// `diglot show ID --json`: one document with its text, metadata, source, passages and pairs.
///
/// ```json
/// {"author":null,"declared_language":"uk","document":"d…","kind":"tweet","language":"en",
///  "metadata":{"handle":"…","status_id":"…"},"pairs":[…],"passages":[…],"published":"2022-02-25",
///  "source":{"importer":"tweet-embed","importer_version":"1","path":"a.html","sha256":"…"},"text":"…",…}
/// ```
public struct DocumentDetail: Encodable, Sendable, Equatable {
    /// Where a document was read from: `path` for a file, `url` for a fetched page.
    public struct SourceInfo: Encodable, Sendable, Equatable {
        public var path: String?
        public var url: String?
        public var sha256: String
        public var importer: String
        public var importerVersion: String
        public var mediaType: String
        public var importedAt: String

        init(_ source: StoredSource) {
            path = source.fileName
            url = source.originURL
            sha256 = source.id.rawValue
            importer = source.importerID
            importerVersion = source.importerVersion
            mediaType = source.mediaType
            importedAt = source.importedAt
        }

        private enum CodingKeys: String, CodingKey {
            case path, url, sha256, importer, importerVersion = "importer_version", mediaType = "media_type"
            case importedAt = "imported_at"
        }
    }

    public struct PassageInfo: Encodable, Sendable, Equatable {
        public var passage: String
        public var index: Int
        public var role: String
        public var start: Int
        public var end: Int
        public var language: String
        public var text: String
        public var metadata: [String: String]
    }

    public struct PairInfo: Encodable, Sendable, Equatable {
        public struct Partner: Encodable, Sendable, Equatable {
            public var document: String
            public var language: String
            /// The partner's side of the pair: its passage's text, or its whole text.
            public var text: String
        }

        /// One sentence-level unit of the pair's alignment.
        public struct Unit: Encodable, Sendable, Equatable {
            public var original: String
            public var rendering: String
            public var pattern: String
        }

        public var pair: String
        /// Which side this document is: `original` or `rendering`.
        public var role: String
        public var original: String
        public var rendering: String
        public var method: String
        public var confidence: Double
        public var origin: String
        /// This document's side of the pair: the passage's text for a passage pair, else the document's text.
        public var text: String
        public var partner: Partner
        public var fidelity: PairListing.Fidelity
        /// The sentence alignment, original first; empty when the pair has none.
        public var alignment: [Unit]
    }

    public var document: String
    public var kind: String
    public var language: String
    public var declaredLanguage: String?
    public var title: String?
    public var author: String?
    public var publisher: String?
    public var published: String?
    public var publishedPrecision: String?
    public var url: String?
    public var text: String
    public var metadata: [String: String]
    public var source: SourceInfo?
    /// Every source the document was read from (the same tweet embedded in two articles has two).
    public var sources: [SourceInfo]
    public var passages: [PassageInfo]
    public var pairs: [PairInfo]

    init(_ stored: StoredDocument, texts: [PairSide: String], units: [PairID: [AlignedUnit]]) {
        let d = stored.document
        document = d.id.rawValue
        kind = d.kind.rawValue
        language = d.language.rawValue
        declaredLanguage = d.declaredLanguage?.rawValue
        title = d.title
        author = d.author
        publisher = d.publisher
        published = d.published?.description
        publishedPrecision = d.published?.precision.rawValue
        url = d.canonicalURL
        text = d.text
        metadata = d.metadata
        sources = stored.sources.map(SourceInfo.init)
        source = sources.first
        passages = stored.passages.map {
            PassageInfo(passage: $0.id.rawValue, index: $0.index, role: $0.role.rawValue, start: $0.start, end: $0.end,
                        language: $0.language.rawValue, text: $0.text, metadata: $0.metadata)
        }
        pairs = stored.pairs.map { Self.pairInfo($0, texts: texts, units: units[$0.pair.id] ?? []) }
    }

    private static func pairInfo(_ link: PairLink, texts: [PairSide: String], units: [AlignedUnit]) -> PairInfo {
        let pair = link.pair
        let own: PairSide = link.role == .original ? pair.original : pair.rendering
        let other: PairSide = link.role == .original ? pair.rendering : pair.original
        let partner = PairInfo.Partner(document: link.partnerDocument.rawValue, language: link.partnerLanguage.rawValue,
                                       text: texts[other] ?? "")
        let fidelity = PairListing.Fidelity(status: pair.fidelity.status.rawValue, issues: pair.fidelity.issues)
        let alignment: [PairInfo.Unit] = units.map {
            PairInfo.Unit(original: $0.originalText, rendering: $0.renderingText, pattern: $0.pattern)
        }
        return PairInfo(pair: pair.id.rawValue, role: link.role.rawValue, original: pair.original.rawValue,
                        rendering: pair.rendering.rawValue, method: pair.method.rawValue, confidence: pair.confidence,
                        origin: pair.origin.rawValue, text: texts[own] ?? "", partner: partner, fidelity: fidelity,
                        alignment: alignment)
    }

    private enum CodingKeys: String, CodingKey {
        case document, kind, language, declaredLanguage = "declared_language", title, author, publisher, published
        case publishedPrecision = "published_precision", url, text, metadata, source, sources, passages, pairs
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(kind, forKey: .kind)
        try c.encode(language, forKey: .language)
        try c.encode(declaredLanguage, forKey: .declaredLanguage)
        try c.encode(title, forKey: .title)
        try c.encode(author, forKey: .author)
        try c.encode(publisher, forKey: .publisher)
        try c.encode(published, forKey: .published)
        try c.encode(publishedPrecision, forKey: .publishedPrecision)
        try c.encode(url, forKey: .url)
        try c.encode(text, forKey: .text)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(source, forKey: .source)
        try c.encode(sources, forKey: .sources)
        try c.encode(passages, forKey: .passages)
        try c.encode(pairs, forKey: .pairs)
    }
}
