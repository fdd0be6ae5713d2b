import Foundation
import Testing
import GRDB
import DiglotModel
import DiglotStore

@Suite struct StoreWriteTests {
    /// An archive holding a Ukrainian original, and its English rendering (not stored) paired with it.
    static func archivedOriginalWithRendering() throws
        -> (archive: TemporaryArchive, original: Document, rendering: Document, pair: Pair) {
        let archive = try TemporaryArchive()
        let original = Fixture.document("uk", .ukrainian, "Генштаб: знищено 40 танків")
        let rendering = Fixture.document("en", .english, "General Staff: 40 tanks destroyed")
        _ = try archive.store.write(source: Fixture.source("1"), batch: ImportBatch(documents: [original]))
        let pair = Pair(original: .document(original.id), rendering: .document(rendering.id), method: .numbers, confidence: 0.8)
        return (archive, original, rendering, pair)
    }

    @Test func sameBytesTwiceIsADuplicate() throws {
        let archive = try TemporaryArchive()
        let doc = Fixture.document("a", .english, "Forty tanks were destroyed.")
        let batch = ImportBatch(documents: [doc], passages: [Fixture.passage(of: doc)])
        let first = try archive.store.write(source: Fixture.source("bytes"), batch: batch)
        #expect(!first.isDuplicate && first.documentsAdded == 1 && first.passagesAdded == 1)
        let second = try archive.store.write(source: Fixture.source("bytes", name: "copy.note"), batch: batch)
        #expect(second.isDuplicate)
        let stats = try archive.store.statistics()
        #expect(stats.sources == 1 && stats.documents == 1 && stats.passages == 1)
    }

    @Test func aBatchFailingValidationLeavesNothing() throws {
        let archive = try TemporaryArchive()
        let good = Fixture.document("good", .ukrainian, "Знищено сорок танків.")
        let orphan = Passage(documentID: DocumentID(naturalKey: "missing"), index: 0, role: .paragraph, start: 0,
                             end: 3, language: .ukrainian, text: "abc")
        let batch = ImportBatch(documents: [good], passages: [Fixture.passage(of: good), orphan])
        #expect(throws: StoreError.self) {
            try archive.store.write(source: Fixture.source("broken", name: "broken.note"), batch: batch)
        }
        do {
            _ = try archive.store.write(source: Fixture.source("broken", name: "broken.note"), batch: batch)
        } catch let error as StoreError {
            #expect(error.description.hasPrefix("broken.note:"))
            #expect(error.description.contains("unknown document"))
        }
        let stats = try archive.store.statistics()
        #expect(stats.sources == 0 && stats.documents == 0 && stats.passages == 0)
        #expect(try archive.store.containsSource(SourceID(bytes: Data("broken".utf8))) == false)
    }

    @Test func theSameDocumentFromTwoSourcesIsOneDocumentWithTwoSources() throws {
        let archive = try TemporaryArchive()
        let tweet = Fixture.document("tweet:1497", .ukrainian, "Слава Україні", kind: .tweet)
        let a = Fixture.document("article-a", .english, "An article quoting the tweet.")
        let b = Fixture.document("article-b", .english, "Another article quoting it.")
        _ = try archive.store.write(source: Fixture.source("A", name: "a.html"), batch: ImportBatch(documents: [a, tweet]))
        let second = try archive.store.write(source: Fixture.source("B", name: "b.html"),
                                             batch: ImportBatch(documents: [b, tweet], passages: [Fixture.passage(of: tweet)]))
        #expect(second.documentsAdded == 1 && second.documentsLinked == 1)
        #expect(try archive.store.statistics().documents == 3)
        let stored = try #require(try archive.store.document(tweet.id))
        #expect(stored.sources.map(\.fileName) == ["a.html", "b.html"])
        #expect(stored.passages.isEmpty, "the stored document is kept as first imported")
    }

    @Test func pairsMayReferenceDocumentsOfEarlierImports() throws {
        let (archive, original, rendering, pair) = try Self.archivedOriginalWithRendering()
        let unit = AlignedUnit(pairID: pair.id, index: 0, originalText: original.text, renderingText: rendering.text, pattern: "1-1")
        let outcome = try archive.store.write(source: Fixture.source("2"),
                                              batch: ImportBatch(documents: [rendering], pairs: [pair], alignedUnits: [unit]))
        #expect(outcome.pairsAdded == 1)
        var rows: [PairRow] = []
        try archive.store.forEachPair { rows.append($0) }
        #expect(rows.count == 1)
        #expect(rows.first?.originalLanguage == .ukrainian && rows.first?.renderingText == rendering.text)
        #expect(try archive.store.alignedUnits(of: pair.id) == [unit])
        var filtered = 0
        try archive.store.forEachPair(PairFilter(originalLanguage: .english)) { _ in filtered += 1 }
        #expect(filtered == 0)
        let shown = try #require(try archive.store.document(rendering.id))
        #expect(shown.pairs.first?.role == .rendering && shown.pairs.first?.partnerDocument == original.id)
    }

    /// A pair naming a passage of a document the archive already holds, sent again in the batch (a second source
    /// of the same article, read here with another language), resolves through the stored passage; a passage of
    /// a new document is not looked for and resolves through the batch.
    @Test func pairsToPassagesOfStoredAndNewDocumentsInOneBatch() throws {
        let archive = try TemporaryArchive()
        let article = Fixture.document("article", .english, "Quote: tanks lost")
        let quote = Passage(documentID: article.id, index: 0, role: .quote, start: 7, end: 17, language: .english,
                            text: "tanks lost")
        _ = try archive.store.write(source: Fixture.source("1"), batch: ImportBatch(documents: [article], passages: [quote]))
        let tweet = Fixture.document("tweet", .ukrainian, "Втрачено танки")
        let second = Fixture.document("second", .english, "Again: tanks lost")
        let again = Passage(documentID: second.id, index: 0, role: .quote, start: 7, end: 17, language: .english,
                            text: "tanks lost")
        let toStored = Pair(original: .document(tweet.id), rendering: .passage(quote.id), method: .embeddedQuote, confidence: 0.9)
        let toNew = Pair(original: .document(tweet.id), rendering: .passage(again.id), method: .embeddedQuote, confidence: 0.8)
        var resent = quote
        resent.language = .ukrainian
        let outcome = try archive.store.write(source: Fixture.source("2", name: "second.note"),
                                              batch: ImportBatch(documents: [article, tweet, second], passages: [resent, again],
                                                                 pairs: [toStored, toNew]))
        #expect(outcome.documentsLinked == 1 && outcome.documentsAdded == 2 && outcome.pairsAdded == 2)
        var rows: [PairRow] = []
        try archive.store.forEachPair { rows.append($0) }
        #expect(Set(rows.map(\.renderingDocument)) == [article.id, second.id])
        #expect(rows.allSatisfy { $0.renderingText == "tanks lost" && $0.originalLanguage == .ukrainian })
        #expect(rows.allSatisfy { $0.renderingLanguage == .english })
    }

    @Test func aManualUnlinkSurvivesReimportsAndEngineRuns() throws {
        let archive = try TemporaryArchive()
        let a = Fixture.document("a", .ukrainian, "Оригінал")
        let b = Fixture.document("b", .english, "Rendering")
        let pair = Pair(original: .document(a.id), rendering: .document(b.id), method: .names, confidence: 0.5)
        _ = try archive.store.write(source: Fixture.source("1"), batch: ImportBatch(documents: [a, b], pairs: [pair]))
        #expect(try archive.store.unlink(original: pair.original, rendering: pair.rendering))
        #expect(try archive.store.savePairs([Pair(original: pair.original, rendering: pair.rendering, method: .names,
                                                  confidence: 0.9, origin: .engine)]) == 0)
        _ = try archive.store.write(source: Fixture.source("2"), batch: ImportBatch(pairs: [pair]))
        #expect(try archive.store.statistics().pairs == 0)
        try archive.store.link(original: pair.original, rendering: pair.rendering)
        #expect(try archive.store.savePairs([Pair(original: pair.original, rendering: pair.rendering, method: .names,
                                                  confidence: 0.2, origin: .engine)]) == 0, "a manual pair is never overwritten")
        var origins: [PairOrigin] = []
        try archive.store.forEachPair { origins.append($0.pair.origin) }
        #expect(origins == [.manual])
    }

    @Test func documentsSinceASequenceNumberArriveInOrder() throws {
        let archive = try TemporaryArchive()
        let first = Fixture.document("1", .english, "one")
        _ = try archive.store.write(source: Fixture.source("1"), batch: ImportBatch(documents: [first]))
        let mark = try archive.store.latestSequence()
        let later = [Fixture.document("2", .english, "two"), Fixture.document("3", .english, "three")]
        _ = try archive.store.write(source: Fixture.source("2"), batch: ImportBatch(documents: later))
        var seen: [DocumentID] = []
        try archive.store.forEachDocument(since: mark) { document, _ in seen.append(document.id) }
        #expect(seen == later.map(\.id))
        try archive.store.setMeta("pairing.last_sequence", String(mark))
        try archive.reopen()
        #expect(try archive.store.meta("pairing.last_sequence") == String(mark))
    }
}

