import GRDB

extension ArchiveSchema {
    /// Schema 8: a passage that repeats its span of its document is stored with an empty text, and readers cut
    /// the span from the document (`StoredRecord.passageText`).
    ///
    /// Why: `passages.text` was a second copy of nearly every document, 16 % of the archive at 100,000
    /// documents (docs/performance.md, session 24). Nothing is rewritten at open (a million documents would wait
    /// minutes): passages stored before keep their texts, which readers take as they are, until `diglot compact`
    /// (`ArchiveStore.compact`). The version moves so that an older Diglot, which would read those
    /// empty texts as they are, refuses an archive written by this one.
    static func storePassageTextsOnce(_ db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = '8' WHERE key = 'schema_version'")
        try db.execute(sql: "PRAGMA user_version = 8")
    }
}
