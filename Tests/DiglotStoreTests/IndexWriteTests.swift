import Foundation
import Testing
import GRDB
import DiglotModel
@testable import DiglotStore

/// A write adds its documents to the full-text index itself (`ArchiveStore.indexNewRows`), in one statement, and
/// `verify` notices an index that does not hold every document. Passages have no index of their own (schema 7).
@Suite struct IndexWriteTests {
    /// A document cut into `count` passages.
    static func batch(_ key: String, passages count: Int) -> ImportBatch {
        let sentences = (0..<count).map { "Sentence \($0) of \(key): shelling near Kharkiv, \($0 + 3) tanks destroyed." }
        let document = Fixture.document(key, .english, sentences.joined(separator: " "), title: "Report \(key)")
        var start = 0
        var passages: [Passage] = []
        for (index, sentence) in sentences.enumerated() {
            let length = sentence.unicodeScalars.count
            passages.append(Passage(documentID: document.id, index: index, role: .paragraph, start: start,
                                    end: start + length, language: .english, text: sentence))
            start += length + 1
        }
        return ImportBatch(documents: [document], passages: passages)
    }

    static func rows(_ archive: TemporaryArchive, _ table: String) throws -> Int {
        try archive.store.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    @Test func everyWrittenRowIsSearchable() throws {
        let archive = try TemporaryArchive()
        for key in ["a", "b", "c"] {
            _ = try archive.store.write(source: Fixture.source(key), batch: Self.batch(key, passages: 5))
        }
        #expect(try Self.rows(archive, "documents_fts_docsize") == 3)
        #expect(try Self.rows(archive, "passages") == 15)
        #expect(try archive.store.search(SearchRequest(text: "Kharkiv")).count == 3)
        #expect(try archive.store.verify().isEmpty)
        let passageIndexTables = try archive.store.reading { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'passages_fts%'")
        }
        #expect(passageIndexTables.isEmpty)
    }

    /// FTS5 flushes its pending terms into a new segment at every statement savepoint: a trigger per row made
    /// each of a write's 40 documents its own segment. Indexed in one statement, the write adds one.
    @Test func aWriteAddsOneSegmentToAnIndexNotOnePerRow() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.write(source: Fixture.source("first"), batch: Self.batch("first", passages: 2))
        let before = try Self.rows(archive, "documents_fts_data")
        let many = (0..<40).map { Self.batch("big \($0)", passages: 2) }
        _ = try archive.store.write(source: Fixture.source("big"),
                                    batch: ImportBatch(documents: many.flatMap(\.documents), passages: many.flatMap(\.passages)))
        #expect(try Self.rows(archive, "documents_fts_docsize") == 41)
        let added = try Self.rows(archive, "documents_fts_data") - before
        #expect(added <= 2, "\(added) index rows for one write")
    }

    @Test func verifyReportsRowsTheIndexDoesNotHold() throws {
        let archive = try TemporaryArchive()
        let batch = Self.batch("a", passages: 3)
        _ = try archive.store.write(source: Fixture.source("a"), batch: batch)
        try archive.store.close()
        // A document added behind Diglot's back (a plain connection indexes nothing).
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: archive.path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO documents(id, kind, language, text, source_id)
                VALUES ('d-by-hand', 'article', 'en', 'hand', ?)
                """, arguments: [Fixture.source("a").id.rawValue])
        }
        try queue.close()
        try archive.reopen()
        let problems = try archive.store.verify()
        #expect(problems.contains { $0.contains("documents_fts holds 1 rows for 2 documents") }, "\(problems)")
    }
}
