import GRDB

extension ArchiveSchema {
    /// Schema 7: passages lose their full-text index (`passages_fts`, with the triggers that kept it in step
    /// with hand edits); documents keep theirs.
    ///
    /// Why: nothing in Diglot searched it. Search ranks whole documents (all query words anywhere in one
    /// document), pairing finds candidates through its own index, and exports read passages by id; yet every
    /// import indexed each passage's text a second time, inside the document's. Writing it was 15 % of an
    /// import's wall time at 10,000 documents and 22 % at 100,000, and 7-18 % of the archive (docs/performance.md,
    /// session 20). Dropping it frees its pages for the archive to reuse (the file does not shrink until a
    /// `VACUUM`).
    static func dropPassageIndex(_ db: Database) throws {
        let triggers = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'passages' AND sql LIKE '%passages_fts%'
            """)
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \(trigger.quotedDatabaseIdentifier)")
        }
        try db.execute(sql: "DROP TABLE IF EXISTS passages_fts")
        try db.execute(sql: "UPDATE meta SET value = '7' WHERE key = 'schema_version'")
        try db.execute(sql: "PRAGMA user_version = 7")
    }
}
