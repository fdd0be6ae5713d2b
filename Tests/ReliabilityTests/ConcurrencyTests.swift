import Foundation
import Testing

/// Issue 9, concurrent use: several `diglot` processes on one archive at once. Searches during an import
/// succeed; two imports at once both complete; no "database is locked" (or "busy") ever reaches the user;
/// the result equals importing the same files one after the other.
@Suite(.serialized)
struct ConcurrencyTests {
    @Test(.timeLimit(.minutes(20)))
    func searchesDuringTwoImportsSucceedAndBothImportsComplete() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
        try BulkCorpus.make(at: first, generated: 600, seed: 1)
        try BulkCorpus.make(at: second, generated: 600, seed: 2)

        let sequential = folder.appendingPathComponent("sequential.sqlite").path
        let one = try ChildProcess.run(["import", "--archive", sequential, first.path], in: folder, timeLimit: 600)
        let two = try ChildProcess.run(["import", "--archive", sequential, second.path], in: folder, timeLimit: 600)
        let expected = try ArchiveInspector(path: sequential).tableCounts()

        // Both imports start together on an archive that does not exist yet: creating and migrating it races too.
        let shared = folder.appendingPathComponent("shared.sqlite").path
        let importA = try ChildProcess(["import", "--archive", shared, first.path], in: folder)
        let importB = try ChildProcess(["import", "--archive", shared, second.path], in: folder)
        var searches: [ChildProcess.Ended] = []
        let started = Date()
        while searches.count < 40 && Date().timeIntervalSince(started) < 300 {
            for query in ["Харкові", "shelling governor", "\"Генеральный штаб\"", "report 1000123"] {
                searches.append(try ChildProcess.run(["search", "--archive", shared, "--json", query], in: folder, timeLimit: 120))
            }
            searches.append(try ChildProcess.run(["stats", "--archive", shared, "--json"], in: folder, timeLimit: 120))
        }
        let endedA = importA.wait(timeLimit: 900), endedB = importB.wait(timeLimit: 900)

        #expect(endedA.exitStatus == one.exitStatus, "first import: \(endedA) \(endedA.stderr.suffix(1500))")
        #expect(endedB.exitStatus == two.exitStatus, "second import: \(endedB) \(endedB.stderr.suffix(1500))")
        for ended in [endedA, endedB] + searches {
            let errors = ended.stderr.lowercased()
            #expect(!errors.contains("locked") && !errors.contains("busy"), "a lock reached the user: \(ended.stderr.prefix(500))")
        }
        let failedSearches = searches.filter { $0.exitStatus != 0 }
        #expect(failedSearches.isEmpty, "\(failedSearches.count) of \(searches.count) searches failed: \(failedSearches.first.map { "\($0) \($0.stderr)" } ?? "")")
        let hits = searches.filter { !$0.stdout.isEmpty }.count
        let counts = try ArchiveInspector(path: shared).tableCounts()
        let compared = ["sources", "documents", "document_sources", "passages", "figures", "pairs"]
        for table in compared {
            #expect(counts[table] == expected[table], "\(table): \(counts[table] ?? -1) after concurrent imports, \(expected[table] ?? -1) one after the other")
        }
        let verify = try ChildProcess.run(["verify", "--archive", shared], in: folder)
        #expect(verify.exitStatus == 0, "\(verify.stdout)")
        print("concurrency: two imports (\(endedA), \(endedB)) with \(searches.count) searches/stats beside them, "
              + "\(failedSearches.count) failed, \(hits) returned results; \(compared.map { "\($0) \(counts[$0] ?? -1)/\(expected[$0] ?? -1)" }.joined(separator: ", ")) (concurrent/sequential)")
    }

    @Test(.timeLimit(.minutes(20)))
    func theSameDirectoryImportedTwiceAtOnceIsImportedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-same-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try BulkCorpus.make(at: corpus, generated: 400, seed: 3)
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let clean = try ChildProcess.run(["import", "--archive", reference, corpus.path], in: folder, timeLimit: 600)
        let expected = try ArchiveInspector(path: reference).tableCounts()

        let shared = folder.appendingPathComponent("shared.sqlite").path
        let runs = try (0..<3).map { _ in try ChildProcess(["import", "--json", "--archive", shared, corpus.path], in: folder) }
        let ended = runs.map { $0.wait(timeLimit: 900) }
        for result in ended {
            #expect(result.exitStatus == clean.exitStatus, "\(result) \(result.stderr.suffix(1500))")
            #expect(!result.stderr.lowercased().contains("locked"), "\(result.stderr.prefix(500))")
        }
        let counts = try ArchiveInspector(path: shared).tableCounts()
        for table in ["sources", "documents", "document_sources", "passages", "figures", "pairs"] {
            #expect(counts[table] == expected[table], "\(table): \(counts[table] ?? -1) after three racing imports, \(expected[table] ?? -1) alone")
        }
        let imported = ended.compactMap { try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) as? [String: Any] }
            .map { ($0["imported"] as? Int ?? 0, $0["duplicates"] as? Int ?? 0) }
        print("three racing imports of one directory: (imported, duplicates) = \(imported); \(ended.map(\.description))")
    }
}
