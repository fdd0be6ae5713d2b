import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif
import DiglotImporters
import DiglotImporting
import DiglotModel
import DiglotStore

/// Imports files into an archive: expands paths, reads each file, lets the most confident importer (or the
/// forced one) read it, and writes what it read in one transaction per file.
///
/// A failing file is recorded in the summary with one sentence naming it; the other files are still imported.
///
/// ```swift
/// let pipeline = ImportPipeline(store: store)
/// let summary = pipeline.run(paths: ["Samples/"])
/// print(summary.imported, summary.errors)
/// ```
public struct ImportPipeline: Sendable {
    /// Reported before each file: how many files are done, the total, and the file being read.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ path: String) -> Void

    public let store: ArchiveStore
    public let catalog: ImporterCatalog
    public let configuration: ImporterConfiguration
    /// Threads that detect, parse and analyse files while this one writes (`defaultParsingThreads`).
    public let parsingThreads: Int

    public init(store: ArchiveStore, catalog: ImporterCatalog = .builtin, configuration: ImporterConfiguration = .default,
                parsingThreads: Int = ImportPipeline.defaultParsingThreads) {
        self.store = store
        self.catalog = catalog
        self.configuration = configuration
        self.parsingThreads = max(1, parsingThreads)
    }

    /// What happened to one file.
    public enum FileOutcome: Sendable, Equatable {
        case imported(WriteOutcome)
        case duplicate
        /// No importer recognised it (only reported as such for files found in a directory).
        case unrecognised(String)
    }

    /// Imports every file below `paths`; `-` reads standard input (which needs `importerID`).
    ///
    /// Files are read, detected, parsed and analysed for the index on worker threads (`ReadAhead`) up to
    /// `filesAhead` files ahead of this thread, which writes them to the archive one savepoint each, in the order
    /// given. Parsing is pure, so nothing changes but the time: the archive, the summary and the order of its
    /// errors are those of reading the files one after another.
    public func run(paths: [String], importerID: String? = nil,
                    standardInput: @Sendable () -> Data = { FileHandle.standardInput.readDataToEndOfFile() },
                    progress: Progress? = nil) -> ImportSummary {
        let collector = InputCollector(paths: paths)
        var summary = ImportSummary()
        summary.errors = collector.errors
        summary.failed = collector.errors.count
        summary.skipped = collector.skipped
        summary.files = collector.items.count + collector.skipped.count + collector.errors.count
        // Standard input is read here, before any worker starts: it can be read only once, by one thread.
        // (The list knows whether `-` was given: no path is joined for the question.)
        let standardInputData = collector.items.readsStandardInput
            ? Result { try limited(standardInput(), name: "-") } : nil
        let items = collector.items
        var next = 0
        var index = 0
        // Read once: whether the run is a bulk run is decided against it while writing and at the end.
        let documentsBefore = try? store.documentRows()
        importInOrder(workers: collector.items.count > 1 ? parsingThreads : 0, documentsBefore: documentsBefore,
                      source: { () -> InputList.Item? in
            guard next < items.count else { return nil }
            defer { next += 1 }
            return items[next]
        }) { [self] item in
            let path = item.path
            return Prepared(path: path, result: Result {
                let data = path == "-" ? try standardInputData!.get() : try read(path)
                return try prepare(data, fileName: path, importerID: importerID, skipUnrecognised: item.fromDirectory)
            })
        } committed: { path, outcome in
            progress?(index, collector.items.count, path)
            index += 1
            switch outcome {
            case .success(.imported(let outcome)):
                summary.imported += 1
                summary.documents += outcome.documentsAdded
                summary.pairs += outcome.pairsAdded
            case .success(.duplicate):
                summary.duplicates += 1
            case .success(.unrecognised(let message)):
                summary.skipped.append(.init(path: path, message: message))
            case .failure(let error):
                summary.failed += 1
                summary.errors.append(.init(path: path, message: Self.sentence(for: error, file: path)))
            }
        }
        progress?(collector.items.count, collector.items.count, "")
        do {
            try finishBulkImport(documentsAdded: summary.documents, documentsBefore: documentsBefore)
        } catch {
            summary.failed += 1
            summary.errors.append(.init(path: store.path, message: Self.sentence(for: error, file: store.path)))
        }
        return summary
    }

