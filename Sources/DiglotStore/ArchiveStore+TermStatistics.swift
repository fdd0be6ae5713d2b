import GRDB
import DiglotAnalysis

/// How many documents hold each term, so the search's BM25 (`RankingFunction`) need not count them per query.
///
/// Only terms held by at least `countedTermMinimum` documents are kept: a rarer term is counted at query time,
/// which walks as many index entries as documents hold it, so costs next to nothing. The counts are refreshed
/// after a bulk import and whenever the archive has grown by a quarter since they were taken; between
/// refreshes a kept count is scaled by how much the archive grew (the share of documents holding a term
/// barely moves from one week of news to the next).
extension ArchiveStore {
    /// Terms held by fewer documents are counted at query time instead of kept.
    static let countedTermMinimum = 64
    /// An archive smaller than this keeps no counts: every term is counted at query time in well under a
    /// millisecond.
    static let termStatisticsMinimumDocuments: Int64 = 2_000
    /// `meta` key: the highest document number when the counts were taken.
    static let termStatisticsRowsKey = "term_documents_rows"

    /// Recounts the documents holding each common term of the document index (FTS5's `fts5vocab`): a read of
    /// the whole index's term list, 1-2 s on a 100,000-document archive.
    public func refreshTermStatistics() throws {
        try writing { db in try Self.refreshTermStatistics(db) }
    }

    /// Refreshes the counts when the archive is large enough to need them and has grown by more than a
    /// quarter since they were taken (or they never were); returns whether it did.
    @discardableResult
    public func refreshTermStatisticsIfStale() throws -> Bool {
        try writing { db in
            guard Self.termStatisticsAreStale(documents: try Self.documentRows(db), countedAt: try Self.rowsWhenCounted(db))
            else { return false }
            try Self.refreshTermStatistics(db)
            return true
        }
    }

    /// Whether an archive of `documents` documents, whose terms were counted when it had `countedAt` (nil:
    /// never), should count them again.
    static func termStatisticsAreStale(documents: Int64, countedAt: Int64?) -> Bool {
        documents >= termStatisticsMinimumDocuments && documents * 4 > (countedAt ?? 0) * 5
    }

    static func refreshTermStatistics(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.documents_fts_terms;
            CREATE VIRTUAL TABLE temp.documents_fts_terms USING fts5vocab(main, documents_fts, row);
            DELETE FROM term_documents;
            """)
        try db.execute(sql: "INSERT INTO term_documents(term, documents) SELECT term, doc FROM temp.documents_fts_terms WHERE doc >= ?",
                       arguments: [countedTermMinimum])
        try db.execute(sql: "DROP TABLE temp.documents_fts_terms")
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [termStatisticsRowsKey, String(try documentRows(db))])
    }

    /// The highest document row number: how many documents the archive has ever taken (rows are never
    /// deleted), read from the table's last row instead of counted.
    public func documentRows() throws -> Int {
        try reading { db in Int(try Self.documentRows(db)) }
    }

    /// The highest document number: the number of documents, as documents are never deleted, read in O(log n).
    static func documentRows(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(seq) FROM documents") ?? 0
    }

    static func rowsWhenCounted(_ db: Database) throws -> Int64? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [termStatisticsRowsKey])
            .flatMap { Int64($0) }
    }

    /// For each phrase of `expression`, in FTS5's order, an estimate of how many documents hold it, as the
    /// space-separated list `diglot_bm25` takes.
    ///
    /// A phrase is a run of positions, each holding alternative terms (a word and its lemmas, name keys,
    /// translations), so a document holding the phrase holds at least one alternative at every position: the
    /// estimate is the least, over positions, of the most documents any one alternative is found in. For the
    /// usual one-word phrase without alternatives it is exact (when the counts are fresh); otherwise it is
    /// close (a word's documents are mostly its lemma's documents) where `bm25()` would count the phrase over
    /// the whole index.
    func documentFrequencies(of expression: MatchExpression, _ db: Database) throws -> String {
        let phrases = expression.phrases.map { phrase in Self.positions(of: analyzer.queryTokens(MatchExpression.phraseBody(phrase))) }
        let terms = Array(Set(phrases.flatMap { $0.flatMap { $0 } }))
        var documents: [String: Int64] = [:]
        if !terms.isEmpty {
            let rows = try Self.documentRows(db)
            let counted = try Self.rowsWhenCounted(db) ?? 0
            let scale = counted > 0 && rows > counted ? Double(rows) / Double(counted) : 1
            let termsJSON = StoreJSON.encodeStrings(terms)
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT term, documents FROM term_documents WHERE term IN (SELECT value FROM json_each(?))
                """), arguments: [termsJSON]) {
                documents[row["term"]] = min(Int64((Double(row["documents"] as Int64) * scale).rounded()), rows)
            }
            for term in terms where documents[term] == nil {
                documents[term] = try Int64.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?
                    """), arguments: [MatchExpression.term(term).fts5]) ?? 0
            }
        }
        return phrases.map { positions in
            let estimate = positions.map { alternatives in alternatives.map { documents[$0] ?? 0 }.max() ?? 0 }.min() ?? 0
            return String(estimate)
        }.joined(separator: " ")
    }

    /// Query tokens grouped by position: a token not colocated with the one before starts a new position.
    static func positions(of tokens: [AnalyzedToken]) -> [[String]] {
        var positions: [[String]] = []
        for token in tokens {
            if token.isColocated, !positions.isEmpty { positions[positions.count - 1].append(token.term) }
            else { positions.append([token.term]) }
        }
        return positions
    }
}
