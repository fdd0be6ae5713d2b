import Foundation
import DiglotStore

/// `diglot-bench [--sizes 10000,100000,1000000] [--seed 42] [--work DIR] [--record BENCHMARKS.md] [--json PATH]
///  [--analysis morphological|basic]` or `diglot-bench --pairing-scale 1000000,10000 [--work DIR]`
///
/// Generates a seeded corpus at each size and measures import, the plain-FTS5 limit, search, pairing, export
/// and archive size. It reports; it never fails on a time. `--smoke` runs a tiny size for CI.
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: diglot-bench [--sizes 10000,100000,1000000] [--seed 42] [--work DIR] [--record BENCHMARKS.md] [--json PATH]
                        [--analysis morphological|basic] [--skip limits,pair,export] [--smoke]
           diglot-bench --search-archive ARCHIVE [--ranking-window N] [--repetitions N]
           diglot-bench --pairing-scale ARCHIVE_DOCUMENTS[,ARRIVALS[,corpus]] [--work DIR]
           diglot-bench --export-scale ARCHIVE[,PAIRS] [--work DIR]
           diglot-bench --write-corpus DIR [--sizes N] [--seed 42]
    """
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
// A mistyped option must not start an hour-long run with the defaults.
let valueOptions: Set<String> = ["--sizes", "--seed", "--work", "--record", "--json", "--analysis", "--search-archive",
                                 "--ranking-window", "--repetitions", "--pairing-scale", "--optimize-archive",
                                 "--write-corpus", "--skip", "--export-scale"]
var argumentIndex = 0
while argumentIndex < arguments.count {
    let argument = arguments[argumentIndex]
    if valueOptions.contains(argument) {
        argumentIndex += 2
    } else if argument == "--smoke" {
        argumentIndex += 1
    } else {
        FileHandle.standardError.write(Data("diglot-bench: unknown argument \(argument)\n\(usage)\n".utf8))
        exit(2)
    }
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let smoke = arguments.contains("--smoke")
let sizes = (option("--sizes") ?? (smoke ? "300" : "10000,100000")).split(separator: ",").compactMap { Int($0) }
let seed = UInt64(option("--seed") ?? "42") ?? 42
let work = URL(fileURLWithPath: option("--work") ?? NSTemporaryDirectory() + "diglot-bench")
let referenceFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DIGLOT_REFERENCE"].map { $0 + "/general-staff" }
                          ?? "../shared/reference/general-staff")
var fallbackGenerator = SeededGenerator(seed: seed)
let figures: DailyFigures
if let loaded = try? DailyFigures.load(from: referenceFolder), !loaded.days.isEmpty {
    figures = loaded
} else {
    FileHandle.standardError.write(Data("diglot-bench: reference figures not found at \(referenceFolder.path); using a synthetic series\n".utf8))
    figures = DailyFigures.synthetic(days: 600, generator: &fallbackGenerator)
}
// `--skip limits,pair,export`: stages a run leaves out (at 1M documents, pairing a million new documents takes hours).
let skipped = Set((option("--skip") ?? "").split(separator: ",").map(String.init))
if let unknown = skipped.subtracting(BenchmarkRun.Stage.allCases.map(\.rawValue)).first {
    FileHandle.standardError.write(Data("diglot-bench: --skip takes limits, pair and export, not \(unknown)\n".utf8))
    exit(2)
}
let analysis: SearchAnalysis = option("--analysis") == "basic" ? .basic : .morphological()
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("diglot")
guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    FileHandle.standardError.write(Data("diglot-bench: build the diglot binary first (expected at \(binary.path))\n".utf8))
    exit(2)
}
#if DEBUG
let build = "debug"
#else
let build = "release"
#endif

// `--write-corpus DIR [--sizes N]`: the seeded corpus of the first size as files, for timing or profiling the
// real `diglot import DIR` (each input keeps the file name the generator gives it).
if let folder = option("--write-corpus") {
    do {
        let target = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        var files = 0, bytes = 0
        for input in CorpusGenerator(targetDocuments: sizes.first ?? 1_000, seed: seed, figures: figures) {
            try input.bytes.write(to: target.appendingPathComponent(input.fileName))
            files += 1
            bytes += input.bytes.count
        }
        print("wrote \(files) files, \(bytes) bytes, to \(target.path)")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: writing the corpus failed: \(error)\n".utf8))
        exit(1)
    }
}

// `--optimize-archive PATH`: merge the archive's full-text segments and recount its terms, each timed (see
// ArchiveStore.optimizeSearchIndexes and refreshTermStatistics).
if let path = option("--optimize-archive") {
    do {
        let store = try ArchiveStore(path: path, analysis: analysis)
        let merging = try Measure.seconds { try store.optimizeSearchIndexes() }
        let counting = try Measure.seconds { try store.refreshTermStatistics() }
        try store.close()
        print(String(format: "optimized the full-text index of %@ in %.1f s, counted their terms in %.1f s",
                     path, merging, counting))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: optimize failed: \(error)\n".utf8))
        exit(1)
    }
}

// `--search-archive PATH [--ranking-window N]`: only the search measures, on an archive an earlier run built.
if let path = option("--search-archive") {
    let window = option("--ranking-window").flatMap { Int($0) } ?? SearchRequest.defaultRankingWindow
    do {
        print(try SearchLatency(archivePath: path, diglotBinary: binary, analysis: analysis, rankingWindow: window,
                                repetitions: Int(option("--repetitions") ?? "") ?? 20).run().description)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: search run failed: \(error)\n".utf8))
        exit(1)
    }
}

// `--export-scale ARCHIVE[,PAIRS]`: only the export of PAIRS pairs (1,000,000 by default) from a copy of ARCHIVE
// with its pairs repeated (see ExportScaleRun), then exit.
if let scale = option("--export-scale") {
    let parts = scale.split(separator: ",", maxSplits: 1).map(String.init)
    let pairs = parts.count > 1 ? Int(parts[1]) : 1_000_000
    guard let pairs, pairs > 0, FileManager.default.fileExists(atPath: parts[0]) else {
        FileHandle.standardError.write(Data("diglot-bench: --export-scale wants an archive with pairs and a count, e.g. /tmp/diglot-bench/bench-100000.sqlite,1000000\n".utf8))
        exit(2)
    }
    do {
        let run = ExportScaleRun(sourceArchive: parts[0], pairs: pairs, workFolder: work, diglotBinary: binary)
        print(ExportScaleRun.describe(try run.run()))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: export scale run failed: \(error)\n".utf8))
        exit(1)
    }
}

// `--pairing-scale ARCHIVE[,ARRIVALS]`: only the pairing scale run (see PairingScaleRun), then exit.
if let scale = option("--pairing-scale") {
    let numbers = scale.split(separator: ",").compactMap { Int($0) }
    guard let archiveDocuments = numbers.first, archiveDocuments > 0 else {
        FileHandle.standardError.write(Data("diglot-bench: --pairing-scale wants ARCHIVE[,ARRIVALS[,corpus]], e.g. 1000000,10000\n".utf8))
        exit(2)
    }
    // A third element "corpus" takes the arrivals from the realistic corpus, imported through the pipeline.
    let realistic = scale.split(separator: ",").dropFirst(2).first == "corpus"
    let run = PairingScaleRun(archiveDocuments: archiveDocuments, arrivals: numbers.count > 1 ? numbers[1] : 10_000,
                              workFolder: work, diglotBinary: binary, analysis: analysis,
                              realisticArrivals: realistic ? figures : nil)
    do {
        print(PairingScaleRun.describe(try run.run()))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: pairing scale run failed: \(error)\n".utf8))
        exit(1)
    }
}

var results: [SizeResult] = []
for size in sizes {
    FileHandle.standardError.write(Data("diglot-bench: \(size) documents...\n".utf8))
    let run = BenchmarkRun(size: size, seed: seed, figures: figures, workFolder: work, diglotBinary: binary,
                           searchRepetitions: smoke ? 2 : 20, analysis: analysis,
                           importsInChildProcess: option("--analysis") != "basic",
                           skipped: Set(skipped.compactMap(BenchmarkRun.Stage.init(rawValue:))))
    do {
        results.append(try run.run())
    } catch {
        FileHandle.standardError.write(Data("diglot-bench: size \(size) failed: \(error)\n".utf8))
        exit(1)
    }
}
print(Report.table(results))
for result in results where !result.firstErrors.isEmpty {
    print("\nfirst import errors at \(result.targetDocuments):\n  " + result.firstErrors.joined(separator: "\n  "))
}
if let jsonPath = option("--json") { try Report.json(results).write(toFile: jsonPath, atomically: true, encoding: .utf8) }
if let recordPath = option("--record") { try Report.record(results, seed: seed, to: recordPath, build: build) }
