import GRDB

extension ArchiveSchema {
    /// Schema 5: new documents and passages enter the full-text indexes through `ArchiveStore.indexNewRows`, one
    /// statement per index at the end of each write, instead of a trigger firing for every row inserted.
    ///
    /// Why: SQLite opens a statement savepoint for nearly every insert inside a transaction, and FTS5 (3.40)
    /// flushes its pending terms to a new index segment at every savepoint. With the insert triggers each
    /// passage row became its own segment, merged again later: the flushes were over a third of the writing
    /// thread's instructions. The delete and update triggers stay (documents are never deleted or changed by
    /// Diglot, but a hand edit stays consistent).
    static func indexNewRowsExplicitly(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS "__documents_fts_ai";
            DROP TRIGGER IF EXISTS "__passages_fts_ai";
            """)
        try db.execute(sql: "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
        try db.execute(sql: "PRAGMA user_version = 5")
    }
}
