import Foundation
import GRDB

/// Times `diglot export` of a million pairs (the "1M pairs to TMX in ≤ 30 s within 100 MB") without
/// importing the two million documents such an archive would take.
///
/// It copies an archive an earlier run built (`bench-100000.sqlite`: 42,523 pairs) and repeats its pairs under
/// new ids (`id#n`), each with its aligned units, until the copy holds `pairs` pairs: every repeated pair still
/// names real documents and passages, so the export reads, looks up and writes exactly what a real archive of
/// that many pairs makes it do (it replaces session 4's scripts/repeat-pairs.sh). The copy is kept as
/// `export-scale-N.sqlite` and reused. Then each format is exported by a `diglot export` child process, timed,
/// with its own peak memory and the output's size. XLIFF holds one language direction, so it exports the archive's
/// commonest (`--source-lang`, `--target-lang`), and the table counts that direction's pairs for it.
struct ExportScaleRun {
    var sourceArchive: String
    var pairs: Int
    var workFolder: URL
    var diglotBinary: URL
    var formats = ["tmx", "jsonl", "xliff", "csv"]

    struct FormatResult: Sendable {
        var format: String
        /// The pairs the export was given: all, or one direction's.
        var pairs: Int
        var seconds: Double
        var peakResidentBytes: Int?
        var outputBytes: Int
        var exitStatus: Int32
    }

    struct Result: Sendable {
        var pairs = 0
        /// Building the copy (nil when an earlier run's was reused).
        var buildSeconds: Double?
        var exports: [FormatResult] = []
    }

    func run() throws -> Result {
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let copy = workFolder.appendingPathComponent("export-scale-\(pairs).sqlite").path
        var result = Result()
        if try Self.pairCount(copy) != pairs {
            result.buildSeconds = try Measure.seconds { try build(copy) }
        }
        result.pairs = try Self.pairCount(copy) ?? 0
        let direction = try Self.commonestDirection(copy)
        for format in formats {
            let output = workFolder.appendingPathComponent("export-scale-\(pairs).\(format)").path
            var arguments = ["export", "--archive", copy, "--format", format, "--output", output]
            var exported = result.pairs
            if format == "xliff", let direction {
                arguments += ["--source-lang", direction.original, "--target-lang", direction.rendering]
                exported = direction.pairs
            }
            var outcome = BenchmarkRun.ChildOutcome(status: 0, peakResidentBytes: nil)
            let seconds = try Measure.seconds {
                outcome = try BenchmarkRun.runDiglot(diglotBinary, arguments, measuringMemory: true)
            }
            let bytes = ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0
            result.exports.append(FormatResult(format: format, pairs: exported, seconds: seconds,
                                               peakResidentBytes: outcome.peakResidentBytes, outputBytes: bytes,
                                               exitStatus: outcome.status))
            try? FileManager.default.removeItem(atPath: output)
        }
        return result
    }

    /// The copy with its pairs repeated up to `pairs`.
    private func build(_ copy: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        let source = try DatabaseQueue(path: sourceArchive, configuration: Self.readOnly)
        let target = try DatabaseQueue(path: copy)
        try source.backup(to: target)
        try target.write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM pairs") ?? 0
            guard existing > 0 else { throw ExportScaleError(message: "\(sourceArchive) holds no pairs to repeat") }
            let missing = pairs - existing
            guard missing > 0 else { return }
            let rounds = (missing + existing - 1) / existing
            // The repeated pair keeps every column but its id; `parent` still names the original pair.
            try db.execute(sql: """
                WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?)
                INSERT INTO pairs SELECT p.id || '#' || k.n, original, rendering, original_document, original_language,
                       rendering_document, rendering_language, method, confidence, fidelity_status, fidelity, origin,
                       parent, created_at
                FROM k, (SELECT * FROM pairs ORDER BY rowid) p ORDER BY k.n, p.rowid LIMIT ?
                """, arguments: [rounds, missing])
            try db.execute(sql: """
                INSERT INTO aligned_units
                SELECT p.id, u.idx, u.original_text, u.rendering_text, u.pattern
                FROM pairs p JOIN aligned_units u ON u.pair_id = substr(p.id, 1, instr(p.id, '#') - 1)
                WHERE p.id LIKE '%#%'
                """)
        }
        try target.close()
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }

    /// The language direction most of the archive's pairs take, with their count; nil for an archive without pairs.
    static func commonestDirection(_ path: String) throws -> (original: String, rendering: String, pairs: Int)? {
        try DatabaseQueue(path: path, configuration: readOnly).read { db in
            try Row.fetchOne(db, sql: """
                SELECT original_language, rendering_language, count(*) AS n FROM pairs
                GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 1
                """).map { ($0[0], $0[1], $0[2]) }
        }
    }

    /// The pairs an archive holds, or nil when there is no archive at `path`.
    static func pairCount(_ path: String) throws -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try DatabaseQueue(path: path, configuration: readOnly).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM pairs")
        }
    }

    static func describe(_ result: Result) -> String {
        var lines = ["| format | pairs | time | pairs/s | peak RSS | output |", "|---|---:|---:|---:|---:|---:|"]
        for export in result.exports {
            let time = export.exitStatus == 0 ? String(format: "%.2f s", export.seconds) : "failed (\(export.exitStatus))"
            let rate = export.exitStatus == 0 ? String(format: "%.0f", Double(export.pairs) / export.seconds) : "–"
            let peak = export.peakResidentBytes.map { "\($0 / 1_000_000) MB" } ?? "–"
            let output = String(format: "%.1f MB", Double(export.outputBytes) / 1e6)
            lines.append("| \(export.format) | \(export.pairs) | \(time) | \(rate) | \(peak) | \(output) |")
        }
        if let build = result.buildSeconds { lines.append(String(format: "\n(the archive copy took %.1f s to build)", build)) }
        return lines.joined(separator: "\n")
    }
}

/// Why an export scale run could not start.
struct ExportScaleError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
