import Foundation
import Testing
import DiglotExport
import DiglotModel

/// Exports stream: 20,000 synthetic pairs go through each writer to a sink that keeps nothing, and the
/// process's peak resident memory (VmHWM) must grow by far less than the 100 MB an export of 1,000,000 pairs
/// may use. Figures are printed; time is reported, never asserted.
@Suite(.serialized) struct StreamingMemoryTests {
    static let pairCount = 20_000

    @Test(arguments: ["tmx", "xliff", "jsonl", "csv", "moses"])
    func exportRunsInConstantMemory(format: String) throws {
        let before = Self.status("VmHWM")
        let start = Date()
        let sinks = [CountingSink(), CountingSink()]
        var opened = 0
        let destination = ExportDestination { _ in defer { opened += 1 }; return sinks[opened] }
        var produced = 0
        var bytesWrittenAtHalfway = 0
        let next = { () -> ExportPair? in
            guard produced < Self.pairCount else { return nil }
            if produced == Self.pairCount / 2 { bytesWrittenAtHalfway = sinks[0].byteCount + sinks[1].byteCount }
            defer { produced += 1 }
            return Self.synthetic(produced)
        }
        let summary: ExportSummary
        switch format {
        case "tmx": summary = try Exporter.export(format: .tmx(), to: destination, next: next)
        case "xliff": summary = try Exporter.export(format: .xliff(), to: destination, next: next)
        case "jsonl": summary = try Exporter.export(format: .jsonLines(), to: destination, next: next)
        case "csv": summary = try Exporter.export(format: .csv(), to: destination, next: next)
        default: summary = try Exporter.export(format: .moses(), to: destination, next: next)
        }
        let after = Self.status("VmHWM")
        let growth = after - before
        print("export \(format): \(summary.pairs) pairs, \(summary.units) units, \(sinks[0].byteCount + sinks[1].byteCount) bytes in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; peak RSS \(before / 1024) MB -> \(after / 1024) MB (+\(growth / 1024) MB)")
        #expect(summary.pairs == Self.pairCount && summary.units == 2 * Self.pairCount)
        // Streaming, shown structurally: by the time half the pairs were read, about half the output had
        // reached the sink. A writer that accumulated would have written (almost) nothing yet. This holds
        // whatever other suites running in parallel do to the process's memory, unlike VmHWM.
        let total = sinks[0].byteCount + sinks[1].byteCount
        #expect(Double(bytesWrittenAtHalfway) >= 0.4 * Double(total),
                "only \(bytesWrittenAtHalfway) of \(total) bytes were written when half the pairs had been read")
        // Peak memory is process-wide (other suites run in parallel), so only a gross regression fails here;
        // the printed growth is the figure to read.
        #expect(growth < 400 * 1024, "peak RSS grew by \(growth / 1024) MB while streaming")
    }

    static func synthetic(_ n: Int) -> ExportPair {
        let original = ExportSide(documentID: DocumentID(rawValue: "d\(n)"), language: .ukrainian,
                                  text: "Документ \(n)", kind: .staffBulletin, published: PublishedDate(year: 2023, month: 1, day: 1))
        let rendering = ExportSide(documentID: DocumentID(rawValue: "e\(n)"), language: .english,
                                   text: "Document \(n)", kind: .staffBulletin)
        let pair = Pair(original: .document(original.documentID), rendering: .document(rendering.documentID),
                        method: .sameBulletin, confidence: 0.9, fidelity: .ok)
        let units = (0..<2).map {
            AlignedUnit(pairID: pair.id, index: $0, originalText: "Речення \($0) документа \(n) <&>",
                        renderingText: "Sentence \($0) of document \(n) <&>", pattern: "1-1")
        }
        return ExportPair(pair: pair, original: original, rendering: rendering, units: units)
    }

    /// A /proc/self/status field in kB (0 where /proc is absent).
    static func status(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
    }
}
