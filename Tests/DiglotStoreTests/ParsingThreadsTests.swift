import Foundation
import Testing
import GRDB
import DiglotKit
import DiglotTestSupport
@testable import DiglotStore

/// An import parses on several threads (`ImportPipeline.defaultParsingThreads`, two even on two cores), so the
/// files' analyses run in whatever order the threads reach them: the archive must not depend on that order.
@Suite struct ParsingThreadsTests {
    /// Every table's rows (timestamps left out, sorted) and both indexes' terms by row, column and position.
    /// Index segments are left out: how the group commits fell (timing) decides them, not what they hold.
    static func content(_ store: ArchiveStore) throws -> [String] {
        let timestamps: Set<String> = ["imported_at", "created_at"]
        var lines = try store.reading { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
                  AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
                """)
            var lines: [String] = []
            for table in tables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .filter { !timestamps.contains($0) }.map { "\"\($0)\"" }
                lines += try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \"\(table)\"")
                    .map { "\(table) \($0)" }.sorted()
            }
            return lines
        }
        lines += try PreparedIndexTokensTests.indexContent(store)
        return lines
    }

    /// Imports `paths` into a fresh archive with `threads` parsing threads.
    static func imported(_ paths: [String], threads: Int) throws -> (archive: TemporaryArchive, summary: ImportSummary) {
        let archive = try TemporaryArchive()
        let summary = ImportPipeline(store: archive.store, parsingThreads: threads).run(paths: paths)
        return (archive, summary)
    }

    /// A word the analyzer reads apart by case ("Дані" may be a name, "дані" is data) at the end of a long file
    /// and in short files after it: with one thread the long file's capitalised reading comes first, with three
    /// the short files are analysed while it is still being read. An analyzer whose cache let the first reading
    /// of a spelling stand for both cases indexed them differently (session 8).
    static func caseSensitiveCorpus(in folder: URL) throws -> URL {
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        var long = "Огляд подій тижня\n\n"
        for day in 1...400 {
            long += "День \(day). Сили оборони тримають позиції біля Харкова, Херсона і Києва; обстріли тривали вночі.\n\n"
        }
        long += "Дані Генштабу оновлено. Дані про втрати уточнюються. Ірпінь, Буча, Гостомель.\n"
        try Data(long.utf8).write(to: corpus.appendingPathComponent("a-long.txt"))
        for index in 1...12 {
            let short = "Нотатка \(index)\n\nЦі дані ще перевіряють: дані з Харкова та Києва, буча новин, ірпінь долини.\n"
            try Data(short.utf8).write(to: corpus.appendingPathComponent("b-short-\(index).txt"))
        }
        return corpus
    }

    @Test func oneAndThreeParsingThreadsBuildTheSameArchive() throws {
        let scratch = try TemporaryArchive()
        let corpus = try Self.caseSensitiveCorpus(in: scratch.folder)
        let paths = [corpus.path, TestPaths.samples.path]
        let (one, oneSummary) = try Self.imported(paths, threads: 1)
        let expected = try Self.content(one.store)
        #expect(oneSummary.imported > 30, "the samples and the corpus were imported")
        #expect(expected.contains { $0.hasPrefix("documents_fts") && $0.contains("дані") })
        for _ in 0..<3 {
            let (three, threeSummary) = try Self.imported(paths, threads: 3)
            #expect(threeSummary.imported == oneSummary.imported && threeSummary.documents == oneSummary.documents)
            #expect(threeSummary.errors.map(\.path) == oneSummary.errors.map(\.path))
            let content = try Self.content(three.store)
            #expect(content.count == expected.count)
            let differing = zip(content, expected).first { $0 != $1 }
            #expect(differing == nil, "first difference: \(String(describing: differing))")
            #expect(try three.store.verify().isEmpty)
        }
    }

    @Test func theDefaultParsesOnTwoThreadsWhereverThereAreTwoCores() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let expected = cores < 2 ? 1 : min(max(cores - 1, 2), 4)
        #expect(ImportPipeline.defaultParsingThreads == expected)
        let archive = try TemporaryArchive()
        #expect(ImportPipeline(store: archive.store, parsingThreads: 0).parsingThreads == 1)
    }
}
