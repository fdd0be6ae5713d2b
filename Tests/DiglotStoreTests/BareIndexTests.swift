import Foundation
import Testing
import GRDB
import DiglotAnalysis
import DiglotModel
@testable import DiglotStore

/// The benchmark's middle limit (issue 8): the same texts into a bare FTS5 table that tokenizes with the
/// archive's analysis. It must index exactly what the analyzer makes of each text, or its ratio to the
/// plain insert would measure something else.
@Suite struct BareIndexTests {
    static let texts = [
        "Знищено сім танків у Харкові.", "Seven tanks destroyed in Kharkiv.", "Зеленський у Києві", "Zelensky",
        "Окупанти втратили 1 020 безпілотників",
    ]

    /// Every term the bare index holds, with its row and position, in the order `fts5vocab` gives them.
    static func bareTerms(_ store: ArchiveStore) throws -> [String] {
        try store.reading { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bare_v USING fts5vocab(main, \(ArchiveStore.bareIndexTable), instance)")
            return try Row.fetchAll(db, sql: "SELECT term, doc, offset FROM temp.bare_v ORDER BY 1, 2, 3")
                .map { "\($0[0] as String) \($0[1] as Int64) \($0[2] as Int64)" }
        }
    }

    @Test func theBareIndexHoldsWhatTheAnalyzerMakesOfEachText() throws {
        let archive = try TemporaryArchive()
        // Batches of two: the last, short batch must be inserted too.
        let seconds = try archive.store.bareIndexInsertSeconds(texts: Self.texts, batchSize: 2)
        #expect(seconds > 0)
        let analyzer = try SearchAnalysis.morphological().makeAnalyzer(ArchiveVocabulary())
        var expected: [String] = []
        for (index, text) in Self.texts.enumerated() {
            var position = -1
            for token in analyzer.indexTokens(text) {
                if !token.isColocated { position += 1 }
                expected.append("\(token.term) \(index + 1) \(position)")
            }
        }
        #expect(try Self.bareTerms(archive.store) == expected.sorted { lhs, rhs in
            // fts5vocab orders terms by their bytes, then row, then position.
            let l = lhs.split(separator: " "), r = rhs.split(separator: " ")
            if l[0] != r[0] { return Array(l[0].utf8).lexicographicallyPrecedes(r[0].utf8) }
            if Int(l[1])! != Int(r[1])! { return Int(l[1])! < Int(r[1])! }
            return Int(l[2])! < Int(r[2])!
        })
        // More terms than words: lemmas and name keys are in it, which a plain `unicode61` table would lack.
        #expect(expected.count > Self.texts.joined(separator: " ").split(separator: " ").count)
    }

    @Test func measuringAgainDropsTheEarlierTable() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.bareIndexInsertSeconds(texts: Self.texts)
        _ = try archive.store.bareIndexInsertSeconds(texts: Self.texts.prefix(2))
        let rows = try archive.store.reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(ArchiveStore.bareIndexTable)")
        }
        #expect(rows == 2)
    }

    /// Every element reaches the timed work once, in order, also in a last batch shorter than the others and
    /// when the count is a multiple of the batch size.
    @Test func batchTimingVisitsEveryElementInOrder() {
        for count in [0, 1, 6, 7] {
            var seen: [Int] = []
            let seconds = BatchTiming.seconds(over: 0..<count, batchSize: 3) { seen.append($0) }
            #expect(seen == Array(0..<count))
            #expect(seconds >= 0)
        }
    }
}
