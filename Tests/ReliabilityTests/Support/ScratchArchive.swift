import Foundation
import DiglotImporters
import DiglotKit
import DiglotStore

/// An archive in a test folder, with a few documents imported first, so a test can prove that whatever
/// happens next leaves them in place.
final class ScratchArchive {
    let path: String
    let folder: URL
    let store: ArchiveStore
    var inspector: ArchiveInspector { ArchiveInspector(path: path) }

    /// What the archive held before the hostile part of a test.
    struct Baseline {
        var documents: [String: String]
        var documentsPerSource: [String: Int]
    }

    init(in parent: URL, name: String) throws {
        folder = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("archive.sqlite").path
        store = try ArchiveStore(path: path)
    }

    /// Imports three small texts (Ukrainian, Russian, English) through the probe reader.
    func importBaseline() throws -> Baseline {
        let texts = ["baseline-uk.txt": HostileCorpus.ukrainian, "baseline-ru.txt": HostileCorpus.russian,
                     "baseline-en.txt": HostileCorpus.english]
        let baselineFolder = folder.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: baselineFolder, withIntermediateDirectories: true)
        for (name, text) in texts { try Data(text.utf8).write(to: baselineFolder.appendingPathComponent(name)) }
        let pipeline = ImportPipeline(store: store, catalog: ImporterCatalog(importers: [AnyImporter(ProbeImporter.self)]))
        let summary = pipeline.run(paths: [baselineFolder.path], importerID: "probe")
        guard summary.imported == 3 else { throw ScratchError(description: "baseline import failed: \(summary)") }
        return Baseline(documents: try inspector.allDocuments(), documentsPerSource: try inspector.documentsPerSource())
    }

    /// What is wrong now: `verify` problems, and baseline documents missing or changed.
    func problemsAfterwards(baseline: Baseline) throws -> [String] {
        var problems = try store.verify().map { "verify: \($0)" }
        let documents = try inspector.allDocuments()
        for (id, text) in baseline.documents where documents[id] != text {
            problems.append("document \(id) held before is \(documents[id] == nil ? "gone" : "changed")")
        }
        let perSource = try inspector.documentsPerSource()
        for (source, count) in baseline.documentsPerSource where perSource[source] != count {
            problems.append("source \(source) had \(count) documents, now \(perSource[source] ?? 0)")
        }
        return problems
    }

    struct ScratchError: Error, CustomStringConvertible {
        var description: String
    }
}

/// The table a hostile-input test prints: each input, how it ended, how long it took and its peak memory.
struct OutcomeTable {
    struct Row {
        var input: String
        var mode: String
        var outcome = ""
        var seconds: Double
        var peakMiB: Double
        var problems: [String] = []
    }

    var rows: [Row] = []

    /// How many rows' outcome starts with `word`.
    func count(_ word: String) -> Int { rows.filter { $0.outcome.hasPrefix(word) }.count }

    static func describe(_ summary: ImportSummary) -> String {
        if summary.files > 1 || summary.files == 0 {
            var parts = ["\(summary.imported) imported", "\(summary.failed) refused", "\(summary.skipped.count) skipped"]
            if summary.duplicates > 0 { parts.append("\(summary.duplicates) duplicate") }
            let lead = summary.imported > 0 ? "imported" : summary.failed > 0 ? "refused" : "skipped"
            let example = (summary.errors.first ?? summary.skipped.first).map { ": e.g. " + oneLine($0.message) } ?? ""
            return "\(lead) (\(summary.files) files: \(parts.joined(separator: ", ")))\(example)"
        }
        if summary.imported > 0 { return "imported: \(summary.documents) documents" }
        if summary.duplicates > 0 { return "duplicate" }
        if let error = summary.errors.first { return "refused: " + oneLine(error.message) }
        if let skipped = summary.skipped.first { return "skipped: " + oneLine(skipped.message) }
        return "nothing happened"
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return flat.count > 140 ? String(flat.prefix(139)) + "…" : flat
    }

    func render(title: String) -> String {
        var lines = ["", title, "| input | mode | outcome | s | peak MiB | ok |", "|---|---|---|---|---|---|"]
        for row in rows {
            let input = row.input.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "|", with: "\\|")
            let outcome = row.outcome.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| \(input) | \(row.mode) | \(outcome) | \(String(format: "%.2f", row.seconds)) | \(Int(row.peakMiB)) | \(row.problems.isEmpty ? "yes" : "NO") |")
        }
        return lines.joined(separator: "\n")
    }
}
