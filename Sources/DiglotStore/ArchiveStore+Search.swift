import GRDB
import DiglotModel

/// A full-text search over documents.
public struct SearchRequest: Sendable {
    /// Words and "quoted phrases" as the user typed them; every one must match.
    public var text: String
    public var language: LanguageTag?
    public var kind: DocumentKind?
    public var limit: Int
    /// Put around each matched word in the snippet.
    public var highlight: (open: String, close: String)

    public init(text: String, language: LanguageTag? = nil, kind: DocumentKind? = nil, limit: Int = 20,
                highlight: (open: String, close: String) = ("[", "]")) {
        self.text = text
        self.language = language
        self.kind = kind
        self.limit = limit
        self.highlight = highlight
    }
}

/// One document that matched, best first.
public struct SearchHit: Hashable, Sendable {
    public struct Partner: Hashable, Sendable {
        public var pair: PairID
        public var document: DocumentID
        public var language: LanguageTag
    }

    public var document: DocumentID
    public var language: LanguageTag
    public var kind: DocumentKind
    public var title: String?
    public var published: String?
    /// A few words around the matches, the matched words highlighted.
    public var snippet: String
    /// Higher is better (negated BM25, the title weighted ten times the text).
    public var score: Double
    /// The documents this one is paired with, in either direction.
    public var pairs: [Partner]
}

/// One passage that matched.
public struct PassageHit: Hashable, Sendable {
    public var passage: PassageID
    public var document: DocumentID
    public var language: LanguageTag
    public var snippet: String
    public var score: Double
}

extension ArchiveStore {
    /// Weight of a title match against a text match in the ranking.
    ///
    /// Ranking goes through FTS5's own `rank` column (`rank MATCH 'bm25(…)'`, `ORDER BY rank`), which FTS5
    /// sorts itself: SQLite then computes `snippet()` only for the rows it returns, not for every match.
    static let titleWeight = 10.0

    /// Documents matching every word of `request.text`, best first.
    ///
    /// ```swift
    /// let hits = try store.search(SearchRequest(text: "Генштаб танків", language: .ukrainian))
    /// ```
    public func search(_ request: SearchRequest) throws -> [SearchHit] {
        guard let match = SearchQuery.matchExpression(for: request.text, analyzer: analyzer) else { return [] }
        return try reading { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.id, d.language, d.kind, d.title, d.published,
                       snippet(documents_fts, -1, ?2, ?3, '…', 16) AS snippet,
                       documents_fts.rank AS rank
                FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                WHERE documents_fts MATCH ?1 AND documents_fts.rank MATCH 'bm25(\(Self.titleWeight), 1.0)'
                  AND (?4 IS NULL OR d.language = ?4) AND (?5 IS NULL OR d.kind = ?5)
                ORDER BY documents_fts.rank LIMIT ?6
                """), arguments: [match, request.highlight.open, request.highlight.close, request.language?.rawValue,
                                  request.kind?.rawValue, request.limit])
            return try rows.map { row in
                let id: String = row["id"]
                let partners = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT id, CASE WHEN original_document = ?1 THEN rendering_document ELSE original_document END AS partner,
                           CASE WHEN original_document = ?1 THEN rendering_language ELSE original_language END AS partner_language
                    FROM pairs WHERE original_document = ?1 OR rendering_document = ?1
                    ORDER BY confidence DESC, id
                    """), arguments: [id]).map { p in
                        SearchHit.Partner(pair: PairID(rawValue: p["id"]), document: DocumentID(rawValue: p["partner"]),
                                          language: LanguageTag(rawValue: p["partner_language"]))
                    }
                let rank: Double = row["rank"]
                return SearchHit(document: DocumentID(rawValue: id), language: LanguageTag(rawValue: row["language"]),
                                 kind: DocumentKind(rawValue: row["kind"]) ?? .article, title: row["title"],
                                 published: row["published"], snippet: row["snippet"] ?? "", score: -rank,
                                 pairs: partners)
            }
        }
    }

    /// Passages matching every word of `text`, best first: what pairing and fidelity checks look up.
    public func searchPassages(_ text: String, language: LanguageTag? = nil, limit: Int = 20) throws -> [PassageHit] {
        guard let match = SearchQuery.matchExpression(for: text, analyzer: analyzer) else { return [] }
        return try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.id, p.document_id, p.language, snippet(passages_fts, 0, '[', ']', '…', 16) AS snippet,
                       passages_fts.rank AS rank
                FROM passages_fts JOIN passages p ON p.seq = passages_fts.rowid
                WHERE passages_fts MATCH ?1 AND (?2 IS NULL OR p.language = ?2)
                ORDER BY passages_fts.rank LIMIT ?3
                """), arguments: [match, language?.rawValue, limit]).map { row in
                    let rank: Double = row["rank"]
                    return PassageHit(passage: PassageID(rawValue: row["id"]), document: DocumentID(rawValue: row["document_id"]),
                                      language: LanguageTag(rawValue: row["language"]), snippet: row["snippet"] ?? "",
                                      score: -rank)
                }
        }
    }
}