    /// The engine of `run(paths:)`: `prepare` on `workers` threads (inline with none),
    /// `commit` and `committed` here, in order.
    /// `documentsBefore`: the archive's documents before the run (nil: read when the writer is held).
    private func importInOrder<Input: Sendable>(workers: Int, documentsBefore: Int?, source: @escaping () -> Input?,
                                                prepare: @escaping @Sendable (Input) -> Prepared,
                                                committed: (String, Result<FileOutcome, any Error>) -> Void) {
        let work = ReadAhead(workers: workers, lookahead: Self.filesAhead, source: source, transform: prepare)
        var holding = false
        do {
            try store.writingInGroups { group in
                holding = true
                commitInGroups(work, group, documentsBefore: documentsBefore, committed: committed)
            }
        } catch where !holding {
            // The writer could not be held (another process's long write, an archive that cannot be written):
            // each file then tries on its own and reports why it failed.
            while let prepared = work.next() {
                committed(prepared.path, Result { try commit(prepared.result.get()) })
            }
        } catch {
            // Every group was committed and reported inside; nothing is left to report.
        }
    }

    /// Writes each prepared file in a savepoint of the current group and commits the group every
    /// `filesPerGroup` files or `secondsPerGroup` seconds (see `WriteGroup`): a file is reported only once its
    /// group is committed, and when a commit fails every file of the group is reported as not imported.
    /// Once the run has written enough documents to be a bulk run (`isBulkRun`), the groups leave the index
    /// segments unmerged (see `IndexMerging`); a run whose later commits fail may then end below that size,
    /// without the final merge, and FTS5's automerge takes the segments over again.
    private func commitInGroups<Input: Sendable>(_ work: ReadAhead<Input, Prepared>, _ group: WriteGroup,
                                documentsBefore: Int?, committed: (String, Result<FileOutcome, any Error>) -> Void) {
        var written: [(path: String, outcome: Result<FileOutcome, any Error>)] = []
        var groupStart = DispatchTime.now().uptimeNanoseconds
        var documentsWritten = 0
        // What a written file held is freed off this thread, the import's critical path (`BackgroundRelease`).
        let release = BackgroundRelease<Prepared>()
        defer { release.flush() }
        // Else read through the group's connection, before its first write.
        let documentsBefore = documentsBefore ?? (try? store.documentRows()) ?? 0
        func reportGroup(failure: (any Error)?) {
            for file in written {
                committed(file.path, failure.map { error in .failure(GroupCommitError(file: file.path, reason: error)) } ?? file.outcome)
            }
            written.removeAll()
            groupStart = DispatchTime.now().uptimeNanoseconds
        }
        func commitGroup() {
            do {
                try group.commit()
                reportGroup(failure: nil)
            } catch {
                reportGroup(failure: error)
            }
        }
        while let prepared = work.next() {
            // A file too large to journal in memory is written in a transaction of its own kind (see
            // `WriteGroup.inMemoryJournalRowLimit`), and the files after it in one of theirs.
            if case .success(let input) = prepared.result, case .read(_, let batch, _) = input.stage,
               group.mustCommit(beforeWritingRows: WriteGroup.rows(of: batch.batch)) {
                commitGroup()
            }
            let outcome = Result { try commit(prepared.result.get()) }
            if !group.isIntact {
                // SQLite undid the whole group (a full disk, an I/O error): the files before this one are gone
                // with it; this file's own outcome says why.
                let reason = outcome.failureReason ?? StoreError(file: store.path, reason: .unreadable("the write was rolled back"))
                reportGroup(failure: reason)
                try? group.commit()   // clears the lost group; the next write begins a new one
                committed(prepared.path, outcome)
                continue
            }
            written.append((prepared.path, outcome))
            release.add(consume prepared)
            if case .success(.imported(let imported)) = outcome {
                documentsWritten += imported.documentsAdded
                // The run will merge the index into one segment when it ends (`finishBulkImport`).
                if Self.isBulkRun(adding: documentsWritten, to: documentsBefore) { group.deferIndexMerges() }
            }
            let age = DispatchTime.now().uptimeNanoseconds - groupStart
            if written.count >= Self.filesPerGroup || age >= Self.groupLifetime
                || (age >= Self.groupLifetimeBeforeIdleCommit && !work.isNextReady) {
                commitGroup()
            }
        }
        commitGroup()
    }

    /// At most this many files share one commit (see `WriteGroup`): the WAL then takes each page once for
    /// them all instead of once per file.
    static let filesPerGroup = 100
    /// A group is committed after this long (nanoseconds) even when it holds fewer files, so that a search in
    /// another process sees an import's files within a second and a kill loses at most this much work.
    static let groupLifetime: UInt64 = 1_000_000_000
    /// A group this old is committed as soon as the writer would wait for the parsers: the commit's disk
    /// writes then overlap the parsing, and the write lock is free while the writer waits, so another
    /// process's import is not shut out for the whole of this one (it waits for the lock, never fails).
    static let groupLifetimeBeforeIdleCommit: UInt64 = 50_000_000

