import GRDB
import DiglotAnalysis
import DiglotModel

/// A full-text search over documents.
public struct SearchRequest: Sendable {
    /// The query as the user typed it: words (documents with all of them first, then with some), "phrases",
    /// -exclusions, OR, parentheses (see `SearchQuery.parse`).
    public var text: String
    public var language: LanguageTag?
    public var kind: DocumentKind?
    /// First and last UTC day of publication, `YYYY-MM-DD`, inclusive; undated documents are left out
    /// when either is given.
    public var from: String?
    public var to: String?
    public var limit: Int
    /// Put around each matched word in the snippet.
    public var highlight: (open: String, close: String)
    /// How many matches of one stage BM25 ranks at most: when a stage matches more documents (a common word
    /// in a large archive), the most recently archived `rankingWindow` of them are ranked; 0 ranks them all.
    ///
    /// BM25 in FTS5 scores every match before it can sort them, so a word found in 100,000 documents costs
    /// a hundred milliseconds however few hits are wanted; finding the newest matches first costs almost
    /// nothing (FTS5 walks its doclists in rowid order and stops). A news archive is read newest first anyway,
    /// and a stage with fewer matches than the window is ranked exactly as without it.
    public var rankingWindow: Int

    public static let defaultRankingWindow = 2_000

    public init(text: String, language: LanguageTag? = nil, kind: DocumentKind? = nil, from: String? = nil,
                to: String? = nil, limit: Int = 20, highlight: (open: String, close: String) = ("[", "]"),
                rankingWindow: Int = SearchRequest.defaultRankingWindow) {
        self.text = text
        self.language = language
        self.kind = kind
        self.from = from
        self.to = to
        self.limit = limit
        self.highlight = highlight
        self.rankingWindow = max(0, rankingWindow)
    }
}

extension SearchRequest {
    /// Whether a condition reads the document row (language, kind, dates), not only the full-text index.
    var filtersDocuments: Bool { language != nil || kind != nil || from != nil || to != nil }
}

/// One document that matched, best first.
public struct SearchHit: Hashable, Sendable {
    /// The other side of a pair the hit belongs to, shown beside it.
    public struct Partner: Hashable, Sendable {
        public var pair: PairID
        public var document: DocumentID
        public var language: LanguageTag
        public var title: String?
        /// The partner's own matches highlighted when the query matches it too (in its language, through
        /// the glossary), otherwise its opening words.
        public var snippet: String
    }

    public var document: DocumentID
    public var language: LanguageTag
    public var kind: DocumentKind
    public var title: String?
    public var published: String?
    /// A few words around the matches, the matched words highlighted.
    public var snippet: String
    /// Higher is better within a tier (negated BM25, the title weighted ten times the text).
    public var score: Double
    /// How far the query had to be widened to match: every exact hit comes before every lemma hit, and so on.
    public var tier: CompiledQuery.Tier
    /// The documents this one is paired with, in either direction.
    public var pairs: [Partner]
}

extension ArchiveStore {
    /// Weight of a title match against a text match in the ranking.
    ///
    /// Ranking orders row numbers by `bm25(documents_fts, titleWeight, 1.0)` alone; `snippet()` and the
    /// document columns are read afterwards for the rows returned, not for every match.
    static let titleWeight = 10.0

    /// How many characters of a partner's text stand in for a snippet when the query does not match it.
    static let partnerExcerptLength = 160

