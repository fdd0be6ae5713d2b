import Foundation
import Testing
import DiglotTestSupport

/// Issue 9, crash safety: the built `diglot` binary imports a large directory and is killed with SIGKILL at
/// a different moment each time. After every kill the archive must open, `diglot verify` must pass, every
/// file must be in wholly (the same documents, passages and figures as a clean import of it gives) or not
/// at all, and running the same command again must finish the import with the clean import's counts.
@Suite(.serialized)
struct CrashSafetyTests {
    static let repetitions = 12

    @Test(.timeLimit(.minutes(30)))
    func killNineAtAnyMomentLosesNothingAndTheSameCommandFinishes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let fileCount = try BulkCorpus.make(at: corpus, generated: 2_000)

        let cleanArchive = folder.appendingPathComponent("clean.sqlite").path
        let clean = try ChildProcess.run(["import", "--json", "--archive", cleanArchive, corpus.path], in: folder, timeLimit: 900)
        try #require(clean.exitStatus == 0 || clean.exitStatus == 1, "clean import: \(clean) \(clean.stderr.suffix(2000))")
        let cleanInspector = ArchiveInspector(path: cleanArchive)
        let expected = try cleanInspector.sourceFingerprints()
        let expectedCounts = try cleanInspector.tableCounts()
        try #require(expected.count > 1_000, "the clean import stored only \(expected.count) of \(fileCount) files")
        print("kill test: \(fileCount) files, clean import \(clean); \(expected.count) sources, "
              + "\(expectedCounts["documents"] ?? 0) documents, \(expectedCounts["pairs"] ?? 0) pairs")

        var random = SeededGenerator(seed: 0x4B11_1999)
        var lines: [String] = []
        for repetition in 0..<Self.repetitions {
            // The first kills come early (opening, migrating), the rest anywhere in the import.
            let fraction = repetition < 2 ? Double(repetition + 1) * 0.004 : 0.03 + Double(random.below(900)) / 1000
            let delay = clean.seconds * fraction
            let archive = folder.appendingPathComponent("killed-\(repetition).sqlite").path
            let arguments = ["import", "--json", "--archive", archive, corpus.path]
            let child = try ChildProcess(arguments, in: folder)
            Thread.sleep(forTimeInterval: delay)
            child.kill()
            let killed = child.wait(timeLimit: 60)

            var present = 0
            if FileManager.default.fileExists(atPath: archive) {
                let verify = try ChildProcess.run(["verify", "--archive", archive], in: folder, timeLimit: 300)
                #expect(verify.exitStatus == 0, "repetition \(repetition): verify after the kill: \(verify) \(verify.stdout) \(verify.stderr)")
                let inspector = ArchiveInspector(path: archive)
                let found = try inspector.sourceFingerprints()
                present = found.count
                for (source, fingerprint) in found where expected[source] != fingerprint {
                    Issue.record("repetition \(repetition): \(source) is partly imported: \(fingerprint) against \(expected[source] ?? "nothing")")
                }
                let strays = try inspector.strays()
                #expect(strays.isEmpty, "repetition \(repetition): \(strays)")
            }

            let again = try ChildProcess.run(arguments, in: folder, timeLimit: 900)
            #expect(again.exitStatus == clean.exitStatus, "repetition \(repetition): re-run \(again) \(again.stderr.suffix(1500))")
            #expect(!again.stderr.lowercased().contains("locked"), "repetition \(repetition): \(again.stderr.suffix(500))")
            let final = ArchiveInspector(path: archive)
            let finalCounts = try final.tableCounts()
            for table in ["sources", "documents", "document_sources", "passages", "figures", "pairs", "aligned_units"] {
                #expect(finalCounts[table] == expectedCounts[table],
                        "repetition \(repetition): \(table) \(finalCounts[table] ?? -1) after the re-run, \(expectedCounts[table] ?? -1) in a clean import")
            }
            #expect(try final.sourceFingerprints() == expected, "repetition \(repetition): the finished archive differs from a clean import")
            let verify = try ChildProcess.run(["verify", "--archive", archive], in: folder, timeLimit: 300)
            #expect(verify.exitStatus == 0, "repetition \(repetition): verify after the re-run: \(verify.stdout)")
            let how = killed.signal == 9 ? "SIGKILL" : "ended first (\(killed))"
            lines.append("| \(repetition) | \(String(format: "%.2f", delay)) s | \(how) | \(present) of \(expected.count) | \(again) |")
            try? FileManager.default.removeItem(atPath: archive)
            try? FileManager.default.removeItem(atPath: archive + "-wal")
            try? FileManager.default.removeItem(atPath: archive + "-shm")
        }
        print((["", "Kill test: \(Self.repetitions) repetitions", "| # | killed after | how | sources in at the kill | re-run |",
                "|---|---|---|---|---|"] + lines).joined(separator: "\n"))
    }
}
