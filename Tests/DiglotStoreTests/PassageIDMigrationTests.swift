import Foundation
import GRDB
import Testing
import DiglotModel
@testable import DiglotStore

/// Schema 6 renames passages by the formula that keeps a document's passages together; an archive of schema 5
/// holds ids by the first formula and every reference to them must follow.
@Suite struct PassageIDMigrationTests {
    static let ukrainian = Fixture.document("ids:uk", .ukrainian, "Перший рядок про танки.\nДругий рядок про гармати.")
    static let english = Fixture.document("ids:en", .english, "First line about tanks.\nSecond line about guns.")

    static func passages(of document: Document) -> [Passage] {
        let lines = document.text.split(separator: "\n").map(String.init)
        let first = lines[0].unicodeScalars.count
        return [Passage(documentID: document.id, index: 0, role: .paragraph, start: 0, end: first,
                        language: document.language, text: lines[0]),
                Passage(documentID: document.id, index: 1, role: .paragraph, start: first + 1,
                        end: first + 1 + lines[1].unicodeScalars.count, language: document.language, text: lines[1])]
    }

    /// Every id in the archive that names a passage or a pair, with what it refers to, in one comparable value.
    static func references(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in
            try String.fetchAll(db, sql: "SELECT 'passage ' || id || ' ' || document_id || ' ' || idx FROM passages")
                + String.fetchAll(db, sql: "SELECT 'figure ' || category || ' ' || ifnull(passage_id, '-') FROM figures")
                + String.fetchAll(db, sql: "SELECT 'pair ' || id || ' ' || original || ' ' || rendering || ' ' || ifnull(parent, '-') FROM pairs")
                + String.fetchAll(db, sql: "SELECT 'unit ' || pair_id || ' ' || idx FROM aligned_units")
                + String.fetchAll(db, sql: "SELECT 'unlink ' || pair_id || ' ' || original || ' ' || rendering FROM unlinks")
        }.sorted()
    }

    /// Turns a current archive back into what schema 5 wrote: passage ids by the first formula, pair and unlink
    /// ids derived from those, the passages' full-text index, and no record of migrations 6 and 7.
    static func downgradeToSchema5(_ store: ArchiveStore) throws {
        try store.pool.write { db in
            try PassageIndexMigrationTests.restorePassageIndex(db)
            // Pairs' ids change under their aligned units: checked at the commit, as a migration checks them.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var legacy: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, document_id, idx FROM passages") {
                legacy[row["id"]] = PassageID.legacy(document: DocumentID(rawValue: row["document_id"]), index: row["idx"]).rawValue
            }
            func side(_ raw: String) -> String { legacy[raw] ?? raw }
            func pairID(_ original: String, _ rendering: String) -> String {
                PairID(original: PairSide(rawValue: original)!, rendering: PairSide(rawValue: rendering)!).rawValue
            }
            var pairs: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, original, rendering FROM pairs") {
                pairs[row["id"]] = pairID(side(row["original"]), side(row["rendering"]))
            }
            for (current, old) in legacy {
                try db.execute(sql: "UPDATE passages SET id = ? WHERE id = ?", arguments: [old, current])
                try db.execute(sql: "UPDATE figures SET passage_id = ? WHERE passage_id = ?", arguments: [old, current])
                try db.execute(sql: "UPDATE pairs SET original = ? WHERE original = ?", arguments: [old, current])
                try db.execute(sql: "UPDATE pairs SET rendering = ? WHERE rendering = ?", arguments: [old, current])
            }
            for (current, old) in pairs {
                try db.execute(sql: "UPDATE pairs SET id = ? WHERE id = ?", arguments: [old, current])
                try db.execute(sql: "UPDATE pairs SET parent = ? WHERE parent = ?", arguments: [old, current])
                try db.execute(sql: "UPDATE aligned_units SET pair_id = ? WHERE pair_id = ?", arguments: [old, current])
            }
            for row in try Row.fetchAll(db, sql: "SELECT pair_id, original, rendering FROM unlinks") {
                let original = side(row["original"]), rendering = side(row["rendering"])
                try db.execute(sql: "UPDATE unlinks SET pair_id = ?, original = ?, rendering = ? WHERE pair_id = ?",
                               arguments: [pairID(original, rendering), original, rendering, row["pair_id"] as String])
            }
            try db.execute(sql: """
                DELETE FROM grdb_migrations WHERE identifier IN ('v6-passage-ids-by-document', 'v8-passage-texts-once', 'v9-fewer-hashed-indexes');
                UPDATE meta SET value = '5' WHERE key = 'schema_version';
                PRAGMA user_version = 5;
                """)
        }
    }

    @Test func aSchema5ArchiveIsRenamedWithEveryReference() throws {
        let archive = try TemporaryArchive()
        let store = archive.store
        let uk = Self.passages(of: Self.ukrainian), en = Self.passages(of: Self.english)
        let documentPair = Pair(original: .document(Self.ukrainian.id), rendering: .document(Self.english.id),
                                method: .sameBulletin, confidence: 1)
        let linePairs = zip(uk, en).map {
            Pair(original: .passage($0.id), rendering: .passage($1.id), method: .sameBulletin, confidence: 0.9,
                 parent: documentPair.id)
        }
        let unit = AlignedUnit(pairID: linePairs[0].id, index: 0, originalText: uk[0].text, renderingText: en[0].text,
                               pattern: "1-1")
        let figure = Figure(documentID: Self.ukrainian.id, date: "2022-08-21", category: .tank, total: 10, delta: nil,
                            qualifier: nil, language: .ukrainian, passageID: uk[0].id)
        _ = try store.write(source: Fixture.source("ids"),
                            batch: ImportBatch(documents: [Self.ukrainian, Self.english], passages: uk + en,
                                               pairs: [documentPair] + linePairs, figures: [figure], alignedUnits: [unit]))
        #expect(try store.unlink(original: linePairs[1].original, rendering: linePairs[1].rendering))
        let current = try Self.references(store)
        #expect(current.count == 4 + 1 + 2 + 1 + 1)

        #expect(ArchiveStore.pendingUpgrade(at: archive.path) == nil)
        #expect(ArchiveStore.pendingUpgrade(at: archive.file("none.sqlite").path) == nil)
        try Self.downgradeToSchema5(store)
        #expect(ArchiveStore.pendingUpgrade(at: archive.path)?.contains("from schema 5 to \(ArchiveSchema.version)") == true)
        let downgraded = try Self.references(store)
        #expect(downgraded.count == current.count)
        #expect(Set(downgraded).intersection(current).count == 1, "only the document pair keeps its line: \(downgraded)")
        try store.close()

        let reopened = try ArchiveStore(path: archive.path)
        #expect(try reopened.schemaVersion() == ArchiveSchema.version)
        #expect(try Self.references(reopened) == current)
        #expect(try PassageIndexMigrationTests.schemaEntries(reopened, like: "%passages_fts%").isEmpty)
        #expect(try reopened.isUnlinked(linePairs[1].id))
        #expect(try reopened.alignedUnits(of: linePairs[0].id).map(\.originalText) == [uk[0].text])
        #expect(try reopened.verify().isEmpty)
        let hits = try reopened.search(SearchRequest(text: "гармати"))
        #expect(hits.map(\.document) == [Self.ukrainian.id])
        try reopened.close()
    }

    /// On an archive whose ids already match, schema 6 changes nothing.
    @Test func anArchiveWithCurrentIDsIsLeftAsItIs() throws {
        let archive = try TemporaryArchive()
        let uk = Self.passages(of: Self.ukrainian)
        _ = try archive.store.write(source: Fixture.source("ids"),
                                    batch: ImportBatch(documents: [Self.ukrainian], passages: uk))
        let before = try Self.references(archive.store)
        try archive.store.pool.write { db in
            try db.execute(sql: """
                DELETE FROM grdb_migrations WHERE identifier IN ('v6-passage-ids-by-document', 'v7-no-passage-index', 'v8-passage-texts-once', 'v9-fewer-hashed-indexes');
                PRAGMA user_version = 5;
                """)
        }
        try archive.store.close()
        let reopened = try ArchiveStore(path: archive.path)
        #expect(try Self.references(reopened) == before)
        #expect(try reopened.schemaVersion() == ArchiveSchema.version)
        try reopened.close()
    }
}
