import Foundation
import DiglotModel
import DiglotImporting

/// Golden files for importers: `Samples/<importer-id>/<name>` is an input we wrote, and
/// `Samples/<importer-id>/<name>.golden.jsonl` holds the records its importer produces, one
/// `ArchiveJSON.line` per record in `ImportBatch.records` order, then one `{"warning": ...}` line per warning.
///
/// Run the tests with `DIGLOT_UPDATE_GOLDEN=1` to rewrite golden files after a deliberate change, then
/// review the diff: the golden file is the importer's contract.
public enum GoldenFile {
    /// The golden text for a batch.
    public static func render(_ batch: ImportBatch) throws -> String {
        var lines = try batch.records.map { try ArchiveJSON.line($0) }
        lines += try batch.warnings.map { try ArchiveJSON.line(["warning": $0]) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The golden file's path for an input file.
    public static func path(for input: URL) -> URL {
        input.deletingLastPathComponent().appendingPathComponent(input.lastPathComponent + ".golden.jsonl")
    }

    /// Sample inputs in `Samples/<importerID>/`, golden files (`.golden.jsonl`, `.error.txt`) and hidden files excluded, sorted by name.
    public static func samples(for importerID: String) -> [URL] {
        let folder = TestPaths.samples.appendingPathComponent(importerID)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".golden.jsonl") && !$0.hasSuffix(".error.txt") && !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
            .sorted().map { folder.appendingPathComponent($0) }
    }

    /// Compares `batch` with the golden file for `input`; returns a description of the first difference,
    /// or nil when they match. Writes the golden file instead when `DIGLOT_UPDATE_GOLDEN=1`.
    public static func compare(_ batch: ImportBatch, input: URL) throws -> String? {
        let actual = try render(batch)
        let golden = path(for: input)
        if ProcessInfo.processInfo.environment["DIGLOT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            return "no golden file at \(golden.path); run with DIGLOT_UPDATE_GOLDEN=1 and review it"
        }
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "<none>") != (i < a.count ? a[i] : "<none>") {
            return "\(golden.lastPathComponent) line \(i + 1) differs:\n  expected \(i < e.count ? String(e[i]) : "<none>")\n  actual   \(i < a.count ? String(a[i]) : "<none>")"
        }
        return "golden file differs"
    }

    /// Reads an input file and runs it through an importer with the default configuration, the file name
    /// being the sample's name (so errors and golden output do not depend on where the repository lives).
    public static func run<I: Importer>(_ importer: I.Type, on input: URL) throws -> ImportBatch {
        let data = try Data(contentsOf: input)
        return try importer.init(configuration: .default)
            .read(ImportInput(bytes: data, fileName: input.lastPathComponent))
    }
}
