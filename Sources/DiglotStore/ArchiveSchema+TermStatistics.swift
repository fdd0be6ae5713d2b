import GRDB

extension ArchiveSchema {
    /// How many documents hold each common index term (`term_documents`), for the search's BM25
    /// (`RankingFunction`), and how many documents the index had when they were counted (`meta`
    /// `term_documents_rows`). Empty until the first refresh (`ArchiveStore.refreshTermStatistics`); the search
    /// counts a term it does not find there itself.
    static func addTermStatistics(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE term_documents (
                term TEXT PRIMARY KEY NOT NULL,
                documents INTEGER NOT NULL
            ) WITHOUT ROWID;
            """)
        try db.execute(sql: "UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        try db.execute(sql: "PRAGMA user_version = 4")
    }
}
