import Foundation
import GRDB
import Testing
@testable import DiglotStore
import DiglotModel

/// Every reader decodes documents, passages and figures by column position (`StoredRecord`); these tests write
/// records with every optional field present and absent and read each back through every reader, so a column
/// list and the positions its decoder reads cannot drift apart unnoticed.
@Suite struct RecordColumnsTests {
    /// Two bulletins of one day: one with every optional field set (metadata needing escapes), one with none.
    static func records() -> (source: Source, batch: ImportBatch) {
        let source = Fixture.source("the bulletins", name: "bulletins.note")
        var full = Fixture.document("full", .ukrainian, "Танки — 3 049 (+5).\nЛітаки — 302.", kind: .staffBulletin,
                                    title: "Загальні бойові втрати")
        full.declaredLanguage = .russian
        full.author = "Генштаб"
        full.publisher = "ЗСУ"
        full.published = PublishedDate(year: 2023, month: 3, day: 1)
        full.canonicalURL = "https://example.org/a?b=1&c=\"2\""
        full.sourceID = source.id
        full.metadata = ["bulletin_date": "2023-03-01", "note": "a \\ \"b\"\n"]
        var bare = Fixture.document("bare", .english, "Tanks — 3,049 (+5).", kind: .staffBulletin)
        bare.sourceID = source.id
        bare.metadata = ["bulletin_date": "2023-03-01"]
        let passages = [
            Passage(documentID: full.id, index: 0, role: .figureLine, start: 0, end: 19, language: .ukrainian,
                    text: "Танки — 3 049 (+5).", metadata: ["category": "tanks", "quoted": "\"x\""]),
            Passage(documentID: full.id, index: 1, role: .figureLine, start: 20, end: 33, language: .ukrainian,
                    text: "Літаки — 302."),
            Passage(documentID: bare.id, index: 0, role: .paragraph, start: 0, end: 19, language: .english,
                    text: "Tanks — 3,049 (+5)."),
        ]
        let figures = [
            Figure(documentID: full.id, date: "2023-03-01", category: .tank, total: 3049, delta: 5, qualifier: "about",
                   language: .ukrainian, label: "Танки", passageID: passages[0].id),
            Figure(documentID: full.id, date: "2023-03-01", category: .aircraft, total: 302, delta: nil, qualifier: nil,
                   language: .ukrainian),
            Figure(documentID: bare.id, date: "2023-03-01", category: .tank, total: 3049, delta: 0, qualifier: nil,
                   language: .english, label: nil, passageID: nil),
        ]
        return (source, ImportBatch(documents: [full, bare], passages: passages, figures: figures))
    }

    @Test func everyReaderGivesBackWhatWasWritten() throws {
        let archive = try TemporaryArchive()
        let (source, batch) = Self.records()
        _ = try archive.store.write(source: source, batch: batch)
        let store = archive.store
        let ids = Set(batch.documents.map(\.id))

        #expect(Set(try store.documents(ids)) == Set(batch.documents))
        #expect(try store.documents(since: 0, limit: 10).map(\.document) == batch.documents)
        #expect(try store.documents(since: 0, limit: 10).map(\.sequence) == [1, 2])
        #expect(try store.staffBulletins(on: "2023-03-01") == batch.documents)
        var walked: [Document] = []
        try store.forEachDocument(since: 1) { document, sequence in
            walked.append(document)
            #expect(sequence == 2)
        }
        #expect(walked == [batch.documents[1]])
        for document in batch.documents {
            let passages = batch.passages.filter { $0.documentID == document.id }
            #expect(try store.passages(of: document.id) == passages)
            #expect(try store.figures(of: document.id) == batch.figures.filter { $0.documentID == document.id })
            let stored = try #require(try store.document(document.id))
            #expect(stored.document == document)
            #expect(stored.passages == passages)
        }
        let byDate = try store.figures(FigureFilter())
        #expect(Set(byDate) == Set(batch.figures))
        #expect(byDate.count == batch.figures.count)
    }

    /// The reader stands on the statement's row: a closure that reads after stepping on, or a second use of the
    /// cached statement, must not see stale columns.
    @Test func aCachedStatementReadsTheSameRowsTwice() throws {
        let archive = try TemporaryArchive()
        let (source, batch) = Self.records()
        _ = try archive.store.write(source: source, batch: batch)
        let first = try archive.store.passages(of: batch.documents[0].id)
        let second = try archive.store.passages(of: batch.documents[0].id)
        #expect(first == second)
        #expect(try archive.store.passages(of: DocumentID(naturalKey: "absent")).isEmpty)
        #expect(try archive.store.document(DocumentID(naturalKey: "absent")) == nil)
    }

    /// Copied rows decode as the live rows do (the export's path against the readers').
    @Test func copiedRowsDecodeAsLiveRows() throws {
        let archive = try TemporaryArchive()
        let (source, batch) = Self.records()
        _ = try archive.store.write(source: source, batch: batch)
        try archive.store.reading { db in
            var copied = CopiedRows(columns: StoredRecord.documentColumnNames.count)
            var live: [Document] = []
            try db.forEachRow(cachedSQL: "SELECT \(StoredRecord.documentColumns) FROM documents ORDER BY seq") { row in
                copied.append(row)
                live.append(ArchiveStore.document(row))
            }
            let decoded = (0..<copied.count).map {
                StoredRecord.document(copied.row($0), metadata: StoreJSON.metadata(copied.optionalText($0, StoredRecord.documentMetadata)))
            }
            #expect(decoded == live)
            #expect(live == batch.documents)
        }
    }
}
