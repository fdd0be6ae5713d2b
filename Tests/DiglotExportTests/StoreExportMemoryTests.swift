import Foundation
import Testing
import DiglotExport
import DiglotKit
import DiglotModel
import DiglotStore

extension StreamingMemoryTests {
    /// Exporting from the store streams: an archive of synthetic aligned pairs is exported through
    /// a `diglot export` child process, whose own peak resident memory (from `wait4`) must stay below the 100 MB
    /// a 1,000,000-pair export may use. Figures (peak memory, pairs per second) are printed; time is never asserted. The archive holds 20,000 pairs, which a debug build writes in about a
    /// minute; `DIGLOT_MEMORY_PAIRS=100000` (rounded to whole thousands, at least 2,000) measures a larger one.
    @Suite struct StoreExportMemoryTests {
        static let pairCount = ProcessInfo.processInfo.environment["DIGLOT_MEMORY_PAIRS"].flatMap(Int.init)
            .map { max(2, $0 / pairsPerBatch) * pairsPerBatch } ?? 20_000
        static let pairsPerBatch = 1_000

        @Test func exportFromTheStoreRunsInFlatMemory() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-memory-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let archive = try DiglotArchive(path: folder.appendingPathComponent("archive.sqlite").path)
            let built = Date()
            for batch in 0..<(Self.pairCount / Self.pairsPerBatch) {
                let source = Source(bytes: Data("synthetic batch \(batch)".utf8), mediaType: "text/plain",
                                    fileName: "batch-\(batch).txt", importedAt: Date(), importerID: "synthetic",
                                    importerVersion: "1")
                _ = try archive.store.write(source: source, batch: Self.batch(batch))
            }
            print("memory archive: \(Self.pairCount) pairs written in \(String(format: "%.1f", Date().timeIntervalSince(built))) s")

            // Each export runs in its own `diglot export` process, whose peak memory is its own: the figure
            // is not disturbed by other suites running in parallel in this test process.
            let archivePath = folder.appendingPathComponent("archive.sqlite").path
            for format in ["tmx", "jsonl"] {
                let output = folder.appendingPathComponent("export.\(format)").path
                let start = Date()
                let outcome = try ChildPeakMemory.run(ExportCLI.executable,
                                                      ["export", "--format", format, "--archive", archivePath, "--output", output])
                let seconds = Date().timeIntervalSince(start)
                let bytes = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
                print("store export \(format): \(Self.pairCount) pairs, \(bytes) bytes in \(String(format: "%.1f", seconds)) s (\(Int(Double(Self.pairCount) / max(seconds, 0.001))) pairs/s); child peak RSS \(outcome.peakKilobytes.map { "\($0 / 1024) MB" } ?? "not measured (/usr/bin/time is not installed)")")
                #expect(outcome.status == 0)
                #expect(bytes > Self.pairCount * 50, "the export looks truncated: \(bytes) bytes")
                if let peak = outcome.peakKilobytes {
                    #expect(peak < 100 * 1024, "diglot export peaked at \(peak / 1024) MB for \(Self.pairCount) pairs")
                }
            }
            let filtered = try archive.export(format: JSONLinesFormat(), filter: ExportFilter(from: "2023-01-02", to: "2023-01-02",
                                                                                              minimumConfidence: 0.5),
                                              to: ExportDestination { _ in CountingSink() })
            #expect(filtered.pairs == Self.pairsPerBatch / 2, "one day's batch, its confident half")
        }

        /// Pairs `batch * pairsPerBatch ..< (batch + 1) * pairsPerBatch`: a Ukrainian and an English bulletin each,
        /// published on day `batch` of 2023, aligned in two sentences; even pairs have confidence 0.9, odd 0.3.
        static func batch(_ batch: Int) -> ImportBatch {
            var result = ImportBatch()
            let published = PublishedDate(instant: Date(timeIntervalSince1970: 1_672_531_200 + Double(batch) * 86_400), precision: .day)
            for n in (batch * pairsPerBatch)..<((batch + 1) * pairsPerBatch) {
                let uk = Document(id: DocumentID(naturalKey: "synthetic:uk:\(n)"), kind: .staffBulletin, language: .ukrainian,
                                  title: "Втрати \(n)", published: published,
                                  text: "Загальні бойові втрати противника \(n). Танків ‒ \(n % 5000) (+\(n % 40)).",
                                  metadata: ["number": String(n)])
                let en = Document(id: DocumentID(naturalKey: "synthetic:en:\(n)"), kind: .staffBulletin, language: .english,
                                  title: "Losses \(n)", published: published,
                                  text: "Total combat losses of the enemy \(n). Tanks ‒ \(n % 5000) (+\(n % 40)).")
                let pair = Pair(original: .document(uk.id), rendering: .document(en.id), method: .sameBulletin,
                                confidence: n.isMultiple(of: 2) ? 0.9 : 0.3, fidelity: .ok)
                result.documents += [uk, en]
                result.pairs.append(pair)
                result.alignedUnits += [
                    AlignedUnit(pairID: pair.id, index: 0, originalText: "Загальні бойові втрати противника \(n).",
                                renderingText: "Total combat losses of the enemy \(n).", pattern: "1-1"),
                    AlignedUnit(pairID: pair.id, index: 1, originalText: "Танків ‒ \(n % 5000) (+\(n % 40)).",
                                renderingText: "Tanks ‒ \(n % 5000) (+\(n % 40)).", pattern: "1-1"),
                ]
            }
            return result
        }
    }
}
