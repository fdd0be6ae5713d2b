import Foundation
import Testing
import GRDB
import DiglotModel
@testable import DiglotStore

/// Schema 8 stores a passage that repeats its span of its document as an empty text: every reader must give the
/// passage's text back as the importer made it, whether it was stored that way, stored in full (it differs from
/// its span, or it was written before schema 8), or has an empty span.
@Suite struct PassageTextStorageTests {
    static let original = Fixture.document("uk", .ukrainian, "Генштаб: знищено 40 танків 🇺🇦.\nCafe\u{301} «тиша».")
    static let rendering = Fixture.document("en", .english, "General Staff: 40 tanks destroyed 🇺🇦.\nQuiet.")

    static func passage(_ document: Document, _ index: Int, _ start: Int, _ end: Int, text: String? = nil) -> Passage {
        Passage(documentID: document.id, index: index, role: .paragraph, start: start, end: end,
                language: document.language, text: text ?? document.text.scalarSlice(start, end))
    }

    /// Passages that repeat their spans (the first of each document, after a multi-byte prefix), one whose
    /// text an importer trimmed, one with an empty span, and a pair of passages with an aligned unit.
    static func archive() throws -> (TemporaryArchive, [Passage], Pair) {
        let archive = try TemporaryArchive()
        let passages = [
            passage(original, 0, 9, 26), passage(original, 1, 31, 44),
            passage(original, 2, 0, 8, text: "Генштаб"),                // trimmed by its importer: not its span
            passage(original, 3, 8, 8),
            passage(rendering, 0, 15, 33), passage(rendering, 1, 37, 43),
        ]
        let pair = Pair(original: .passage(passages[0].id), rendering: .passage(passages[4].id), method: .embeddedQuote,
                        confidence: 0.9)
        let unit = AlignedUnit(pairID: pair.id, index: 0, originalText: passages[0].text, renderingText: passages[4].text,
                               pattern: "1-1")
        _ = try archive.store.write(source: Fixture.source("spans"),
                                    checked: CheckedBatch(ImportBatch(documents: [original, rendering], passages: passages,
                                                                      pairs: [pair], alignedUnits: [unit])))
        return (archive, passages, pair)
    }

