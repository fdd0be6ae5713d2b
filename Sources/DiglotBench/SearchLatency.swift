import Foundation
import DiglotStore
import DiglotModel

/// Search latency on an existing archive: the bench's query mix in process (p50/p95/p99 over every query
/// and repetition, each query once unmeasured first so the page cache is warm) and as whole `diglot search`
/// processes. Lets the 100k and 1M archives be re-measured after a change without importing them again.
struct SearchLatency {
    var archivePath: String
    var diglotBinary: URL
    var analysis: SearchAnalysis
    var rankingWindow: Int
    var repetitions: Int

    struct Result: CustomStringConvertible {
        var documents = 0
        var passages = 0
        var rankingWindow = 0
        var inProcess: [Double] = []
        var process: [Double] = []
        var slowest: [(query: String, milliseconds: Double)] = []
        /// Mean share of a query's top 10 that ranking every match (no window) also returns; nil without a window.
        var agreementWithFullRanking: Double?

        var description: String {
            func p(_ samples: [Double], _ q: Double) -> String { String(format: "%.2f", Measure.percentile(samples, q)) }
            var lines = ["search on \(documents) documents / \(passages) passages, ranking window \(rankingWindow == 0 ? "off" : String(rankingWindow)):",
                         "  in process, \(inProcess.count) queries: p50 \(p(inProcess, 50)) / p95 \(p(inProcess, 95)) / p99 \(p(inProcess, 99)) ms",
                         "  `diglot search` process, \(process.count) runs: p50 \(p(process, 50)) / max \(p(process, 100)) ms"]
            if let agreement = agreementWithFullRanking {
                lines.append(String(format: "  top 10 shared with ranking every match (no window): %.1f%% on average", agreement * 100))
            }
            lines.append("  slowest queries in process (median ms): " + slowest.prefix(5)
                .map { String(format: "%@ %.1f", $0.query, $0.milliseconds) }.joined(separator: ", "))
            return lines.joined(separator: "\n")
        }
    }

    func run() throws -> Result {
        var result = Result(rankingWindow: rankingWindow)
        let store = try ArchiveStore(path: archivePath, analysis: analysis)
        let statistics = try store.statistics()
        result.documents = statistics.documents
        result.passages = statistics.passages
        var windowed: [String: [DocumentID]] = [:]
        for query in BenchmarkRun.queries {
            windowed[query] = try store.search(SearchRequest(text: query, limit: 10, rankingWindow: rankingWindow)).map(\.document)
        }
        // What the window costs in quality: the share of each query's top 10 that ranking every match returns too.
        if rankingWindow > 0 {
            var shares: [Double] = []
            for query in BenchmarkRun.queries {
                let full = Set(try store.search(SearchRequest(text: query, limit: 10, rankingWindow: 0)).map(\.document))
                let mine = windowed[query] ?? []
                shares.append(full.isEmpty && mine.isEmpty ? 1 : Double(mine.filter(full.contains).count) / Double(max(full.count, mine.count)))
            }
            result.agreementWithFullRanking = shares.reduce(0, +) / Double(max(shares.count, 1))
        }
        var perQuery: [String: [Double]] = [:]
        result.inProcess = try timedSearches(store, perQuery: &perQuery)
        try store.close()
        result.slowest = perQuery.map { ($0.key, Measure.percentile($0.value, 50)) }.sorted { $0.1 > $1.1 }
        var arguments = ["--limit", "10", "--json"]
        if rankingWindow != SearchRequest.defaultRankingWindow { arguments += ["--ranking-window", String(rankingWindow)] }
        for query in BenchmarkRun.queries {
            result.process.append(try Measure.seconds {
                try BenchmarkRun.runDiglot(diglotBinary, ["search", query, "--archive", archivePath] + arguments)
            } * 1000)
        }
        return result
    }

    /// The measured searches, every query `repetitions` times: its own function so that a profiler can count
    /// them alone (`valgrind --tool=callgrind --toggle-collect='*timedSearches*'`), without the unmeasured
    /// warm-up and the window's quality check.
    @inline(never)
    private func timedSearches(_ store: ArchiveStore, perQuery: inout [String: [Double]]) throws -> [Double] {
        var samples: [Double] = []
        for _ in 0..<repetitions {
            for query in BenchmarkRun.queries {
                let ms = try Measure.seconds {
                    _ = try store.search(SearchRequest(text: query, limit: 10, rankingWindow: rankingWindow))
                } * 1000
                samples.append(ms)
                perQuery[query, default: []].append(ms)
            }
        }
        return samples
    }
}
