import Foundation
import GRDB
import Testing
import DiglotModel
@testable import DiglotStore

/// Schema 7 drops the passages' full-text index, which nothing searched: an archive of schema 6 loses the index
/// and the triggers that fed it, and nothing else.
@Suite struct PassageIndexMigrationTests {
    /// Gives a current archive back what schema 6 had: `passages_fts` over every passage, with the delete and
    /// update triggers that kept it in step with hand edits (schema 5 had dropped the insert trigger), and no
    /// record of migration 7.
    static func restorePassageIndex(_ db: Database) throws {
        try db.create(virtualTable: "passages_fts", using: FTS5()) { t in
            t.synchronize(withTable: "passages")
            t.tokenizer = AnalyzerTokenizer.tokenizerDescriptor()
            t.column("text")
        }
        try db.execute(sql: """
            DROP TRIGGER "__passages_fts_ai";
            DELETE FROM grdb_migrations WHERE identifier IN ('v7-no-passage-index', 'v8-passage-texts-once', 'v9-fewer-hashed-indexes');
            UPDATE meta SET value = '6' WHERE key = 'schema_version';
            PRAGMA user_version = 6;
            """)
    }

    static func schemaEntries(_ store: ArchiveStore, like pattern: String) throws -> [String] {
        try store.reading { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master WHERE name LIKE ? ORDER BY name",
                                arguments: [pattern])
        }
    }

    @Test func aSchema6ArchiveLosesItsPassageIndexAndNothingElse() throws {
        let archive = try TemporaryArchive()
        let uk = PassageIDMigrationTests.ukrainian, en = PassageIDMigrationTests.english
        let passages = PassageIDMigrationTests.passages(of: uk) + PassageIDMigrationTests.passages(of: en)
        _ = try archive.store.write(source: Fixture.source("index"), batch: ImportBatch(documents: [uk, en], passages: passages))
        let references = try PassageIDMigrationTests.references(archive.store)
        let indexed = try PreparedIndexTokensTests.indexContent(archive.store)
        #expect(try Self.schemaEntries(archive.store, like: "%passages_fts%").isEmpty, "a new archive has none")

        try archive.store.pool.write { db in try Self.restorePassageIndex(db) }
        #expect(try archive.store.schemaVersion() == 6)
        #expect(try IndexWriteTests.rows(archive, "passages_fts_docsize") == passages.count, "the index was there")
        #expect(try Self.schemaEntries(archive.store, like: "__passages_fts_a%") == ["trigger __passages_fts_ad", "trigger __passages_fts_au"])
        #expect(ArchiveStore.pendingUpgrade(at: archive.path) == nil, "dropping an index needs no warning")
        try archive.reopen()

        #expect(try archive.store.schemaVersion() == ArchiveSchema.version)
        #expect(try Self.schemaEntries(archive.store, like: "%passages_fts%").isEmpty)
        #expect(try PassageIDMigrationTests.references(archive.store) == references)
        #expect(try PreparedIndexTokensTests.indexContent(archive.store) == indexed)
        #expect(try archive.store.verify().isEmpty)
        #expect(try archive.store.search(SearchRequest(text: "гармати")).map(\.document) == [uk.id])
        // A hand edit of a passage no longer fires a trigger naming the dropped index.
        try archive.store.pool.write { db in
            try db.execute(sql: "UPDATE passages SET text = 'edited' WHERE idx = 0")
            try db.execute(sql: "DELETE FROM passages WHERE idx = 1")
        }
        #expect(try IndexWriteTests.rows(archive, "passages") == 2)
    }
}
