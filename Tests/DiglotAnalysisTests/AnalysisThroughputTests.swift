import DiglotTestSupport
import Foundation
import GRDB
import Testing
@testable import DiglotAnalysis

/// Morphological analysis must keep BasicAnalyzer's surface tokens; with `DIGLOT_ANALYSIS_BENCH=1` it
/// also prints throughput beside BasicAnalyzer and SQLite's own unicode61 indexing (figures, no
/// assertions on time).
@Suite struct AnalysisThroughputTests {
    /// Real Ukrainian and English text from ../shared/reference and ../shared/seeds, tags stripped.
    static func corpus() -> [String] {
        guard let reference = TestPaths.reference else { return [] }
        var files = [reference.appendingPathComponent("general-staff/bulletins-uk.txt"),
                     reference.appendingPathComponent("general-staff/bulletins-en.txt")]
        let pages = reference.appendingPathComponent("general-staff/mil-gov-ua-pages")
        files += ((try? FileManager.default.contentsOfDirectory(at: pages, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
        let seeds = reference.deletingLastPathComponent().appendingPathComponent("seeds")
        files += ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.map { text in
            text.replacingOccurrences(of: "<script[^>]*>[\\s\\S]*?</script>|<style[^>]*>[\\s\\S]*?</style>|<[^>]+>",
                                      with: " ", options: .regularExpression)
        }
    }

    @Test func surfaceTokensMatchBasicAnalysis() {
        let texts = Self.corpus()
        guard !texts.isEmpty else {
            print("reference material absent: skipped 1 check")
            return
        }
        let analyzer = Fixtures.shared
        for text in texts {
            let surfaces = analyzer.indexTokens(text).filter { !$0.isColocated }
            let basic = BasicAnalyzer().indexTokens(text)
            #expect(surfaces.map(\.term) == basic.map { IndexTerms.fold($0.term) })
            #expect(surfaces.map(\.byteRange) == basic.map(\.byteRange))
        }
    }

    @Test func throughput() throws {
        guard ProcessInfo.processInfo.environment["DIGLOT_ANALYSIS_BENCH"] == "1" else { return }
        let base = Self.corpus()
        guard !base.isEmpty else {
            print("reference material absent: skipped throughput figures")
            return
        }
        var documents: [String] = []
        while documents.reduce(0, { $0 + $1.utf8.count }) < 4_000_000 {
            documents += base.map { String(decoding: Array($0.utf8), as: UTF8.self) }  // native, as the store passes them
        }
        let megabytes = Double(documents.reduce(0) { $0 + $1.utf8.count }) / 1_000_000

        /// Best of three runs: the machine is shared, so the minimum is the least disturbed figure.
        func measure(_ label: String, bytes: Int? = nil, runs: Int = 3, _ body: () throws -> Int) rethrows {
            var seconds = Double.infinity
            var tokens = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                tokens = try body()
                seconds = min(seconds, (ContinuousClock.now - start) / .seconds(1))
            }
            let size = bytes.map { Double($0) / 1_000_000 } ?? megabytes
            let rate = tokens > 0 ? String(format: ", %.2f M tokens/s (%d tokens)", Double(tokens) / seconds / 1e6, tokens) : ""
            print(String(format: "%@: %.3f s, %.1f MB/s", label, seconds, size / seconds) + rate)
        }
        print(String(format: "corpus: %d documents, %.1f MB (uk/en bulletins, MoD pages, seed articles)",
                     documents.count, megabytes))
        measure("BasicAnalyzer") { documents.reduce(0) { $0 + BasicAnalyzer().indexTokens($1).count } }
        let store = InMemoryLemmaStore()
        let analyzer = MorphologicalAnalyzer(configuration: .init(
            dictionaries: try MorphologyDictionaries(ukrainian: .debian("uk_UA"), russian: .debian("ru_RU")), lemmaStore: store))
        let once = base.joined(separator: "\n")
        measure("MorphologicalAnalyzer, first pass (loads dictionaries)", bytes: once.utf8.count, runs: 1) {
            analyzer.indexTokens(once).count
        }
        measure("MorphologicalAnalyzer, warm cache") { documents.reduce(0) { $0 + analyzer.indexTokens($1).count } }
        print("vocabulary recorded: \(store.count) words")

        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='unicode61')")
            try db.execute(sql: "CREATE VIRTUAL TABLE expanded USING fts5(body, tokenize='unicode61')")
        }
        try measure("FTS5 unicode61 insert of the raw text") {
            try database.write { db in
                try db.execute(sql: "DELETE FROM plain")
                for text in documents { try db.execute(sql: "INSERT INTO plain VALUES (?)", arguments: [text]) }
            }
            return 0
        }
        let expanded = documents.map { analyzer.indexTokens($0).map(\.term).joined(separator: " ") }
        try measure("FTS5 unicode61 insert of the analysed token stream (index-size cost of extra tokens)") {
            try database.write { db in
                try db.execute(sql: "DELETE FROM expanded")
                for text in expanded { try db.execute(sql: "INSERT INTO expanded VALUES (?)", arguments: [text]) }
            }
            return 0
        }

        let queryDictionaries = try MorphologyDictionaries(ukrainian: .debian("uk_UA"), russian: .debian("ru_RU"))
        let searcher = QueryCompiler(analyzer: MorphologicalAnalyzer(configuration: .init(dictionaries: queryDictionaries,
                                                                                         lemmaStore: store)))
        let queries = ["втратами", "tanks Kharkiv", "\"бойові втрати\" -Росія", "потерями OR losses", "Києва 1 020 010"]
        let start = ContinuousClock.now
        for _ in 0..<200 {
            for query in queries { _ = searcher.compile(try SearchQuery.parse(query).get()) }
        }
        let perQuery = (ContinuousClock.now - start) / .seconds(1) / Double(200 * queries.count) * 1e6
        print(String(format: "query parse + analysis + compile, vocabulary in memory, no dictionary loaded (%d): %.1f µs/query",
                     queryDictionaries.loadedCount, perQuery))

        let words = try String(contentsOfFile: "/usr/share/hunspell/uk_UA.dic", encoding: .utf8)
            .split(separator: "\n").dropFirst().prefix(40_000).map { $0.split(separator: "/").first.map(String.init) ?? "" }
        let fresh = MorphologicalAnalyzer(configuration: .init(dictionaries: analyzer.configuration.dictionaries,
                                                              lemmaStore: InMemoryLemmaStore()))
        let distinct = words.joined(separator: " ")
        measure("MorphologicalAnalyzer, 40,000 distinct dictionary words, all cache misses", bytes: distinct.utf8.count,
                runs: 1) {
            fresh.indexTokens(distinct).count
        }
    }
}
