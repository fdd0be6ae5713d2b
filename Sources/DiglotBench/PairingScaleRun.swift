import Foundation
import DiglotKit
import DiglotModel
import DiglotPairing
import DiglotStore

/// Times `diglot pair` on new arrivals against a large archive that earlier runs already examined: the
/// pairing issue's "10,000 new documents against 1,000,000" measured through the store and the real command.
///
/// The archive is built once from `SyntheticNews` (short reports with figures and place names, Ukrainian and
/// English) with `ArchiveStore.write`, one write per 1,000 documents, then indexed with
/// `PairingRunner.indexWithoutPairing` (the candidate tables an earlier `diglot pair` would have filled). It is
/// kept as `pairing-N.sqlite` and reused by later runs. Each run copies it, writes the arrivals (half of them
/// renderings of archived documents, a day later, in the other language) and times a `diglot pair` child
/// process on the copy, with its peak memory, then counts how many planted renderings were paired.
struct PairingScaleRun {
    var archiveDocuments: Int
    var arrivals: Int
    var workFolder: URL
    var diglotBinary: URL
    var analysis: SearchAnalysis
    /// When set, the arrivals are the bench's realistic corpus (bulletins, articles with tweets, wire reports,
    /// feeds) imported through the real pipeline, instead of synthetic renderings of archived documents.
    var realisticArrivals: DailyFigures? = nil

    static let seed: UInt64 = 20_220_224
    static let builtKey = "bench.synthetic_documents"

    struct Result: Sendable {
        var archiveDocuments = 0
        var arrivals = 0
        /// Building the base archive (nil when an earlier run's archive was reused).
        var buildSeconds: Double?
        var indexSeconds: Double?
        var arrivalWriteSeconds = 0.0
        var pairSeconds = 0.0
        var pairPeakRSSBytes = 0
        var pairExitStatus: Int32 = 0
        /// For realistic arrivals: the documents imported, and the pairs in the archive before and after.
        var arrivalDocuments = 0
        var pairsBefore = 0
        var pairsAfter = 0
        var planted = 0
        var plantedPaired = 0
        var archiveBytes = 0
    }

