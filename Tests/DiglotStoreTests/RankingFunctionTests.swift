import Foundation
import GRDB
import Testing
import DiglotAnalysis
import DiglotModel
@testable import DiglotStore

/// `diglot_bm25` (RankingFunction) scores as FTS5's own `bm25()` does, and the document frequencies the archive
/// keeps (`term_documents`) stand in for the counts `bm25()` makes per query.
@Suite struct RankingFunctionTests {
    /// Enough documents holding "tanks" and "танків" that their counts are kept (`countedTermMinimum`), a few
    /// holding "Kharkiv" (counted at query time), and texts of different lengths so the length norm matters.
    static func archiveWithCommonTerms() throws -> TemporaryArchive {
        let archive = try TemporaryArchive()
        var documents: [Document] = []
        let common = ArchiveStore.countedTermMinimum + 16
        for i in 0..<common {
            let padding = String(repeating: "day report ", count: i % 7)
            documents.append(Fixture.document("r:en-\(i)", .english,
                                              "Destroyed \(i) tanks near \(i % 5 == 0 ? "Kharkiv" : "Izium"). \(padding)"
                                                + (i % 3 == 0 ? "Tanks and artillery systems were hit." : ""),
                                              title: i % 4 == 0 ? "Tanks report \(i)" : "Report \(i)"))
            documents.append(Fixture.document("r:uk-\(i)", .ukrainian,
                                              "Знищено \(i) танків біля \(i % 6 == 0 ? "Харкова" : "Ізюма"). \(padding)",
                                              title: "Зведення \(i)"))
        }
        // Documents without any of those words, so that no word is in most documents (BM25 floors the weight
        // of such a word near zero, which would hide any difference in the scores).
        for i in 0..<(common * 3) {
            documents.append(Fixture.document("r:other-\(i)", i % 2 == 0 ? .english : .ukrainian,
                                              i % 2 == 0 ? "Sunny weather in Lviv on day \(i)." : "Сонячна погода у Львові, день \(i).",
                                              title: "Weather"))
        }
        _ = try archive.store.write(source: Fixture.source("ranking"), batch: ImportBatch(documents: documents))
        return archive
    }

    /// MATCH expressions of every shape the search compiles: a word, a phrase, OR, an exclusion, colocated
    /// alternatives, and a word held by one document.
    static let expressions: [MatchExpression] = [
        .term("tanks"),
        .phrase([["artillery"], ["systems"]]),
        .any([.term("kharkiv"), .term("izium")]),
        .excluding(.term("tanks"), .term("kharkiv")),
        .phrase([["танків", "танк"]]),
        .all([.term("tanks"), .term("report")]),
        .term("17"),
    ]

