import Foundation
import DiglotKit
import DiglotModel
import DiglotStore

/// The figures measured at one corpus size.
struct SizeResult: Codable {
    var targetDocuments: Int
    var inputs = 0
    var documents = 0
    var passages = 0
    var pairs = 0
    var failedInputs = 0
    var rawBytes = 0
    var importSeconds = 0.0
    var plainFTSSeconds = 0.0
    var archiveBytes = 0
    var importPeakRSSBytes = 0
    var searchMillisecondsP50 = 0.0
    var searchMillisecondsP95 = 0.0
    var searchMillisecondsP99 = 0.0
    var searchQueries = 0
    var searchProcessMillisecondsP50 = 0.0
    var searchProcessMillisecondsMax = 0.0
    var pairSeconds: Double?
    var exportJSONLSeconds: Double?
    var exportJSONLPeakRSSBytes: Int?
    var exportTMXSeconds: Double?
    var exportTMXPeakRSSBytes: Int?
    var firstErrors: [String] = []

    var documentsPerSecond: Double { Double(documents) / importSeconds }
    var megabytesPerSecond: Double { Double(rawBytes) / 1_048_576 / importSeconds }
    var importToPlainRatio: Double { importSeconds / plainFTSSeconds }
    var microsecondsPerDocument: Double { importSeconds / Double(max(documents, 1)) * 1e6 }
}

/// Runs every measurement at one corpus size in a scratch folder.
struct BenchmarkRun {
    let size: Int
    let seed: UInt64
    let figures: DailyFigures
    let workFolder: URL
    let diglotBinary: URL
    let searchRepetitions: Int
    /// The archive's search analysis: Diglot's default, or `BasicAnalyzer` (`--analysis basic`) to measure
    /// what morphology costs at import.
    let analysis: SearchAnalysis

    /// A fixed query mix: inflected Ukrainian forms, names across scripts, English terms for Ukrainian texts.
    static let queries = [
        "втратами", "танків", "Kharkiv", "Харкові", "Kiev", "Київ", "tanks Kharkiv", "losses", "occupiers",
        "Zelensky", "Зеленський", "евакуйовано", "air defence", "\"artillery systems\"", "Mykolaiv OR Odesa",
        "drones -Kyiv", "1 020", "Bakhmut", "безпілотників", "Генштаб", "shelling", "Reuters",
    ]

