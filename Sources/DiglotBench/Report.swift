import Foundation

/// Prints results as a table and JSON, and appends them with the machine's description to BENCHMARKS.md.
enum Report {
    static func machineDescription() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        var cpu = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            cpu = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? cpu
        }
        return "\(cores) cores (\(cpu)), \(String(format: "%.0f", memory)) GiB, Linux \(kernel)"
    }

    static func table(_ results: [SizeResult]) -> String {
        func mb(_ bytes: Int?) -> String { bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "–" }
        func s(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "–" }
        var rows = [
            "| measure | " + results.map { "\($0.targetDocuments) docs" }.joined(separator: " | ") + " |",
            "|---|" + results.map { _ in "---:|" }.joined(),
        ]
        func row(_ name: String, _ value: (SizeResult) -> String) {
            rows.append("| \(name) | " + results.map(value).joined(separator: " | ") + " |")
        }
        row("inputs / failed") { "\($0.inputs) / \($0.failedInputs)" }
        row("documents / passages / pairs") { "\($0.documents) / \($0.passages) / \($0.pairs)" }
        row("raw bytes") { mb($0.rawBytes) }
        row("import") { String(format: "%.1f s, %.0f docs/s, %.2f MB/s", $0.importSeconds, $0.documentsPerSecond, $0.megabytesPerSecond) }
        row("import cost per document") { String(format: "%.0f µs", $0.microsecondsPerDocument) }
        row("plain FTS5 insert, same texts") { String(format: "%.2f s", $0.plainFTSSeconds) }
        row("import ÷ plain FTS5") { String(format: "%.2f×", $0.importToPlainRatio) }
        row("same texts, bare FTS5 with the analysis (÷ plain)") { result in
            result.bareIndexSeconds.map { String(format: "%.2f s (%.2f×)", $0, result.bareIndexToPlainRatio ?? 0) } ?? "–"
        }
        row("reading alone, one thread, nothing written (÷ plain)") { result in
            result.readingSeconds.map { String(format: "%.2f s (%.2f×)", $0, result.readingToPlainRatio ?? 0) } ?? "–"
        }
        row("import peak RSS") { mb($0.importPeakRSSBytes) }
        row("archive on disk / raw") { "\(mb($0.archiveBytes)) / \(String(format: "%.2f×", Double($0.archiveBytes) / Double(max($0.rawBytes, 1))))" }
        row("search p50 / p95 / p99 (in process)") {
            String(format: "%.2f / %.2f / %.2f ms", $0.searchMillisecondsP50, $0.searchMillisecondsP95, $0.searchMillisecondsP99)
        }
        row("`diglot search` process p50 / max") {
            String(format: "%.0f / %.0f ms", $0.searchProcessMillisecondsP50, $0.searchProcessMillisecondsMax)
        }
        row("`diglot pair` (time, peak RSS)") { "\(s($0.pairSeconds)), \(mb($0.pairPeakRSSBytes))" }
        row("export JSONL (time, peak RSS)") { "\(s($0.exportJSONLSeconds)), \(mb($0.exportJSONLPeakRSSBytes))" }
        row("export TMX (time, peak RSS)") { "\(s($0.exportTMXSeconds)), \(mb($0.exportTMXPeakRSSBytes))" }
        return rows.joined(separator: "\n")
    }

    static func json(_ results: [SizeResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(results), as: UTF8.self)
    }

    /// Appends a dated section to BENCHMARKS.md (creating it with its preamble if needed).
    static func record(_ results: [SizeResult], seed: UInt64, to path: String, build: String) throws {
        let formatter = ISO8601DateFormatter()
        let section = """

        ## Run of \(formatter.string(from: Date())) (seed \(seed), \(build) build)

        Machine: \(machineDescription())

        \(table(results))

        """
        if FileManager.default.fileExists(atPath: path), let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(section.utf8))
            try handle.close()
        } else {
            let preamble = """
            # Diglot benchmarks

            Produced by `swift run -c release diglot-bench` (see README "Benchmarks"); each run appends a section.
            The corpus is generated from a seed: General Staff bulletins in Ukrainian and English built from the real
            daily figures in ../shared/reference/general-staff/, articles embedding Ukrainian tweets with English
            quotes, wire-report pages with boilerplate, plain-text wire copies and RSS feeds. "Plain FTS5" is the same
            visible text inserted into a bare `unicode61` FTS5 table in one transaction: the limit an archive on SQLite
            cannot beat.

            """
            try (preamble + section).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