    private func scores(_ store: ArchiveStore, _ function: String, _ expression: MatchExpression,
                        extra: String? = nil) throws -> [Int64: Double] {
        try store.reading { db in
            let argument = extra.map { ", '\($0)'" } ?? ""
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, \(function)(documents_fts, 10.0, 1.0\(argument)) AS score
                FROM documents_fts WHERE documents_fts MATCH ?
                """, arguments: [expression.fts5])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"] as Int64, $0["score"] as Double) })
        }
    }

    private func expectSame(_ left: [Int64: Double], _ right: [Int64: Double], _ comment: String) {
        #expect(left.keys.sorted() == right.keys.sorted(), "\(comment): different rows")
        for (row, score) in left {
            let other = right[row] ?? .nan
            #expect(abs(score - other) <= 1e-9 * max(1, abs(score)), "\(comment): row \(row) \(score) vs \(other)")
        }
    }

    @Test func withoutFrequenciesItScoresExactlyAsBM25() throws {
        let archive = try Self.archiveWithCommonTerms()
        for expression in Self.expressions {
            let bm25 = try scores(archive.store, "bm25", expression)
            #expect(!bm25.isEmpty, "\(expression.fts5) matches nothing")
            #expect(bm25.values.allSatisfy { $0 < -0.5 }, "\(expression.fts5): scores too close to zero to compare")
            expectSame(try scores(archive.store, RankingFunction.name, expression), bm25, expression.fts5)
        }
    }

    @Test func frequenciesThatDoNotFitThePhrasesAreIgnored() throws {
        let archive = try Self.archiveWithCommonTerms()
        let expression = MatchExpression.any([.term("kharkiv"), .term("izium")])
        let bm25 = try scores(archive.store, "bm25", expression)
        for wrong in ["1", "1 2 3", "a b", "-4 2", ""] {
            expectSame(try scores(archive.store, RankingFunction.name, expression, extra: wrong), bm25, "'\(wrong)'")
        }
    }

    @Test func theFrequenciesItIsGivenAreTheOnesItUses() throws {
        let archive = try Self.archiveWithCommonTerms()
        let expression = MatchExpression.term("kharkiv")
        let counted = try scores(archive.store, "bm25", expression)
        // Told the word is in every document, its inverse frequency falls to bm25()'s floor: scores near zero.
        let told = try scores(archive.store, RankingFunction.name, expression, extra: "100000")
        #expect(counted.values.allSatisfy { $0 < -1 }, "\(counted)")
        #expect(told.keys.sorted() == counted.keys.sorted())
        #expect(told.values.allSatisfy { abs($0) < 1e-5 }, "\(told)")
    }

    @Test func keptCountsGiveTheScoresOfCountingForSingleWords() throws {
        let archive = try Self.archiveWithCommonTerms()
        try archive.store.refreshTermStatistics()
        let kept = try archive.store.reading { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT term, documents FROM term_documents")
                .map { ($0["term"] as String, $0["documents"] as Int64) })
        }
        #expect(kept["tanks"] == Int64(ArchiveStore.countedTermMinimum + 16), "\(kept.count) terms kept")
        #expect(kept["kharkiv"] == nil, "a rare word is counted at query time, not kept")
        #expect(kept.values.allSatisfy { $0 >= Int64(ArchiveStore.countedTermMinimum) })

        for expression in [MatchExpression.term("tanks"), .term("kharkiv"), .excluding(.term("tanks"), .term("kharkiv")),
                           .any([.term("tanks"), .term("izium")])] {
            let frequencies = try archive.store.reading { db in try archive.store.documentFrequencies(of: expression, db) }
            #expect(frequencies.split(separator: " ").count == expression.phrases.count)
            expectSame(try scores(archive.store, RankingFunction.name, expression, extra: frequencies),
                       try scores(archive.store, "bm25", expression), "\(expression.fts5) with '\(frequencies)'")
        }
    }

    @Test func aPhraseIsEstimatedByItsRarestPosition() throws {
        let archive = try Self.archiveWithCommonTerms()
        try archive.store.refreshTermStatistics()
        let frequencies = try archive.store.reading { db in
            try archive.store.documentFrequencies(of: .phrase([["artillery"], ["systems"]]), db)
        }
        // "artillery systems" is in every third English document; each word alone is in as many.
        #expect(frequencies == String((ArchiveStore.countedTermMinimum + 16 + 2) / 3))
    }

    @Test func countsGrowStaleOnlyWhenTheArchiveGrowsByAQuarter() {
        let minimum = ArchiveStore.termStatisticsMinimumDocuments
        #expect(!ArchiveStore.termStatisticsAreStale(documents: minimum - 1, countedAt: nil))
        #expect(ArchiveStore.termStatisticsAreStale(documents: minimum, countedAt: nil))
        #expect(!ArchiveStore.termStatisticsAreStale(documents: 10_000, countedAt: 8_000))
        #expect(ArchiveStore.termStatisticsAreStale(documents: 10_001, countedAt: 8_000))
    }

    @Test func searchResultsAreTheSameWithKeptCounts() throws {
        let archive = try Self.archiveWithCommonTerms()
        let queries = ["tanks", "танків", "Kharkiv", "tanks -Kharkiv", "Izium OR Kharkiv", "report"]
        func results() throws -> [String] {
            try queries.flatMap { query in
                try archive.store.search(SearchRequest(text: query, limit: 10)).map {
                    "\(query) \($0.document.rawValue) \($0.tier) \(String(format: "%.9f", $0.score))"
                }
            }
        }
        let counting = try results()
        try archive.store.refreshTermStatistics()
        #expect(try results() == counting)
    }
}

/// `DocumentLengthReader`: lengths read from the `docsize` table give the very scores of FTS5's `xColumnSize`,
/// and a table that does not agree with the index is not used.
@Suite struct DocumentLengthReaderTests {
    private func scores(_ store: ArchiveStore, lengths: String?, _ match: String) throws -> [Int64: Double] {
        try store.reading { db in
            let argument = lengths.map { ", '\($0)'" } ?? ""
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, \(RankingFunction.name)(documents_fts, 10.0, 1.0, ''\(argument)) AS score
                FROM documents_fts WHERE documents_fts MATCH ?
                """, arguments: [match])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"] as Int64, $0["score"] as Double) })
        }
    }

    @Test func lengthsFromTheDocsizeTableGiveTheSameScores() throws {
        let archive = try RankingFunctionTests.archiveWithCommonTerms()
        for match in [#""tanks""#, #"("weather" OR "танків")"#, #""report""#] {
            let asked = try scores(archive.store, lengths: nil, match)
            #expect(asked.count > 10)
            // The lengths differ from row to row, so a wrong length would change a score.
            #expect(Set(asked.values.map { ($0 * 1e6).rounded() }).count > 3, "\(match): scores too alike to compare")
            #expect(try scores(archive.store, lengths: "documents_fts_docsize", match) == asked, "\(match)")
        }
    }

    @Test func aTableThatDoesNotAgreeIsNotUsed() throws {
        let archive = try RankingFunctionTests.archiveWithCommonTerms()
        let asked = try scores(archive.store, lengths: nil, #""tanks""#)
        // Another FTS5 index's lengths: a docsize table of the right shape whose rows are other texts.
        try archive.store.pool.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE other_fts USING fts5(text)")
            for row in 1...(ArchiveStore.countedTermMinimum * 8) {
                try db.execute(sql: "INSERT INTO other_fts(rowid, text) VALUES (?, 'one word')", arguments: [row])
            }
        }
        for table in ["other_fts_docsize", "no_such_table", "documents"] {
            #expect(try scores(archive.store, lengths: table, #""tanks""#) == asked, "\(table)")
        }
    }

    @Test func varintsAreSummedAsSQLiteWritesThem() {
        func sum(_ bytes: [UInt8]) -> Int64? { bytes.withUnsafeBufferPointer { DocumentLengthReader.sumOfVarints($0) } }
        #expect(sum([0x05]) == 5)
        #expect(sum([0x81, 0x00]) == 128)
        #expect(sum([0x05, 0x81, 0x00]) == 133, "one varint per column, summed")
        #expect(sum([0x83, 0xE8, 0x00]) == (3 << 14) | (0x68 << 7))
        #expect(sum([0x81]) == nil, "a varint cut short")
        #expect(sum([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x07]) == 7, "the ninth byte gives all eight bits")
        #expect(sum([]) == 0)
    }
}