    func run() throws -> Result {
        var result = Result(archiveDocuments: archiveDocuments, arrivals: arrivals)
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let basePath = workFolder.appendingPathComponent("pairing-\(archiveDocuments).sqlite").path
        var generator = SyntheticNews(seed: Self.seed)

        if try !Self.isBuilt(basePath, documents: archiveDocuments) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: basePath + suffix) }
            let store = try ArchiveStore(path: basePath, analysis: analysis)
            result.buildSeconds = try Measure.seconds {
                for start in stride(from: 0, to: archiveDocuments, by: 1_000) {
                    let documents = (start..<min(archiveDocuments, start + 1_000)).map { generator.document($0) }
                    try Self.write(documents, name: "archive-\(start)", to: store)
                    if start % 100_000 == 0 { Self.progress("pairing scale: \(start) of \(archiveDocuments) documents written") }
                }
            }
            result.indexSeconds = try Measure.seconds { _ = try PairingRunner(store: store).indexWithoutPairing() }
            try store.setMeta(Self.builtKey, String(archiveDocuments))
            try store.close()
        }

        // A fresh copy per run, so runs can repeat on the same base archive.
        let runPath = workFolder.appendingPathComponent("pairing-\(archiveDocuments)-run.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: runPath + suffix) }
        // The base archive's last writes may still be in its WAL (SQLite reads it back on open), so both go.
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: basePath + suffix) {
            try FileManager.default.copyItem(atPath: basePath + suffix, toPath: runPath + suffix)
        }

        let store = try ArchiveStore(path: runPath, analysis: analysis)
        var planted: [(original: DocumentID, rendering: DocumentID)] = []
        var news: [Document] = []
        if let figures = realisticArrivals {
            let pipeline = DiglotArchive(store: store).importer()
            result.arrivalWriteSeconds = Measure.seconds {
                for input in CorpusGenerator(targetDocuments: arrivals, seed: 42, figures: figures) {
                    if case .imported(let outcome)? = try? pipeline.importBytes(input.bytes, fileName: input.fileName) {
                        result.arrivalDocuments += outcome.documentsAdded
                    }
                }
            }
            result.pairsBefore = try store.statistics().pairs
        }
        for k in 0..<(realisticArrivals == nil ? arrivals : 0) {
            let number = archiveDocuments + k
            if k % 2 == 0 {
                let sourceID = DocumentID(naturalKey: "bench:\(generator.next(below: archiveDocuments))")
                guard let source = try store.documents([sourceID]).first else { continue }
                let rendering = SyntheticNews.rendering(of: source, number: number)
                planted.append((source.id, rendering.id))
                news.append(rendering)
            } else {
                news.append(generator.document(number))
            }
        }
        if realisticArrivals == nil { result.arrivalWriteSeconds = try Measure.seconds {
            for start in stride(from: 0, to: news.count, by: 1_000) {
                try Self.write(Array(news[start..<min(news.count, start + 1_000)]), name: "arrivals-\(start)", to: store)
            }
        } }
        try store.close()

        var paired = BenchmarkRun.ChildOutcome(status: 0, peakResidentBytes: nil)
        result.pairSeconds = try Measure.seconds {
            paired = try BenchmarkRun.runDiglot(diglotBinary, ["pair", "--archive", runPath], measuringMemory: true)
        }
        result.pairExitStatus = paired.status
        result.pairPeakRSSBytes = paired.peakResidentBytes ?? 0

        let check = try ArchiveStore(path: runPath, analysis: analysis)
        result.pairsAfter = try check.statistics().pairs
        result.planted = planted.count
        for (original, rendering) in planted {
            let forward = PairID(original: .document(original), rendering: .document(rendering))
            let backward = PairID(original: .document(rendering), rendering: .document(original))
            if try check.pair(forward) != nil || check.pair(backward) != nil { result.plantedPaired += 1 }
        }
        try check.close()
        result.archiveBytes = Measure.fileBytes(runPath)
        return result
    }

    /// Whether `path` holds a base archive of `documents` synthetic documents, already indexed.
    static func isBuilt(_ path: String, documents: Int) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let store = try ArchiveStore(path: path, analysis: .basic)
        defer { try? store.close() }
        return try store.meta(builtKey) == String(documents)
    }

    /// Writes documents as one input, the way an importer's batch of that size arrives.
    static func write(_ documents: [Document], name: String, to store: ArchiveStore) throws {
        let source = Source(bytes: Data((name + documents.map(\.id.rawValue).joined()).utf8), mediaType: "text/plain",
                            fileName: name, importedAt: Date(), importerID: "bench", importerVersion: "1")
        _ = try store.write(source: source, batch: ImportBatch(documents: documents))
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The result as a line of the report and as JSON.
    static func describe(_ r: Result) -> String {
        var lines = [String(format: "pairing %d new documents against %d archived: `diglot pair` %.2f s wall, peak RSS %.0f MB, exit %d; planted renderings paired %d/%d",
                            r.arrivals, r.archiveDocuments, r.pairSeconds, Double(r.pairPeakRSSBytes) / 1_048_576,
                            r.pairExitStatus, r.plantedPaired, r.planted)]
        if let build = r.buildSeconds, let index = r.indexSeconds {
            lines.append(String(format: "  base archive written in %.1f s, indexed (signatures of every document) in %.1f s", build, index))
        }
        if r.arrivalDocuments > 0 {
            lines.append("  arrivals: \(r.arrivalDocuments) documents of the bench's realistic corpus, imported through the pipeline; pairs \(r.pairsBefore) after import (bulletins pair on import), \(r.pairsAfter) after `diglot pair`")
        }
        lines.append(String(format: "  arrivals written in %.2f s; archive copy %.0f MB", r.arrivalWriteSeconds,
                            Double(r.archiveBytes) / 1_048_576))
        return lines.joined(separator: "\n")
    }
}
