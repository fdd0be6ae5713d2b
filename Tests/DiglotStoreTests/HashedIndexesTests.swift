import Foundation
import GRDB
import Testing
import DiglotModel
@testable import DiglotStore

/// Schema 9 keeps no index on `passages(document_id, idx)` nor on `document_sources(source_id)`, and links a
/// document to its later sources only: what readers see must not change.
@Suite struct HashedIndexesTests {
    /// Two documents whose ids share their first 8 digits (so their passages share a range of passage ids), and a
    /// third: each document's passages come back complete, alone and in order.
    @Test func aDocumentsPassagesComeThroughTheRangeOfItsIDs() throws {
        let archive = try TemporaryArchive()
        let texts = ["Перший.\nДругий.\nТретій.", "One.\nTwo.", "Alpha.\nBeta.\nGamma.\nDelta."]
        let ids = ["d12345678aaaaaaaa", "d12345678bbbbbbbb", "d00000000cccccccc"].map(DocumentID.init(rawValue:))
        var batch = ImportBatch()
        for (id, text) in zip(ids, texts) {
            batch.documents.append(Document(id: id, kind: .article, language: .ukrainian, text: text))
            var start = 0
            // Written in reverse, so the rows' order is not the order asked for.
            for (index, line) in text.split(separator: "\n").enumerated().reversed() {
                start = text.split(separator: "\n").prefix(index).reduce(0) { $0 + $1.unicodeScalars.count + 1 }
                batch.passages.append(Passage(documentID: id, index: index, role: .paragraph, start: start,
                                              end: start + line.unicodeScalars.count, language: .ukrainian, text: String(line)))
            }
        }
        _ = try archive.store.write(source: Fixture.source("range"), batch: batch)
        for (id, text) in zip(ids, texts) {
            let passages = try archive.store.passages(of: id)
            #expect(passages.map(\.text) == text.split(separator: "\n").map(String.init))
            #expect(passages.map(\.index) == Array(0..<passages.count))
            #expect(passages.allSatisfy { $0.documentID == id })
        }
        #expect(try archive.store.passages(of: DocumentID(rawValue: "d12345678dddddddd")).isEmpty)
        #expect(try archive.store.verify().isEmpty)

        // A passage renamed by hand falls out of its document's range: `verify` says so.
        try archive.store.pool.write { db in
            try db.execute(sql: "UPDATE passages SET id = 'p99999999ffffffff' WHERE document_id = ? AND idx = 1", arguments: [ids[0].rawValue])
        }
        #expect(try archive.store.passages(of: ids[0]).map(\.index) == [0, 2])
        let problems = try archive.store.verify()
        #expect(problems.count == 1 && problems[0].contains("1 passage ids do not begin with their document's digits (p99999999ffffffff of \(ids[0]))"),
                "\(problems)")
    }

    /// The lookup goes through the index on passage ids: without it, finding one document's passages would read
    /// every passage of the archive.
    @Test func aDocumentsPassagesAreFoundThroughAnIndex() throws {
        let archive = try TemporaryArchive()
        let range = PassageID.range(of: DocumentID(naturalKey: "x"))
        let plan = try archive.store.reading { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT \(StoredRecord.passageColumns) FROM passages
                WHERE id >= ? AND id < ? AND document_id = ? ORDER BY idx
                """, arguments: [range.lower, range.upper, "x"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("SEARCH passages USING INDEX sqlite_autoindex_passages_1 (id>? AND id<?)") }, "\(plan)")
        #expect(try HashedIndexesTests.indexes(archive.store).isEmpty)
    }

    /// A document found again in a second source lists both, its first source first, and only the second is a
    /// row of `document_sources`.
    @Test func aDocumentFoundAgainListsEachSourceOnce() throws {
        let archive = try TemporaryArchive()
        let tweet = Fixture.document("tweet:1", .ukrainian, "Слава Україні")
        let first = Fixture.source("first article", name: "a.note"), second = Fixture.source("second article", name: "b.note")
        _ = try archive.store.write(source: first, batch: ImportBatch(documents: [tweet], passages: [Fixture.passage(of: tweet)]))
        #expect(try archive.store.document(tweet.id)?.sources.map(\.id) == [first.id])
        let outcome = try archive.store.write(source: second, batch: ImportBatch(documents: [tweet], passages: [Fixture.passage(of: tweet)]))
        #expect(outcome.documentsLinked == 1 && outcome.documentsAdded == 0)
        #expect(try archive.store.document(tweet.id)?.sources.map(\.id) == [first.id, second.id])
        #expect(try Self.links(archive.store) == ["\(tweet.id) \(second.id)"])
        #expect(try archive.store.passages(of: tweet.id).count == 1)
    }

    /// An archive of schema 8 (both indexes, every first source linked) loses the two indexes and keeps its
    /// links; its documents read back as before, each source once.
    @Test func aSchema8ArchiveLosesTheIndexesAndReadsTheSame() throws {
        let archive = try TemporaryArchive()
        let tweet = Fixture.document("tweet:2", .english, "Glory to Ukraine")
        let uk = PassageIDMigrationTests.ukrainian
        let first = Fixture.source("first", name: "a.note"), second = Fixture.source("second", name: "b.note")
        _ = try archive.store.write(source: first, batch: ImportBatch(documents: [tweet, uk],
                                                                      passages: [Fixture.passage(of: tweet)] + PassageIDMigrationTests.passages(of: uk)))
        _ = try archive.store.write(source: second, batch: ImportBatch(documents: [tweet], passages: [Fixture.passage(of: tweet)]))
        let before = try [tweet.id, uk.id].map { try archive.store.document($0) }
        try archive.store.pool.write { db in
            try db.execute(sql: """
                CREATE INDEX passages_document ON passages(document_id, idx);
                CREATE INDEX document_sources_source ON document_sources(source_id);
                INSERT INTO document_sources(document_id, source_id) SELECT id, source_id FROM documents;
                DELETE FROM grdb_migrations WHERE identifier = 'v9-fewer-hashed-indexes';
                UPDATE meta SET value = '8' WHERE key = 'schema_version';
                PRAGMA user_version = 8;
                """)
        }
        #expect(try Self.indexes(archive.store) == ["document_sources_source", "passages_document"])
        try archive.reopen()
        #expect(try archive.store.schemaVersion() == ArchiveSchema.version)
        #expect(try Self.indexes(archive.store).isEmpty)
        #expect(try Self.links(archive.store).count == 3, "the links written before stay")
        let after = try [tweet.id, uk.id].map { try archive.store.document($0) }
        #expect(after.map { $0?.sources.map(\.id) } == before.map { $0?.sources.map(\.id) })
        #expect(after.map { $0?.passages } == before.map { $0?.passages })
        #expect(after[0]?.sources.map(\.id) == [first.id, second.id])
        #expect(try archive.store.verify().isEmpty)

        // `compact` drops the two links that repeat a first source, and nothing reads differently.
        let compacted = try archive.store.compact()
        #expect(compacted.firstSourceLinksDropped == 2)
        #expect(try Self.links(archive.store) == ["\(tweet.id) \(second.id)"])
        #expect(try [tweet.id, uk.id].map { try archive.store.document($0) } == after)
        #expect(try archive.store.compact().firstSourceLinksDropped == 0, "a second run finds nothing left")
    }

    static func indexes(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE name IN ('passages_document', 'document_sources_source') ORDER BY name
                """)
        }
    }

    static func links(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in
            try String.fetchAll(db, sql: "SELECT document_id || ' ' || source_id FROM document_sources ORDER BY 1")
        }
    }
}
