import GRDB

extension ArchiveStore {
    /// Merges the full-text index into one segment (FTS5's `optimize`).
    ///
    /// Every import transaction leaves FTS5 a new segment, and its automerge keeps several levels of them: a
    /// query then looks each term up in every segment. After a bulk import, merging them once makes lookups
    /// (and above all the per-document `MATCH … AND rowid = ?` of partner snippets) cheaper. It rewrites the
    /// whole index, so it costs about as long as reading it, and the archive briefly needs the index's size free.
    public func optimizeSearchIndexes() throws {
        try writing { db in
            try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES('optimize')")
        }
    }
}
