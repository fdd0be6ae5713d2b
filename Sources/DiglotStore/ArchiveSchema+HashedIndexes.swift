import GRDB

extension ArchiveSchema {
    /// Schema 9: two indexes on hashed keys dropped, and a document's first source no longer linked twice.
    ///
    /// - `passages_document` (`document_id, idx`): a document's passages are found through the index on passage
    ///   ids instead, whose ids begin with the document's digits (`PassageID.range(of:)`).
    /// - `document_sources_source` (`source_id`): no query looked documents up by source.
    /// - `document_sources` now holds only the sources a document was found in after its first, which
    ///   `documents.source_id` already names; readers take both (`ArchiveStore.document(_:)`).
    ///
    /// Why: document and source ids are hashes, so every new document dirtied a page at a random place in each
    /// of these three B-trees, and each such page was written to the log at the commit and again to the archive
    /// at the checkpoint. Importing 10,000 documents into an archive of a million, they took 34 % of the page
    /// writes; the import's cost per document grew with the archive for it (docs/performance.md, session 25).
    /// Dropping an index frees its pages for the archive to reuse; the links written before stay (readers
    /// take a source once however it is named), so nothing is rewritten at open.
    static func dropHashedIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS passages_document;
            DROP INDEX IF EXISTS document_sources_source;
            UPDATE meta SET value = '9' WHERE key = 'schema_version';
            PRAGMA user_version = 9;
            """)
    }
}