    func run() throws -> SizeResult {
        var result = SizeResult(targetDocuments: size)
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let archivePath = workFolder.appendingPathComponent("bench-\(size).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: archivePath + suffix) }

        // Import: every generated input through the real pipeline (parsed on worker threads ahead of the
        // writer, as `diglot import` does), one transaction each.
        let archive = try DiglotArchive(path: archivePath, analysis: analysis)
        let pipeline = archive.importer()
        result.importSeconds = Measure.seconds {
            var generated = CorpusGenerator(targetDocuments: size, seed: seed, figures: figures).makeIterator()
            // Counted by the source, which the workers call one at a time; read once the import is over.
            var inputs = 0, rawBytes = 0
            pipeline.importInputs({
                guard let input = generated.next() else { return nil }
                inputs += 1
                rawBytes += input.bytes.count
                return (input.bytes, input.fileName)
            }) { _, outcome in
                switch outcome {
                case .success(.imported(let outcome)): result.documents += outcome.documentsAdded
                case .success: break
                case .failure(let error):
                    result.failedInputs += 1
                    if result.firstErrors.count < 5 { result.firstErrors.append("\(error)") }
                }
            }
            result.inputs = inputs
            result.rawBytes = rawBytes
            // As `diglot import` ends a bulk run: part of the import's cost.
            do {
                try pipeline.finishBulkImport(documentsAdded: result.documents)
            } catch {
                result.firstErrors.append("merging the full-text indexes: \(error)")
            }
        }
        result.importPeakRSSBytes = Measure.peakResidentBytes() ?? 0
        let statistics = try archive.store.statistics()
        result.passages = statistics.passages
        result.pairs = statistics.pairs

        // The limit: the same visible texts into a bare FTS5 table in one transaction.
        let plainTexts = CorpusGenerator(targetDocuments: size, seed: seed, figures: figures).map(\.plainText)
        result.plainFTSSeconds = try PlainFTSBaseline.insertSeconds(
            texts: plainTexts, path: workFolder.appendingPathComponent("plain-\(size).sqlite").path)

        // Search latency in process.
        var samples: [Double] = []
        for _ in 0..<searchRepetitions {
            for query in Self.queries {
                samples.append(try Measure.seconds { _ = try archive.store.search(SearchRequest(text: query, limit: 10)) } * 1000)
            }
        }
        result.searchQueries = samples.count
        result.searchMillisecondsP50 = Measure.percentile(samples, 50)
        result.searchMillisecondsP95 = Measure.percentile(samples, 95)
        result.searchMillisecondsP99 = Measure.percentile(samples, 99)
        try archive.store.close()
        result.archiveBytes = Measure.fileBytes(archivePath)

        // A whole `diglot search` process, as a user runs it.
        var processSamples: [Double] = []
        for query in Self.queries.prefix(10) {
            processSamples.append(try Measure.seconds {
                _ = try runDiglot(["search", query, "--archive", archivePath, "--limit", "10", "--json"])
            } * 1000)
        }
        result.searchProcessMillisecondsP50 = Measure.percentile(processSamples, 50)
        result.searchProcessMillisecondsMax = processSamples.max() ?? 0

        // Pairing across the archive, when this build has the command.
        if (try? runDiglot(["pair", "--help"]))?.status == 0 {
            result.pairSeconds = try Measure.seconds { _ = try runDiglot(["pair", "--archive", archivePath]) }
        }

        // Export, measured in a child process so its peak memory is its own.
        let exportPath = workFolder.appendingPathComponent("export-\(size)").path
        var exported = ChildOutcome(status: 0, peakResidentBytes: 0)
        result.exportJSONLSeconds = try Measure.seconds {
            exported = try runDiglot(["export", "--format", "jsonl", "--archive", archivePath, "--output", exportPath + ".jsonl"])
        }
        result.exportJSONLPeakRSSBytes = exported.peakResidentBytes
        if (try? runDiglot(["export", "--format", "tmx", "--archive", archivePath, "--output", exportPath + ".tmx"]))?.status == 0 {
            result.exportTMXSeconds = try Measure.seconds {
                exported = try runDiglot(["export", "--format", "tmx", "--archive", archivePath, "--output", exportPath + ".tmx"])
            }
            result.exportTMXPeakRSSBytes = exported.peakResidentBytes
        }
        return result
    }

    /// Runs the built `diglot` binary, output discarded.
    @discardableResult
    func runDiglot(_ arguments: [String]) throws -> ChildOutcome {
        try Self.runDiglot(diglotBinary, arguments)
    }

    /// How a child process ended, and the most memory it held (`wait4`'s own usage for it: the bench's figures
    /// used to be the largest of all children so far, `diglot pair`'s included).
    struct ChildOutcome {
        var status: Int32
        var peakResidentBytes: Int
    }

    /// Runs `binary` with `arguments`, output discarded, and returns its exit status and peak memory: every
    /// child process the bench times (searches, pairing, exports) goes through here.
    ///
    /// Spawned with `posix_spawn` and reaped with `wait4`, not Foundation's `Process`: on Linux its
    /// `waitUntilExit` polls a run loop and added 30-50 ms to every timed child, more than a search costs.
    @discardableResult
    static func runDiglot(_ binary: URL, _ arguments: [String]) throws -> ChildOutcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned),
                          userInfo: [NSLocalizedDescriptionKey: "cannot start \(binary.path): \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno),
                              userInfo: [NSLocalizedDescriptionKey: "cannot wait for \(binary.path)"])
            }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return ChildOutcome(status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                            peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }
}
