import DiglotModel
import DiglotStore

/// One line of `diglot search --json`.
///
/// ```json
/// {"document":"d…","kind":"article","language":"uk","match":"lemma",
///  "pairs":[{"document":"d…","language":"en","pair":"r…","snippet":"… [tanks] …","title":"…"}],
///  "published":"2022-07-08","score":4.2,"snippet":"… [танків] …","title":"…"}
/// ```
public struct SearchResult: Encodable, Sendable, Equatable {
    /// The other side of a pair: `pair`, `document`, `language` as before, plus its `title` and a `snippet`
    /// (its own matches highlighted, or its opening words).
    public struct Partner: Encodable, Sendable, Equatable {
        public var pair: String
        public var document: String
        public var language: String
        public var title: String?
        public var snippet: String

        private enum CodingKeys: String, CodingKey { case pair, document, language, title, snippet }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pair, forKey: .pair)
            try c.encode(document, forKey: .document)
            try c.encode(language, forKey: .language)
            try c.encode(title, forKey: .title)
            try c.encode(snippet, forKey: .snippet)
        }
    }

    public var document: String
    public var language: String
    public var kind: String
    public var title: String?
    public var published: String?
    public var snippet: String
    public var score: Double
    /// `exact`, `lemma`, `name` or `translation`: how far the query was widened to match this document.
    public var match: String
    public var pairs: [Partner]

    init(_ hit: SearchHit) {
        document = hit.document.rawValue
        language = hit.language.rawValue
        kind = hit.kind.rawValue
        title = hit.title
        published = hit.published
        snippet = hit.snippet
        score = (hit.score * 10_000).rounded() / 10_000
        match = "\(hit.tier)"
        pairs = hit.pairs.map {
            Partner(pair: $0.pair.rawValue, document: $0.document.rawValue, language: $0.language.rawValue,
                    title: $0.title, snippet: $0.snippet)
        }
    }

    private enum CodingKeys: String, CodingKey { case document, language, kind, title, published, snippet, score, match, pairs }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(language, forKey: .language)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(score, forKey: .score)
        try c.encode(match, forKey: .match)
        try c.encode(pairs, forKey: .pairs)
    }
}