    /// Documents matching `request.text`, best first: the query's stages (exact forms, then lemmas, name
    /// keys, glossary translations) run in order, each ranked by BM25, each adding only documents the
    /// earlier ones did not return, until `limit`. Each hit carries the other sides of its pairs.
    ///
    /// ```swift
    /// let hits = try store.search(SearchRequest(text: "tanks Kharkiv", language: .ukrainian))
    /// ```
    /// - Throws: `SearchQueryError` when the query has nothing to search for (one sentence saying why; never
    ///   an FTS5 syntax error), `StoreError` when the archive cannot be read.
    public func search(_ request: SearchRequest) throws -> [SearchHit] {
        let stages = stages(for: try SearchQuery.parse(request.text).get())
        return try reading { db in
            try Self.mapForSearch(db)
            var hits: [SearchHit] = []
            var returned: [Int64] = []
            for stage in stages where hits.count < request.limit {
                let best = try rankedMatches(of: stage, request, excluding: returned, db)
                guard !best.isEmpty else { continue }
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT d.seq, d.id, d.language, d.kind, d.title, d.published,
                           snippet(documents_fts, -1, ?2, ?3, '…', 16) AS snippet
                    FROM documents_fts CROSS JOIN documents d ON d.seq = documents_fts.rowid
                    WHERE documents_fts MATCH ?1 AND documents_fts.rowid IN (SELECT value FROM json_each(?4))
                    """), arguments: [stage.match, request.highlight.open, request.highlight.close,
                                      "[" + best.map { String($0.seq) }.joined(separator: ",") + "]"])
                var rowBySeq: [Int64: Row] = [:]
                for row in rows { rowBySeq[row["seq"]] = row }
                for (seq, rank) in best {
                    guard let row = rowBySeq[seq] else { continue }
                    returned.append(seq)
                    hits.append(SearchHit(document: DocumentID(rawValue: row["id"]), language: LanguageTag(rawValue: row["language"]),
                                          kind: DocumentKind(rawValue: row["kind"]) ?? .article, title: row["title"],
                                          published: row["published"], snippet: row["snippet"] ?? "", score: -rank,
                                          tier: stage.tier, pairs: []))
                }
            }
            // The relaxed stage highlights every query word a partner holds, even when it holds only some.
            if let broadest = stages.last {
                for index in hits.indices {
                    hits[index].pairs = try partners(of: hits[index].document, match: broadest.match,
                                                     highlight: request.highlight, db)
                }
            }
            return hits
        }
    }

    /// The best `request.limit - returned.count` matches of one stage that are not in `returned`, best first,
    /// with their BM25 scores (lower is better, as FTS5 gives them).
    ///
    /// One pass over the index: the stage's matches are walked newest first, each scored by `diglot_bm25` with
    /// the archive's document frequencies, and the walk stops after `rankingWindow` of them (0: every match);
    /// the best are picked here. Finding the window's oldest row first and then ranking `rowid >= oldest`
    /// walked the same doclists twice (a seventh of a search on the 100,000-document archive). Ties fall to
    /// the lower row number. Without a language, kind or date filter the pass reads the full-text index alone:
    /// joining every match to its document row was four fifths of the walk for a word in 1,626 bulletins.
    func rankedMatches(of stage: CompiledQuery.Stage, _ request: SearchRequest, excluding returned: [Int64],
                       _ db: Database) throws -> [(seq: Int64, rank: Double)] {
        let wanted = request.limit - returned.count
        guard wanted > 0 else { return [] }
        let returnedJSON = "[" + returned.map(String.init).joined(separator: ",") + "]"
        let frequencies = try documentFrequencies(of: stage.expression, db)
        let score = "\(RankingFunction.name)(documents_fts, \(Self.titleWeight), 1.0, ?3, 'documents_fts_docsize')"
        let statement = try db.cachedStatement(sql: request.filtersDocuments ? """
            SELECT documents_fts.rowid, \(score)
            FROM documents_fts CROSS JOIN documents d ON d.seq = documents_fts.rowid
            WHERE documents_fts MATCH ?1 AND documents_fts.rowid NOT IN (SELECT value FROM json_each(?2))
              AND (?5 IS NULL OR d.language = ?5) AND (?6 IS NULL OR d.kind = ?6)
              AND (?7 IS NULL OR date(d.published_instant, 'unixepoch') >= ?7)
              AND (?8 IS NULL OR date(d.published_instant, 'unixepoch') <= ?8)
            ORDER BY documents_fts.rowid DESC LIMIT ?4
            """ : """
            SELECT rowid, \(score) FROM documents_fts
            WHERE documents_fts MATCH ?1 AND rowid NOT IN (SELECT value FROM json_each(?2))
            ORDER BY rowid DESC LIMIT ?4
            """)
        var arguments: StatementArguments = [stage.match, returnedJSON, frequencies,
                                             request.rankingWindow > 0 ? request.rankingWindow : -1]
        if request.filtersDocuments {
            arguments += [request.language?.rawValue, request.kind?.rawValue, request.from, request.to]
        }
        try statement.setArguments(arguments)
        var best = BestMatches(capacity: wanted)
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() { best.offer(seq: row[0], rank: row[1]) }
        return best.ordered
    }

    /// The `capacity` lowest-ranked rows offered, kept in order as they come (a window offers a few thousand).
    struct BestMatches {
        let capacity: Int
        private(set) var ordered: [(seq: Int64, rank: Double)] = []

        init(capacity: Int) {
            self.capacity = capacity
            ordered.reserveCapacity(capacity + 1)
        }

        mutating func offer(seq: Int64, rank: Double) {
            func before(_ a: (seq: Int64, rank: Double), _ b: (seq: Int64, rank: Double)) -> Bool {
                a.rank < b.rank || (a.rank == b.rank && a.seq < b.seq)
            }
            let candidate = (seq: seq, rank: rank)
            if ordered.count == capacity, let last = ordered.last, !before(candidate, last) { return }
            var index = ordered.count
            while index > 0 && before(candidate, ordered[index - 1]) { index -= 1 }
            ordered.insert(candidate, at: index)
            if ordered.count > capacity { ordered.removeLast() }
        }
    }

    /// How much of the archive a searching connection reads through memory-mapped I/O.
    static let searchMappedBytes = 1 << 30

    /// Maps the archive for a search: FTS5 walks doclists page by page, and a `pread` per page was an eighth
    /// of a query's time on a 100,000-document archive. Set here rather than for every connection: a pool
    /// connection that served a search keeps the mapping, but a `diglot export` process never searches, so its
    /// full read of the archive is not counted as its own memory through mapped pages.
    static func mapForSearch(_ db: Database) throws {
        try db.execute(sql: "PRAGMA mmap_size = \(searchMappedBytes)")
    }

    /// The other documents `document` is paired with, each once, best pair first, each with a snippet in its
    /// own language.
    ///
    /// Two bulletins are paired as wholes and line by line (a pair per figure line, all between the same two
    /// documents): a partner is shown once, through its whole-document pair when there is one, else its most
    /// confident passage pair (`whole * 2 + confidence` is the one aggregate, so SQLite takes the other
    /// columns from that row).
    private func partners(of document: DocumentID, match: String, highlight: (open: String, close: String),
                          _ db: Database) throws -> [SearchHit.Partner] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id AS pair, d.seq, d.id, d.language, d.title, substr(d.text, 1, ?2) AS excerpt,
                   MAX((p.original = p.original_document AND p.rendering = p.rendering_document) * 2 + p.confidence) AS best
            FROM pairs p JOIN documents d
              ON d.id = CASE WHEN p.original_document = ?1 THEN p.rendering_document ELSE p.original_document END
            WHERE p.original_document = ?1 OR p.rendering_document = ?1
            GROUP BY d.id
            ORDER BY best DESC, d.id
            """), arguments: [document.rawValue, Self.partnerExcerptLength])
        return try rows.map { row in
            let seq: Int64 = row["seq"]
            let matched = try String.fetchOne(db.cachedStatement(sql: """
                SELECT snippet(documents_fts, -1, ?2, ?3, '…', 16) FROM documents_fts
                WHERE documents_fts MATCH ?1 AND documents_fts.rowid = ?4
                """), arguments: [match, highlight.open, highlight.close, seq])
            let excerpt: String = row["excerpt"] ?? ""
            let opening = excerpt.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return SearchHit.Partner(pair: PairID(rawValue: row["pair"]), document: DocumentID(rawValue: row["id"]),
                                     language: LanguageTag(rawValue: row["language"]), title: row["title"],
                                     snippet: matched ?? (excerpt.count >= Self.partnerExcerptLength ? opening + "…" : opening))
        }
    }

    /// The query's MATCH expressions, narrowest first. The morphological analyzer compiles every tier; any
    /// other analyzer gets the surface forms alone (one stage), analysed by its own query tokenizer.
    func stages(for query: SearchQuery) -> [CompiledQuery.Stage] {
        if let morphological = analyzer as? MorphologicalAnalyzer {
            return QueryCompiler(analyzer: morphological).compile(query).stages
        }
        return [CompiledQuery.Stage(tier: .exact, expression: Self.surfaceExpression(query.root))]
    }

    static func surfaceExpression(_ node: SearchQuery.Node) -> MatchExpression {
        switch node {
        case .word(let word): return .term(word)
        case .phrase(let words): return .phrase(words.map { [$0] })
        case .all(let nodes): return .all(nodes.map(surfaceExpression))
        case .any(let nodes): return .any(nodes.map(surfaceExpression))
        case .excluding(let kept, let excluded):
            return .excluding(surfaceExpression(kept),
                              excluded.count == 1 ? surfaceExpression(excluded[0]) : .any(excluded.map(surfaceExpression)))
        }
    }
}