    static func storedTexts(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in try String.fetchAll(db, sql: "SELECT text FROM passages ORDER BY document_id = ?, idx",
                                                      arguments: [rendering.id.rawValue]) }
    }

    @Test func aPassageRepeatingItsSpanIsStoredOnceAndReadBackWhole() throws {
        let (archive, passages, pair) = try Self.archive()
        let store = archive.store
        #expect(try Self.storedTexts(store) == ["", "", "Генштаб", "", "", ""])
        #expect(try store.passages(of: Self.original.id) == Array(passages[0..<4]))
        #expect(try store.document(Self.rendering.id)?.passages == Array(passages[4...]))

        let row = try #require(try store.pairRow(pair.id))
        #expect(row.originalText == "знищено 40 танків" && row.renderingText == "40 tanks destroyed")
        var rows: [PairRow] = []
        try store.forEachPair { rows.append($0) }
        #expect(rows == [row])
        #expect(try store.texts(of: [pair.original, pair.rendering, .passage(passages[2].id), .passage(passages[3].id)])
                == [pair.original: "знищено 40 танків", pair.rendering: "40 tanks destroyed",
                    .passage(passages[2].id): "Генштаб", .passage(passages[3].id): ""])
        let records = try store.readPairRecords(PairRecordQuery()) { cursor in
            var records: [PairRecord] = []
            while let record = try cursor.next() { records.append(record) }
            return records
        }
        #expect(records.map(\.originalPassage) == [passages[0]] && records.map(\.renderingPassage) == [passages[4]])
        #expect(try store.verify().isEmpty)
    }

    /// What `diglot pair` reads of its arrivals: each passage's text as `passages(of:)` gives it, cut from the
    /// document it already holds, for spans, trimmed texts, empty spans, passages out of their order in the text,
    /// full texts of an older archive, and a document with no passages.
    @Test func passageTextsForPairingAreThePassagesTexts() throws {
        let (archive, passages, _) = try Self.archive()
        let backwards = Fixture.document("backwards", .ukrainian, "Перше 🇺🇦. Друге. Третє «ж».")
        let reordered = [Self.passage(backwards, 0, 17, 27), Self.passage(backwards, 1, 0, 9), Self.passage(backwards, 2, 10, 16)]
        let bare = Fixture.document("bare", .english, "No passages here.")
        _ = try archive.store.write(source: Fixture.source("backwards"),
                                    checked: CheckedBatch(ImportBatch(documents: [backwards, bare], passages: reordered)))
        let documents = [Self.original, Self.rendering, backwards, bare]
        func check(_ what: String) throws {
            let read = try archive.store.passageTextsAndFigures(of: documents)
            for (document, parts) in zip(documents, read) {
                #expect(parts.passages == (try archive.store.passages(of: document.id)).map(\.text), "\(what): \(document.title ?? "")")
            }
            #expect(read.map(\.passages.count) == [4, 2, 3, 0])
        }
        #expect(try Self.storedTexts(archive.store).filter(\.isEmpty).count >= 6, "spans are stored empty")
        try check("spans")
        try archive.store.pool.write { db in
            for passage in passages + reordered {
                try db.execute(sql: "UPDATE passages SET text = ? WHERE id = ?", arguments: [passage.text, passage.id.rawValue])
            }
        }
        try check("full texts")
    }

    /// `ScalarSpans` cuts as SQLite's `substr` does, for texts of one- to four-byte scalars and combining marks,
    /// spans in any order, empty, reaching past the end or starting past it; spans SQLite has its own rules for
    /// (a negative start, an end before the start) are left to it.
    @Test func scalarSpansCutAsSQLiteSubstrCuts() throws {
        let archive = try TemporaryArchive()
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Ж", "є", "🇺🇦", "e\u{301}", " ", "\n", "€", "𝔸", "'", "1"]
        var compared = 0
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let length = text.unicodeScalars.count
            let spans = (0..<8).map { _ -> (start: Int, end: Int) in
                let start = Int.random(in: -2...(length + 3), using: &generator)
                return (start, start + Int.random(in: -2...12, using: &generator))
            }
            let cut = ScalarSpans.texts(in: text, spans: spans)
            for (span, texted) in zip(spans, cut) {
                guard span.start >= 0, span.end >= span.start else {
                    #expect(texted == nil)
                    continue
                }
                let expected = try archive.store.reading { db in
                    try String.fetchOne(db, sql: "SELECT substr(?, ?, ?)", arguments: [text, span.start + 1, span.end - span.start])
                }
                #expect(texted == expected, "\(text.debugDescription) \(span)")
                compared += 1
            }
        }
        #expect(compared > 1_500)
    }

    /// An archive written before schema 8 holds every passage's text: it is read as it is.
    @Test func aPassageStoredWithItsTextIsReadAsItIs() throws {
        let (archive, passages, pair) = try Self.archive()
        try archive.store.pool.write { db in
            for passage in passages {
                try db.execute(sql: "UPDATE passages SET text = ? WHERE id = ?", arguments: [passage.text, passage.id.rawValue])
            }
        }
        try archive.reopen()
        #expect(try Self.storedTexts(archive.store) == passages.map(\.text))
        #expect(try archive.store.passages(of: Self.original.id) == Array(passages[0..<4]))
        #expect(try archive.store.pairRow(pair.id)?.renderingText == "40 tanks destroyed")
    }

    /// `compact` stores an older archive's passages as imports now do: those repeating their spans in small
    /// documents, not one that differs nor one of a document past the limit; reads are unchanged, the file smaller.
    @Test func compactionStoresOlderPassagesAsSpansAndShrinksTheFile() throws {
        let archive = try TemporaryArchive()
        var documents: [Document] = [], passages: [Passage] = []
        for n in 0..<60 {
            let lines = (0..<40).map { "Рядок \(n)-\($0): знищено \($0 * 3) танків, 🇺🇦 \(String(repeating: "ж", count: $0 % 7))." }
            let document = Fixture.document("compact-\(n)", .ukrainian, lines.joined(separator: "\n"))
            var start = 0
            for (index, line) in lines.enumerated() {
                let length = line.unicodeScalars.count
                passages.append(Self.passage(document, index, start, start + length))
                start += length + 1
            }
            documents.append(document)
        }
        passages[7].text = "Рядок"                                             // not its span: kept as it is
        let large = Fixture.document("compact-large", .english,
                                     String(repeating: "Forty tanks. ", count: ImportBatch.largestDocumentForSpanPassages / 13 + 1))
        documents.append(large)
        passages.append(Self.passage(large, 0, 13, 25))
        _ = try archive.store.write(source: Fixture.source("compact"), checked: CheckedBatch(ImportBatch(documents: documents, passages: passages)))
        // As schema 7 stored them: every text in full.
        try archive.store.pool.write { db in
            for passage in passages {
                try db.execute(sql: "UPDATE passages SET text = ? WHERE id = ?", arguments: [passage.text, passage.id.rawValue])
            }
        }
        let stored = { try archive.store.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM passages WHERE text = ''") ?? -1 } }
        #expect(try stored() == 0)

        let outcome = try archive.store.compact()
        #expect(outcome.passagesStoredAsSpans == passages.count - 2)
        #expect(try stored() == passages.count - 2)
        #expect(outcome.bytesAfter < outcome.bytesBefore, "\(outcome)")
        for document in documents {
            #expect(try archive.store.passages(of: document.id) == passages.filter { $0.documentID == document.id })
        }
        #expect(try archive.store.verify().isEmpty)
        #expect(try archive.store.compact().passagesStoredAsSpans == 0, "a second run finds nothing left")
    }

    /// The unchecked write finds the same passages itself, and refuses an empty text over characters, which it
    /// could not tell from a stored span.
    @Test func theUncheckedWriteStoresTheSameAndRefusesAnEmptyTextOverCharacters() throws {
        let archive = try TemporaryArchive()
        let passages = [Self.passage(Self.original, 0, 9, 26), Self.passage(Self.original, 1, 0, 8, text: "Генштаб")]
        _ = try archive.store.write(source: Fixture.source("unchecked"),
                                    batch: ImportBatch(documents: [Self.original], passages: passages))
        #expect(try Self.storedTexts(archive.store) == ["", "Генштаб"])
        #expect(try archive.store.passages(of: Self.original.id) == passages)

        let emptied = Self.passage(Self.rendering, 0, 0, 5, text: "")
        #expect(throws: StoreError.self) {
            try archive.store.write(source: Fixture.source("emptied"),
                                    batch: ImportBatch(documents: [Self.rendering], passages: [emptied]))
        }
        #expect(try archive.store.statistics().documents == 1)
    }
}
