import Foundation
import GRDB
import Testing
@testable import DiglotStore
import DiglotModel

/// `readPairRecords` reads pairs a batch at a time with one lookup per batch for passages, documents and
/// units; these tests compare what it hands out with records put together one by one from the store's plain
/// reads (`forEachPair`, `document`, `passages(of:)`, `alignedUnits(of:)`), over more pairs than a batch holds.
@Suite struct PairRecordCursorTests {
    /// Line pairs of the two bulletins: more than a batch, so a batch boundary falls among them.
    static let linePairs = PairRecordCursor.batchSize + 44
    /// Tweets paired with the reports quoting them, every other one through the quote passage.
    static let tweetPairs = 100
    /// Bulletin line pairs (passage to passage, all naming the same two documents), whole-document pairs,
    /// mixed pairs (a document to a passage), one pair whose passage is gone and one whose document is gone.
    static func archive() throws -> TemporaryArchive {
        let archive = try TemporaryArchive()
        let lineCount = linePairs
        let ukLines = (0..<lineCount).map { "Рядок \($0): знищено \($0 * 3) танків." }
        let enLines = (0..<lineCount).map { "Line \($0): \($0 * 3) tanks destroyed." }
        var uk = Fixture.document("bulletin-uk", .ukrainian, ukLines.joined(separator: "\n"), kind: .staffBulletin,
                                  title: "Втрати")
        uk.published = PublishedDate(year: 2023, month: 3, day: 1)
        uk.metadata = ["bulletin_date": "2023-03-01", "tmx_document": "d-from-a-tmx", "tmx_pair": "r-from-a-tmx"]
        var en = Fixture.document("bulletin-en", .english, enLines.joined(separator: "\n"), kind: .staffBulletin,
                                  title: "Losses")
        en.published = PublishedDate(year: 2023, month: 3, day: 1)
        en.author = "General Staff"
        // Each line's span of its document, so the archive stores it as a span and readers cut it (schema 8);
        // every fifth stands at 0 instead, which is not its span, so its text is stored.
        func start(_ lines: [String], _ index: Int) -> Int {
            index % 5 == 4 ? 0 : lines[..<index].reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        }
        let ukPassages = ukLines.enumerated().map { index, text in
            Passage(documentID: uk.id, index: index, role: .figureLine, start: start(ukLines, index),
                    end: start(ukLines, index) + text.unicodeScalars.count, language: .ukrainian,
                    text: text, metadata: ["category": "tanks"])
        }
        let enPassages = enLines.enumerated().map { index, text in
            Passage(documentID: en.id, index: index, role: .figureLine, start: start(enLines, index),
                    end: start(enLines, index) + text.unicodeScalars.count, language: .english, text: text)
        }
        var documents = [uk, en], quotes: [Passage] = [], pairs: [Pair] = [], units: [AlignedUnit] = []
        let whole = Pair(original: .document(uk.id), rendering: .document(en.id), method: .sameBulletin, confidence: 1,
                         fidelity: FidelityReport(issues: [FidelityIssue(kind: "figure", severity: .mismatch,
                                                                         message: "tanks: 3 and 4", subject: "tanks")]))
        pairs.append(whole)
        for index in 0..<lineCount {
            let pair = Pair(original: .passage(ukPassages[index].id), rendering: .passage(enPassages[index].id),
                            method: .sameBulletin, confidence: index.isMultiple(of: 2) ? 0.9 : 0.5,
                            fidelity: index.isMultiple(of: 3) ? .ok : .unchecked, parent: whole.id)
            pairs.append(pair)
            if index.isMultiple(of: 4) {
                units += [AlignedUnit(pairID: pair.id, index: 1, originalText: "б", renderingText: "b", pattern: "1-1"),
                          AlignedUnit(pairID: pair.id, index: 0, originalText: "а", renderingText: "", pattern: "1-0")]
            }
        }
        for index in 0..<tweetPairs {
            var tweet = Fixture.document("tweet-\(index)", .ukrainian, "Твіт \(index)", kind: .tweet)
            tweet.published = PublishedDate(year: 2022, month: 5, day: 1 + index % 28)
            tweet.canonicalURL = "https://twitter.com/x/status/\(index)"
            tweet.metadata = index.isMultiple(of: 5) ? ["handle": "x", "note": "a \\ b"] : ["handle": "x"]
            let report = Fixture.document("report-\(index)", .english, "Report \(index)\nTweet \(index)", kind: .wireReport)
            let quoteStart = "Report \(index)\n".unicodeScalars.count
            let quote = Passage(documentID: report.id, index: 1, role: .quote, start: quoteStart,
                                end: quoteStart + "Tweet \(index)".unicodeScalars.count, language: .english,
                                text: "Tweet \(index)", metadata: ["speaker": "x"])
            documents += [tweet, report]
            quotes.append(quote)
            pairs.append(Pair(original: .document(tweet.id),
                              rendering: index.isMultiple(of: 2) ? .passage(quote.id) : .document(report.id),
                              method: .embeddedQuote, confidence: 0.7 + Double(index % 3) / 10, fidelity: .ok))
        }
        _ = try archive.store.write(source: Fixture.source("cursor"),
                                    batch: ImportBatch(documents: documents, passages: ukPassages + enPassages + quotes,
                                                       pairs: pairs, alignedUnits: units))
        // An archive edited by hand: a pair whose passage is gone (exported as its whole document) and one whose
        // document is gone (left out). The pairs are pointed elsewhere rather than rows deleted, which the
        // full-text triggers (needing Diglot's tokenizer) would refuse on a plain connection.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: archive.path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "UPDATE pairs SET rendering = 'pgone' WHERE id = ?", arguments: [pairs[5].id.rawValue])
            try db.execute(sql: "UPDATE pairs SET rendering_document = 'dgone' WHERE id = ?",
                           arguments: [pairs[lineCount + 3].id.rawValue])
        }
        try queue.close()
        return archive
    }

    /// The records of `query`, put together one lookup at a time from the store's plain reads (each document
    /// and its passages read once).
    static func expected(_ archive: TemporaryArchive, _ query: PairRecordQuery) throws -> [PairRecord] {
        let store = archive.store
        var rows: [PairRow] = []
        try store.forEachPair { rows.append($0) }
        // `forEachPair` derives a pair's id from its sides; the hand-edited pairs keep the id they were stored
        // under, which is what the cursor reads.
        let storedIDs = try DatabaseQueue(path: archive.path).read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, original, rendering FROM pairs").map { row in
                ("\(row["original"] as String) \(row["rendering"] as String)", PairID(rawValue: row["id"]))
            })
        }
        var documents: [DocumentID: Document] = [:], passages: [DocumentID: [Passage]] = [:]
        func document(_ id: DocumentID) throws -> Document? {
            if let known = documents[id] { return known }
            documents[id] = try store.document(id)?.document
            return documents[id]
        }
        func passage(_ side: PairSide, _ document: Document) throws -> Passage? {
            guard case .passage(let id) = side else { return nil }
            if passages[document.id] == nil { passages[document.id] = try store.passages(of: document.id) }
            return passages[document.id]?.first { $0.id == id }
        }
        func side(_ document: Document, _ passage: Passage?) -> Document {
            var document = document
            if passage != nil { document.text = "" }
            if let keys = query.metadataKeys { document.metadata = document.metadata.filter { keys.contains($0.key) } }
            if !query.readsDocumentDetails {
                (document.declaredLanguage, document.author, document.publisher, document.sourceID) = (nil, nil, nil, nil)
            }
            return document
        }
        func trimmed(_ passage: Passage?) -> Passage? {
            guard var passage else { return nil }
            if query.metadataKeys != nil { passage.metadata = [:] }
            return passage
        }
        var records: [PairRecord] = []
        for row in rows {
            guard let original = try document(row.originalDocument), let rendering = try document(row.renderingDocument)
            else { continue }
            var pair = row.pair
            pair.id = try #require(storedIDs["\(pair.original.rawValue) \(pair.rendering.rawValue)"])
            if !query.readsFidelityIssues { pair.fidelity.issues = [] }
            let originalPassage = try passage(pair.original, original), renderingPassage = try passage(pair.rendering, rendering)
            let record = PairRecord(pair: pair, originalDocument: side(original, originalPassage),
                                    originalPassage: trimmed(originalPassage),
                                    renderingDocument: side(rendering, renderingPassage),
                                    renderingPassage: trimmed(renderingPassage),
                                    alignedUnits: try store.alignedUnits(of: pair.id))
            if query.matches(record) { records.append(record) }
        }
        return records
    }

    static func read(_ store: ArchiveStore, _ query: PairRecordQuery) throws -> [PairRecord] {
        try store.readPairRecords(query) { cursor in
            var records: [PairRecord] = []
            while let record = try cursor.next() { records.append(record) }
            return records
        }
    }

    @Test(arguments: [
        PairRecordQuery(),
        PairRecordQuery(readsFidelityIssues: false, metadataKeys: ["tmx_document", "tmx_pair", "tmx_method"],
                        readsDocumentDetails: false),
        PairRecordQuery(from: "2023-03-01", to: "2023-03-01"),
        PairRecordQuery(from: "2022-05-03", to: "2022-05-10", kind: .tweet),
        PairRecordQuery(kind: .staffBulletin, minimumConfidence: 0.8),
        PairRecordQuery(originalLanguage: .ukrainian, renderingLanguage: .english, fidelityOK: true),
        PairRecordQuery(method: .embeddedQuote, readsFidelityIssues: false),
        PairRecordQuery(documents: [DocumentID(naturalKey: "tweet-7"), DocumentID(naturalKey: "bulletin-en")]),
    ])
    func batchedReadsMatchOneByOneReads(_ query: PairRecordQuery) throws {
        let archive = try Self.archive()
        let expected = try Self.expected(archive, query)
        let read = try Self.read(archive.store, query)
        #expect(!expected.isEmpty, "each query here matches some pairs")
        #expect(read.count == expected.count)
        if let (got, want) = zip(read, expected).first(where: { $0 != $1 }) {
            Issue.record("pair \(want.pair.id) differs: \(String(describing: got).prefix(800))\nexpected \(String(describing: want).prefix(800))")
        }
    }

    @Test func editedArchiveReadsAsTheJoinDid() throws {
        let archive = try Self.archive()
        let records = try Self.read(archive.store, PairRecordQuery())
        let all = try Self.expected(archive, PairRecordQuery())
        #expect(records.count == 1 + Self.linePairs + Self.tweetPairs - 1, "the pair whose document is gone is left out")
        let gone = try #require(records.first { $0.pair.rendering.rawValue == "pgone" })
        #expect(gone.renderingPassage == nil && !gone.renderingDocument.text.isEmpty, "a lost passage is exported as its document")
        #expect(records == all)
        let units = records.filter { !$0.alignedUnits.isEmpty }
        #expect(!units.isEmpty && units.allSatisfy { $0.alignedUnits.map(\.index) == [0, 1] }, "units come in index order")
    }

    /// An export reads batches on one thread and decodes them on another, with a decoder of its own.
    @Test func batchesDecodedElsewhereGiveTheCursorsRecords() throws {
        let archive = try Self.archive()
        let query = PairRecordQuery()
        let one = try archive.store.readPairRecords(query) { cursor in
            var records: [PairRecord] = []
            while let record = try cursor.next() { records.append(record) }
            return records
        }
        let batches = try archive.store.readPairRecords(query) { cursor in
            var batches: [PairRecordBatch] = []
            while let batch = try cursor.nextBatch() { batches.append(batch) }
            return batches
        }
        #expect(batches.count > 1, "more than one batch")
        let decoded = ConcurrentDecode.records(of: batches)
        #expect(decoded == one)
    }

    /// Decodes on another thread, as the export's writer does.
    enum ConcurrentDecode {
        static func records(of batches: [PairRecordBatch]) -> [PairRecord] {
            final class Box: @unchecked Sendable { var records: [PairRecord] = [] }
            let box = Box()
            let done = DispatchSemaphore(value: 0)
            Thread {
                let decoder = PairRecordDecoder()
                box.records = batches.flatMap { decoder.records(of: $0) }
                done.signal()
            }.start()
            done.wait()
            return box.records
        }
    }

    @Test func keyedLookupFindsEveryKeyAcrossRuns() throws {
        let archive = try Self.archive()
        let ids = try archive.store.passages(of: Fixture.document("bulletin-uk", .ukrainian, "").id).map(\.id.rawValue)
        let keys = ids + ids.prefix(10) + ["pmissing", ""] + ids + ids
        #expect(keys.count > KeyedLookup.width, "the keys need more than one run")
        var list = KeyList()
        for key in keys { list.append(key) }
        var found: [String] = [], positions: [Int] = []
        try archive.store.reading { db in
            try KeyedLookup(db, columns: "id", from: "passages", key: "id").forEachRow(of: list) { position, row in
                found.append(row.text(0))
                positions.append(position)
            }
        }
        #expect(found == keys.filter { $0 != "pmissing" && !$0.isEmpty }, "every key found, in the keys' order")
        #expect(positions == keys.indices.filter { keys[$0] != "pmissing" && !keys[$0].isEmpty }, "each row comes with its key's position")
        // The statement is left reset and unbound: a plain GRDB read through it afterwards works.
        let again = try archive.store.reading { db in try String.fetchAll(db, sql: "SELECT id FROM passages WHERE id IN (?)", arguments: [ids[0]]) }
        #expect(again == [ids[0]])
    }
}

extension PairRecordQuery {
    /// Whether `record` meets the query's conditions, checked in Swift: the reference the SQL is compared with.
    func matches(_ record: PairRecord) -> Bool {
        let pair = record.pair, original = record.originalDocument
        let originalLanguage = record.originalPassage?.language ?? original.language
        let renderingLanguage = record.renderingPassage?.language ?? record.renderingDocument.language
        if let language = self.originalLanguage, language != originalLanguage { return false }
        if let language = self.renderingLanguage, language != renderingLanguage { return false }
        if from != nil || to != nil {
            guard let published = original.published else { return false }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            formatter.timeZone = TimeZone(identifier: "UTC")
            let day = formatter.string(from: published.instant)
            if let from, day < from { return false }
            if let to, day > to { return false }
        }
        if let kind, kind != original.kind { return false }
        if let method, method != pair.method { return false }
        if let minimumConfidence, pair.confidence < minimumConfidence { return false }
        if fidelityOK && pair.fidelity.status != .ok { return false }
        if let documents, !documents.contains(original.id) && !documents.contains(record.renderingDocument.id) { return false }
        return true
    }
}