    /// How many files may be parsed ahead of the one being written: enough to keep the workers busy while the
    /// writer commits a group (which indexes all its files at once, see `WriteGroup`), few enough that memory
    /// stays a few dozen files' worth. On the 10k bench corpus 4 files ahead left the parser waiting 6.7 s of
    /// 27 s; 32 took the import from 24-25 s to 21-22 s for 14 MB more; 64 gained nothing more.
    static let filesAhead = 32

    /// Threads that parse: one per core but the writer's, and at least two wherever there are two cores.
    ///
    /// On two cores one parsing thread left about a quarter of an import's wall time with neither thread busy:
    /// the parser waited while the writer committed (its look-ahead full), the writer waited for the parser
    /// between commits. A second parsing thread runs in those gaps (three threads on two cores), and the writer,
    /// waiting less, commits larger groups. The archive is the same whatever the count: parsing is pure, and the
    /// analyzer's cache gives each spelling the same readings whichever thread asked first.
    public static let defaultParsingThreads: Int = {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return cores < 2 ? 1 : max(2, min(cores - 1, 4))
    }()

    /// One file read and parsed by a worker, waiting to be written.
    struct Prepared: Sendable {
        var path: String
        var result: Result<PreparedInput, any Error>
    }

    /// How many documents one run must add before its end merges the full-text index.
    public static let bulkImportDocuments = 1_000

    /// Whether a run that adds `documentsAdded` documents to an archive of `documentsBefore` is a bulk run,
    /// one that ends by merging the full-text index into one segment: `bulkImportDocuments` or more, and at
    /// least a quarter of what the archive held.
    ///
    /// Why relative: the merge rewrites the whole index, not only the run's part of it. 1,075 documents added to
    /// the 100,000-document bench archive took 6.6 s, 4.3 s of them merging and recounting; at a million
    /// documents the recount alone took 23 s. A day's news added to a large archive leaves its segments to
    /// FTS5's automerge instead, as a small run does, and the cost of a run stays that of its own documents.
    public static func isBulkRun(adding documentsAdded: Int, to documentsBefore: Int) -> Bool {
        documentsAdded >= bulkImportDocuments && documentsAdded * 4 >= documentsBefore
    }

    /// After a run that added `documentsAdded` documents to an archive of `documentsBefore` (nil: the archive's
    /// documents now, less the run's): after a bulk run (`isBulkRun`), merges the full-text index into one
    /// segment (`ArchiveStore.optimizeSearchIndexes`).
    ///
    /// Each group of files leaves FTS5 a segment, so a bulk import leaves dozens of them; merging them took
    /// 4.5 s on the 100,000-document archive (after a 14-minute import) and cut the bench's search work by a
    /// sixth (a quarter with the two-step ranking). Other runs skip it: it rewrites the whole index.
    ///
    /// Then, after a bulk run or once the archive has grown by a quarter, recounts the documents holding
    /// each common term (`ArchiveStore.refreshTermStatistics`), which the search's ranking reads.
    public func finishBulkImport(documentsAdded: Int, documentsBefore: Int? = nil) throws {
        let before = try documentsBefore ?? max(0, store.documentRows() - documentsAdded)
        if Self.isBulkRun(adding: documentsAdded, to: before) {
            try store.optimizeSearchIndexes()
            try store.refreshTermStatistics()
        } else {
            try store.refreshTermStatisticsIfStale()
        }
    }

    /// Imports one input already in memory.
    ///
    /// - Parameter skipUnrecognised: report an input no importer recognises as `.unrecognised` instead of
    ///   throwing (directory imports).
    /// - Throws: `ImportError` (unknown importer, nothing recognises the input, the importer's own errors) or
    ///   `StoreError` (inconsistent records, archive failures).
    public func importBytes(_ data: Data, fileName: String, importerID: String? = nil,
                            skipUnrecognised: Bool = false) throws -> FileOutcome {
        try commit(prepare(data, fileName: fileName, importerID: importerID, skipUnrecognised: skipUnrecognised))
    }

    /// An input read by its importer and not yet written: what a worker thread hands to the writer.
    public struct PreparedInput: Sendable {
        enum Stage: Sendable {
            /// Read by its importer; `source` is the file as the archive keeps it, `batch` checked on its own and
            /// `tokens` its texts analysed for the index, all made here so the writer has neither to hash, nor to
            /// check what needs no archive, nor to analyse.
            case read(source: Source, batch: CheckedBatch, tokens: PreparedIndexTokens)
            case duplicate
            case unrecognised(String)
        }
        let stage: Stage
    }

