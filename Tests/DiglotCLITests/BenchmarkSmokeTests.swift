import Foundation
import Testing
import DiglotTestSupport

/// CI runs the benchmark only at a smoke size: it must run end to end and report every figure. It never
/// fails on a time (issue 8): the assertions are about the report, not the numbers in it.
@Suite struct BenchmarkSmokeTests {
    @Test func smokeRunReportsEveryMeasure() throws {
        let binary = TestPaths.builtExecutable("diglot-bench")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("diglot-bench was not built beside the test runner: skipped the benchmark smoke run")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let json = work.appendingPathComponent("results.json")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let (status, text) = try Self.run(binary, ["--smoke", "--sizes", "120", "--work", work.path, "--json", json.path])
        #expect(status == 0)
        for measure in ["import ÷ plain FTS5", "bare FTS5 with the analysis", "reading alone", "search p50 / p95 / p99",
                        "`diglot search` process", "archive on disk"] {
            #expect(text.contains(measure), "missing \(measure) in:\n\(text)")
        }
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [[String: Any]])
        let first = try #require(results.first)
        #expect((first["documents"] as? Int ?? 0) >= 100)
        #expect((first["failedInputs"] as? Int) == 0)
        #expect((first["plainFTSSeconds"] as? Double ?? 0) > 0)
        // The limits between the plain insert and the import: the analysed bare index, the reading alone.
        #expect((first["bareIndexSeconds"] as? Double ?? 0) > 0)
        #expect((first["readingSeconds"] as? Double ?? 0) > 0)
        // The import is a `diglot import` process, measured as such: its own peak memory.
        #expect((first["importPeakRSSBytes"] as? Int ?? 0) > 0)
        // Each export child's own peak memory, not the largest of every child so far.
        #expect((first["exportTMXPeakRSSBytes"] as? Int ?? 0) > 0)

        // The export at scale: the smoke archive's pairs repeated up to 500, each format exported by a child.
        let archive = work.appendingPathComponent("bench-120.sqlite").path
        let (scaleStatus, table) = try Self.run(binary, ["--export-scale", archive + ",500", "--work", work.path])
        #expect(scaleStatus == 0, "\(table)")
        for format in ["tmx", "jsonl", "xliff", "csv"] {
            let row = table.split(separator: "\n").first { $0.hasPrefix("| \(format) |") }
            #expect(row?.contains("| 500 |") == true && row?.contains("failed") == false, "\(format) in:\n\(table)")
        }

        // An archive with pairs in two directions (the samples': Ukrainian and Russian originals): XLIFF takes
        // one direction, the commonest, and is counted by it.
        let samples = work.appendingPathComponent("samples.sqlite").path
        let diglot = TestPaths.builtExecutable("diglot")
        _ = try Self.run(diglot, ["import", "--archive", samples, "Samples"])
        let (mixedStatus, mixed) = try Self.run(binary, ["--export-scale", samples + ",300", "--work", work.path])
        #expect(mixedStatus == 0, "\(mixed)")
        let xliff = try #require(mixed.split(separator: "\n").first { $0.hasPrefix("| xliff |") }, "\(mixed)")
        let xliffPairs = Int(xliff.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        #expect(!xliff.contains("failed") && xliffPairs > 0 && xliffPairs < 300, "\(mixed)")
        #expect(mixed.split(separator: "\n").contains { $0.hasPrefix("| tmx | 300 |") }, "\(mixed)")
    }

    /// Runs the bench from the package root (where it finds ../shared/reference) and returns its exit status
    /// and standard output; its progress lines on stderr are dropped.
    static func run(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