/// Writes of batches checked on a parsing thread (`CheckedBatch`): the writer still settles what only the
/// archive knows, and refuses a broken batch as `write(source:batch:)` does.
@Suite struct CheckedWriteTests {
    @Test func aCheckedBatchNamingArchivedRecordsIsSettledByTheArchive() throws {
        let (archive, _, rendering, pair) = try StoreWriteTests.archivedOriginalWithRendering()
        let checked = CheckedBatch(ImportBatch(documents: [rendering], pairs: [pair]))
        #expect(!checked.isSoundAlone)
        let outcome = try archive.store.write(source: Fixture.source("2"), checked: checked)
        #expect(outcome.pairsAdded == 1 && outcome.documentsAdded == 1)

        let stray = Pair(original: .document(DocumentID(naturalKey: "nowhere")), rendering: .document(rendering.id),
                         method: .numbers, confidence: 0.8)
        #expect(throws: StoreError.self) {
            try archive.store.write(source: Fixture.source("3", name: "stray.note"),
                                    checked: CheckedBatch(ImportBatch(pairs: [stray])))
        }
        #expect(try archive.store.statistics().sources == 2)
    }

    @Test func aBrokenCheckedBatchLeavesNothingAndNamesItsFile() throws {
        let archive = try TemporaryArchive()
        let document = Fixture.document("good", .ukrainian, "Знищено сорок танків.")
        var passage = Fixture.passage(of: document)
        passage.end += 5
        let checked = CheckedBatch(ImportBatch(documents: [document], passages: [passage]))
        #expect(!checked.isSoundAlone)
        do {
            _ = try archive.store.write(source: Fixture.source("broken", name: "broken.note"), checked: checked)
            Issue.record("a passage past its document's end was written")
        } catch let error as StoreError {
            #expect(error.description.hasPrefix("broken.note:"))
            #expect(error.description.contains("outside its document"))
        }
        let stats = try archive.store.statistics()
        #expect(stats.sources == 0 && stats.documents == 0 && stats.passages == 0)
    }
}
