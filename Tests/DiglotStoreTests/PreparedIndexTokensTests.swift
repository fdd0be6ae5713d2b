import Foundation
import Testing
import GRDB
import Synchronization
import DiglotAnalysis
import DiglotModel
@testable import DiglotStore

/// Tokens analysed ahead of a write (`PreparedIndexTokens`, on an import's parsing threads) are what the write's
/// tokenizer indexes, found by the text's exact bytes; a text they do not cover is analysed in the write.
@Suite struct PreparedIndexTokensTests {
    /// `BasicAnalyzer`, counting the texts it analyses for the index.
    final class CountingAnalyzer: TextAnalyzer {
        private let base = BasicAnalyzer()
        private let analysed = Mutex(0)
        var count: Int { analysed.withLock { $0 } }

        func indexTokens(_ text: String) -> [AnalyzedToken] {
            analysed.withLock { $0 += 1 }
            return base.indexTokens(text)
        }
        func queryTokens(_ text: String) -> [AnalyzedToken] { base.queryTokens(text) }
    }

    /// Every token of the full-text index, with its row, column and position, as `fts5vocab` reads them.
    static func indexContent(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_fts_v USING fts5vocab(main, documents_fts, instance)")
            return try Row.fetchAll(db, sql: "SELECT * FROM temp.documents_fts_v ORDER BY 1, 2, 3, 4").map { "documents_fts \($0)" }
        }
    }

    static let batches = ["Kharkiv", "Харків", "Київ"].map { IndexWriteTests.batch($0, passages: 3) }

    @Test func preparedTokensIndexWhatAnalysingInTheWriteIndexes() throws {
        let analysedInWrite = try TemporaryArchive(), prepared = try TemporaryArchive()
        for (index, batch) in Self.batches.enumerated() {
            _ = try analysedInWrite.store.write(source: Fixture.source("\(index)"), batch: batch)
            let tokens = prepared.store.prepareIndexTokens(for: batch)
            _ = try prepared.store.write(source: Fixture.source("\(index)"), batch: batch, prepared: tokens)
        }
        let expected = try Self.indexContent(analysedInWrite.store)
        #expect(expected.count > 100)
        #expect(try Self.indexContent(prepared.store) == expected)
        #expect(try prepared.store.verify().isEmpty)
    }

    @Test func theWriteReplaysPreparedTokensInsteadOfAnalysing() throws {
        let archive = try TemporaryArchive()
        let analyzer = CountingAnalyzer()
        let store = try ArchiveStore(path: archive.file("counted.sqlite").path, analyzer: analyzer)
        let batch = Self.batches[0]
        let tokens = store.prepareIndexTokens(for: batch)
        // The title and the text: passages are not indexed on their own.
        #expect(tokens.count == 2)
        let analysedAhead = analyzer.count
        _ = try store.write(source: Fixture.source("a"), batch: batch, prepared: tokens)
        #expect(analyzer.count == analysedAhead)
        #expect(try store.search(SearchRequest(text: "tanks")).count == 1)
    }

    @Test func textsThePreparationDidNotCoverAreAnalysedInTheWrite() throws {
        let archive = try TemporaryArchive()
        let analyzer = CountingAnalyzer()
        let store = try ArchiveStore(path: archive.file("counted.sqlite").path, analyzer: analyzer)
        let forOther = store.prepareIndexTokens(for: Self.batches[1])
        let before = analyzer.count
        _ = try store.write(source: Fixture.source("a"), batch: Self.batches[0], prepared: forOther)
        #expect(analyzer.count == before + 2)
        #expect(try store.search(SearchRequest(text: "Kharkiv")).count == 1)
    }

    /// "é" precomposed and "e" + U+0301 are equal Strings, but their tokens sit at different byte offsets.
    @Test func canonicallyEquivalentTextsDoNotShareTokens() throws {
        let archive = try TemporaryArchive()
        let composed = "Caf\u{E9} near Kharkiv", decomposed = "Cafe\u{301} near Kharkiv"
        #expect(composed == decomposed)
        var batch = IndexWriteTests.batch("x", passages: 1)
        batch.documents[0].text = composed
        let tokens = archive.store.prepareIndexTokens(for: batch)
        func lookup(_ text: String) -> [AnalyzedToken]? {
            var text = text
            return text.withUTF8 { tokens.tokens(forUTF8: UnsafeRawBufferPointer($0)) }
        }
        #expect(lookup(composed) == archive.store.analyzer.indexTokens(composed))
        #expect(lookup(decomposed) == nil)
    }

    /// The key reads only a text's length and its ends: texts that agree there, and differ in the middle,
    /// share a key and must still each get their own tokens (and a text prepared for neither, none).
    @Test func textsSharingTheirEndsKeepTheirOwnTokens() throws {
        let archive = try TemporaryArchive()
        let edge = String(repeating: "Харків ", count: 20)
        let texts = [edge + "tanks" + edge, edge + "drone" + edge, edge + "танки" + edge]
        func key(_ text: String) -> Int {
            var text = text
            return text.withUTF8 { PreparedIndexTokens.key(UnsafeRawBufferPointer($0)) }
        }
        #expect(key(texts[0]) == key(texts[1]))
        var batch = IndexWriteTests.batch("x", passages: 2)
        batch.documents[0].title = texts[0]
        batch.documents[0].text = texts[1]
        let tokens = archive.store.prepareIndexTokens(for: batch)
        func lookup(_ text: String) -> [AnalyzedToken]? {
            var text = text
            return text.withUTF8 { tokens.tokens(forUTF8: UnsafeRawBufferPointer($0)) }
        }
        for text in texts.prefix(2) {
            #expect(lookup(text) == archive.store.analyzer.indexTokens(text))
        }
        #expect(lookup(texts[0]) != lookup(texts[1]))
        #expect(key(texts[2]) != key(texts[0]))  // the same length in characters, not in bytes
        #expect(lookup(edge + "tankz" + edge) == nil)
        #expect(lookup("") == nil)
    }
}
