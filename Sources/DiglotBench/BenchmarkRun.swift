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
    /// The same texts into a bare FTS5 table tokenized with the run's analysis (nil when `--skip limits`).
    var bareIndexSeconds: Double?
    /// Every input detected, read by its importer and analysed for the index on one thread, nothing written:
    /// the parsing thread's whole work (nil when `--skip limits`).
    var readingSeconds: Double?
    var archiveBytes = 0
    var importPeakRSSBytes = 0
    var searchMillisecondsP50 = 0.0
    var searchMillisecondsP95 = 0.0
    var searchMillisecondsP99 = 0.0
    var searchQueries = 0
    var searchProcessMillisecondsP50 = 0.0
    var searchProcessMillisecondsMax = 0.0
    var pairSeconds: Double?
    var pairPeakRSSBytes: Int?
    var exportJSONLSeconds: Double?
    var exportJSONLPeakRSSBytes: Int?
    var exportTMXSeconds: Double?
    var exportTMXPeakRSSBytes: Int?
    var firstErrors: [String] = []

    var documentsPerSecond: Double { Double(documents) / importSeconds }
    var megabytesPerSecond: Double { Double(rawBytes) / 1_048_576 / importSeconds }
    var importToPlainRatio: Double { importSeconds / plainFTSSeconds }
    var bareIndexToPlainRatio: Double? { bareIndexSeconds.map { $0 / plainFTSSeconds } }
    var readingToPlainRatio: Double? { readingSeconds.map { $0 / plainFTSSeconds } }
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
    /// Whether the import runs as a `diglot import` process (Diglot's analysis, the CLI's) or in the bench
    /// (`--analysis basic`, which the CLI does not offer).
    var importsInChildProcess = true
    /// Stages left out of this run (`--skip`).
    var skipped: Set<Stage> = []

    /// The stages a run may leave out.
    enum Stage: String, CaseIterable {
        case limits, pair, export
    }

    /// A line on standard error as each stage starts, so an hour-long run shows where it is.
    private func announce(_ stage: String) {
        FileHandle.standardError.write(Data("diglot-bench: \(size): \(stage) (\(Date()))\n".utf8))
    }

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

        // The inputs as files first, untimed: the import reads them as `diglot import DIR` does. Runs before
        // session 21 generated them inside the timed import, on the parsing threads one at a time, which charged
        // the import with the generator's work (100k: 79.5 s against 43.6 s from files, same build and host)
        // while the plain insert and the limits below never counted it.
        announce("corpus")
        let corpusFolder = workFolder.appendingPathComponent("corpus-\(size)")
        try? FileManager.default.removeItem(at: corpusFolder)
        try FileManager.default.createDirectory(at: corpusFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpusFolder) }
        for input in CorpusGenerator(targetDocuments: size, seed: seed, figures: figures) {
            try input.bytes.write(to: corpusFolder.appendingPathComponent(input.fileName))
            result.inputs += 1
            result.rawBytes += input.bytes.count
        }

        announce("import")
        let summary = try importCorpus(corpusFolder, into: archivePath, result: &result)
        result.documents = summary.documents
        result.failedInputs = summary.failed
        // Each message names its file already, as `diglot import` prints it.
        result.firstErrors = summary.errors.prefix(5).map(\.message)
        let archive = try DiglotArchive(path: archivePath, analysis: analysis)
        let statistics = try archive.store.statistics()
        result.passages = statistics.passages
        result.pairs = statistics.pairs

        announce("plain FTS5 insert")
        // The limit: the same visible texts into a bare FTS5 table in one transaction.
        let plainTexts = CorpusGenerator(targetDocuments: size, seed: seed, figures: figures).lazy.map(\.plainText)
        result.plainFTSSeconds = try PlainFTSBaseline.insertSeconds(
            texts: plainTexts, path: workFolder.appendingPathComponent("plain-\(size).sqlite").path)
        if !skipped.contains(.limits) { try measureLimits(into: &result) }

        announce("search")
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
        if !skipped.contains(.pair), (try? runDiglot(["pair", "--help"]))?.status == 0 {
            announce("diglot pair")
            var paired = ChildOutcome(status: 0, peakResidentBytes: nil)
            result.pairSeconds = try Measure.seconds { paired = try runDiglot(["pair", "--archive", archivePath], measuringMemory: true) }
            result.pairPeakRSSBytes = paired.peakResidentBytes
        }

        // Export, measured in a child process so its peak memory is its own.
        guard !skipped.contains(.export) else { return result }
        announce("export")
        let exportPath = workFolder.appendingPathComponent("export-\(size)").path
        var exported = ChildOutcome(status: 0, peakResidentBytes: nil)
        result.exportJSONLSeconds = try Measure.seconds {
            exported = try runDiglot(["export", "--format", "jsonl", "--archive", archivePath, "--output", exportPath + ".jsonl"],
                                  measuringMemory: true)
        }
        result.exportJSONLPeakRSSBytes = exported.peakResidentBytes
        if (try? runDiglot(["export", "--format", "tmx", "--archive", archivePath, "--output", exportPath + ".tmx"]))?.status == 0 {
            result.exportTMXSeconds = try Measure.seconds {
                exported = try runDiglot(["export", "--format", "tmx", "--archive", archivePath, "--output", exportPath + ".tmx"],
                                         measuringMemory: true)
            }
            result.exportTMXPeakRSSBytes = exported.peakResidentBytes
        }
        return result
    }

    /// Between the plain limit and the import: the same texts indexed with the run's analysis and nothing
    /// else, then every input read and analysed without being written. The import runs reading and writing
    /// on two threads, so neither figure adds up to it; each says what one part of it cannot go below.
    private func measureLimits(into result: inout SizeResult) throws {
        announce("bare FTS5 insert with the analysis")
        let barePath = workFolder.appendingPathComponent("bare-\(size).sqlite").path
        let readingPath = workFolder.appendingPathComponent("reading-\(size).sqlite").path
        for path in [barePath, readingPath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let bare = try ArchiveStore(path: barePath, analysis: analysis)
        let texts = CorpusGenerator(targetDocuments: size, seed: seed, figures: figures).lazy.map(\.plainText)
        result.bareIndexSeconds = try bare.bareIndexInsertSeconds(texts: texts, batchSize: PlainFTSBaseline.batchSize)
        try bare.close()

        announce("reading alone")
        // An empty archive, so that no input is a duplicate; `prepare` reads it and writes nothing.
        let pipeline = try DiglotArchive(path: readingPath, analysis: analysis).importer()
        let inputs = CorpusGenerator(targetDocuments: size, seed: seed, figures: figures)
        result.readingSeconds = BatchTiming.seconds(over: inputs, batchSize: PlainFTSBaseline.batchSize) { input in
            _ = try? pipeline.prepare(input.bytes, fileName: input.fileName)
        }
        try pipeline.store.close()
    }

    /// Imports the corpus folder into a new archive and records the import's time and peak memory.
    ///
    /// With Diglot's own analysis the import is a `diglot import --json` process, exactly what a user runs, and
    /// its peak memory is that process's alone. Until session 22 it ran inside the bench, whose peak then
    /// carried the bench's own heap (160 MB for a 100k import that holds 132 MB as `diglot import`). The CLI has
    /// no basic analysis, so `--analysis basic` still imports in process, through the same pipeline.
    private func importCorpus(_ corpusFolder: URL, into archivePath: String, result: inout SizeResult) throws -> ImportSummary {
        guard importsInChildProcess else {
            let pipeline = try DiglotArchive(path: archivePath, analysis: analysis).importer()
            // The import's peak is its own, not an earlier size's limits or search.
            Measure.resetPeakResident()
            var summary = ImportSummary()
            result.importSeconds = Measure.seconds { summary = pipeline.run(paths: [corpusFolder.path]) }
            result.importPeakRSSBytes = Measure.peakResidentBytes() ?? 0
            return summary
        }
        let summaryPath = workFolder.appendingPathComponent("import-\(size).json").path
        defer { try? FileManager.default.removeItem(atPath: summaryPath) }
        var imported = ChildOutcome(status: 0, peakResidentBytes: nil)
        result.importSeconds = try Measure.seconds {
            imported = try Self.runDiglot(diglotBinary, ["import", "--json", "--archive", archivePath, corpusFolder.path],
                                          measuringMemory: true, standardOutput: summaryPath)
        }
        // 1: some inputs failed, which the summary lists; anything else is the import itself failing.
        guard imported.status == 0 || imported.status == 1,
              let data = FileManager.default.contents(atPath: summaryPath),
              let summary = try? JSONDecoder().decode(ImportSummary.self, from: data) else {
            throw NSError(domain: "diglot-bench", code: Int(imported.status), userInfo: [NSLocalizedDescriptionKey:
                "diglot import of \(corpusFolder.path) ended with status \(imported.status) and no summary"])
        }
        result.importPeakRSSBytes = imported.peakResidentBytes ?? 0
        return summary
    }

    /// Runs the built `diglot` binary, output discarded.
    @discardableResult
    func runDiglot(_ arguments: [String], measuringMemory: Bool = false) throws -> ChildOutcome {
        try Self.runDiglot(diglotBinary, arguments, measuringMemory: measuringMemory)
    }

    /// How a child process ended, and the most memory it held (nil when not measured).
    struct ChildOutcome {
        var status: Int32
        var peakResidentBytes: Int?
    }

    /// Where a child's own peak memory is read from: GNU time, which forks the child from its own small
    /// process and reports what `wait4` says of it (installed by scripts/setup.sh).
    static let timeCommand = "/usr/bin/time"

    /// Runs `binary` with `arguments`, output discarded, and returns its exit status and, with
    /// `measuringMemory`, its peak memory: every child process the bench times (searches, pairing, exports)
    /// goes through here.
    ///
    /// Spawned with `posix_spawn` and reaped with `wait4`, not Foundation's `Process`: on Linux its
    /// `waitUntilExit` polls a run loop and added 30-50 ms to every timed child, more than a search costs.
    ///
    /// The peak memory cannot be `wait4`'s own figure for a child of this process: `posix_spawn` starts the
    /// child on the bench's address space, and Linux records that address space's high-water mark as the
    /// child's when it execs, so every child reported at least the bench's own peak (142 MB for a 10k export
    /// that holds 30). `/usr/bin/time` forks the measured process from a process of a few hundred kilobytes.
    @discardableResult
    static func runDiglot(_ binary: URL, _ arguments: [String], measuringMemory: Bool = false,
                          standardOutput: String? = nil) throws -> ChildOutcome {
        let timing = measuringMemory && FileManager.default.isExecutableFile(atPath: timeCommand)
        let memoryReport = FileManager.default.temporaryDirectory
            .appendingPathComponent("diglot-bench-\(getpid())-peak.txt").path
        let command = timing ? [timeCommand, "-f", "%M", "-o", memoryReport, binary.path] + arguments
                             : [binary.path] + arguments
        var outcome = try spawnAndWait(command, standardOutput: standardOutput)
        if timing {
            defer { try? FileManager.default.removeItem(atPath: memoryReport) }
            let report = (try? String(contentsOfFile: memoryReport, encoding: .utf8)) ?? ""
            // The last line holds the figure; a line before it says when the child was killed by a signal.
            outcome.peakResidentBytes = report.split(separator: "\n").last
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 * 1024 }
        }
        return outcome
    }

    /// Starts `command` (its first element the executable's path) and waits for it; its standard output goes
    /// to the file `standardOutput` names, else with its errors to /dev/null.
    private static func spawnAndWait(_ command: [String], standardOutput: String? = nil) throws -> ChildOutcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned),
                          userInfo: [NSLocalizedDescriptionKey: "cannot start \(command[0]): \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno),
                              userInfo: [NSLocalizedDescriptionKey: "cannot wait for \(command[0])"])
            }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return ChildOutcome(status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                            peakResidentBytes: nil)
    }
}