    /// The first half of `importBytes`, safe on any thread: detects the importer and reads the input; the
    /// archive is only asked whether it holds these bytes already (a read beside the writer).
    public func prepare(_ data: Data, fileName: String, importerID: String? = nil,
                        skipUnrecognised: Bool = false) throws -> PreparedInput {
        let input = ImportInput(bytes: data, fileName: fileName)
        if try store.containsSource(input.sourceID) { return PreparedInput(stage: .duplicate) }
        let importer: AnyImporter
        if let importerID {
            guard let forced = catalog.importer(id: importerID) else {
                throw ImportError(file: fileName, message: "no importer is called \"\(importerID)\"; available: \(availableList)")
            }
            importer = forced
        } else {
            guard let detected = catalog.bestMatch(for: input) else {
                // Bytes that are not text at all get that reason: "contains NUL bytes" or "the encoding is
                // unknown" tells the user more than the list of importers that passed.
                let reason = Self.notText(input).map { ": \($0)" } ?? ""
                let message = "no importer recognises \(fileName)\(reason); tried: \(availableList)"
                if skipUnrecognised { return PreparedInput(stage: .unrecognised(message)) }
                throw ImportError(file: fileName, message: message)
            }
            importer = detected.importer
        }
        let batch = try importer.read(input, configuration: configuration)
        let source = Source(id: input.sourceID, bytes: data, mediaType: importer.mediaTypes.first ?? "application/octet-stream",
                            fileName: fileName, importedAt: Date(), importerID: importer.identifier,
                            importerVersion: importer.version)
        return PreparedInput(stage: .read(source: source, batch: CheckedBatch(batch), tokens: store.prepareIndexTokens(for: batch)))
    }

    /// The second half of `importBytes`, on the writing thread: the source and its records in one transaction,
    /// then bulletins of one day in two languages paired, whichever came first.
    public func commit(_ prepared: PreparedInput) throws -> FileOutcome {
        switch prepared.stage {
        case .duplicate:
            return .duplicate
        case .unrecognised(let message):
            return .unrecognised(message)
        case .read(var source, let batch, let tokens):
            source.importedAt = Date()
            var outcome = try store.write(source: source, checked: batch, prepared: tokens)
            guard !outcome.isDuplicate else { return .duplicate }
            outcome.pairsAdded += try BulletinLinker(store: store).pairBulletins(of: batch.batch)
            return .imported(outcome)
        }
    }

    /// Why `input` is not text in any encoding Diglot reads, or nil when it decodes.
    static func notText(_ input: ImportInput) -> String? {
        do {
            _ = try input.text()
            return nil
        } catch let error as ImportError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    private var availableList: String {
        catalog.importers.isEmpty ? "(no importers are installed)" : catalog.importers.map(\.identifier).joined(separator: ", ")
    }

    /// The file's bytes, refused before reading when over the configured limit.
    ///
    /// Reads at most one byte past the limit whatever the file claims, so a path naming an endless device
    /// (`/dev/zero`) or a file that grows while it is read is refused instead of exhausting memory, and opens
    /// without blocking, so a named pipe with no writer reads as empty instead of hanging.
    private func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError(file: path, message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        if isRegular, Int(status.st_size) > configuration.maximumInputBytes {
            throw ImportError(file: path, message: "\(path) is \(status.st_size) bytes, over the limit of \(configuration.maximumInputBytes) bytes")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var data = Data()
        // A file's own size and one byte more (to see its end, or that it grew), not 64 KB zeroed for every file:
        // that memset was 0.6 % of an import's instructions (callgrind, 5,000 documents, session 19). The bytes
        // are uninitialised until `read` fills them, and only those it filled are used.
        let chunkSize = isRegular ? min(Int(status.st_size) + 1, 1 << 16) : 1 << 16
        var chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { _, initialized in initialized = chunkSize }
        while data.count <= configuration.maximumInputBytes {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, min($0.count, configuration.maximumInputBytes + 1 - data.count)) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw ImportError(file: path, message: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        guard data.count <= configuration.maximumInputBytes else {
            throw ImportError(file: path, message: "\(path) is more than \(configuration.maximumInputBytes) bytes, over the limit (an endless or growing file?)")
        }
        return data
    }

    private func limited(_ data: Data, name: String) throws -> Data {
        guard data.count <= configuration.maximumInputBytes else {
            throw ImportError(file: name, message: "\(name) is \(data.count) bytes, over the limit of \(configuration.maximumInputBytes) bytes")
        }
        return data
    }

    /// One sentence naming the file, whatever the error.
    static func sentence(for error: any Error, file: String) -> String {
        switch error {
        case let error as ImportError:
            return error.message.contains(file) && error.line == nil ? error.message : error.description
        case let error as StoreError:
            return error.description
        case let error as GroupCommitError:
            return error.description
        default:
            return "\(file): \(error)"
        }
    }
}

/// A file that was written but not committed: the commit of its group failed, or SQLite rolled the group back
/// because of a later file's error.
public struct GroupCommitError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: any Error

    public var description: String {
        "\(file) was not imported: the archive could not commit it with the files written beside it (\(reason))"
    }
}

private extension Result {
    var failureReason: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
