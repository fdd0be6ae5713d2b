import Foundation
import Testing
import GRDB
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotModel
import DiglotStore

/// Merging the full-text indexes after a bulk import (`ArchiveStore.optimizeSearchIndexes`, run by
/// `ImportPipeline.finishBulkImport`) changes how the index is stored, never what a search returns.
@Suite struct SearchIndexMergeTests {
    private let catalog = ImporterCatalog(importers: [AnyImporter(NoteImporter.self)])
    private let queries = ["танків", "tanks", "Kharkiv", "Харкові", "втрати", "drones -Kyiv", "\"air defence\"",
                           "Mykolaiv OR Odesa", "shelling", "Kiev"]

    /// Thirty files, one import run each: thirty FTS5 segments before any merge (one run indexes a group of
    /// files at once, so a single run over the folder would leave one).
    private func importNotes(into archive: TemporaryArchive) throws -> ImportPipeline {
        let places = [("Харкові", "Kharkiv"), ("Києві", "Kyiv"), ("Миколаєві", "Mykolaiv"), ("Одесі", "Odesa")]
        let folder = archive.file("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<30 {
            let (ukPlace, enPlace) = places[i % places.count]
            let note = """
                key: uk-\(i)
                lang: uk
                title: Втрати ворога, день \(i)
                Знищено \(i + 3) танків і \(i * 2) безпілотників біля міста. Обстріл у \(ukPlace) тривав всю ніч.
                ---
                key: en-\(i)
                lang: en
                title: Enemy losses, day \(i)
                Destroyed \(i + 3) tanks and \(i * 2) drones near the city. Shelling in \(enPlace) went on all night; air defence worked.
                pair: uk-\(i) > en-\(i)
                """
            try Data(note.utf8).write(to: folder.appendingPathComponent("day-\(i).note"))
        }
        let pipeline = ImportPipeline(store: archive.store, catalog: catalog)
        let summaries = (0..<30).map { pipeline.run(paths: [folder.appendingPathComponent("day-\($0).note").path]) }
        #expect(summaries.reduce(0) { $0 + $1.documents } == 60 && summaries.allSatisfy { $0.failed == 0 })
        return pipeline
    }

    private func results(_ store: ArchiveStore) throws -> [String] {
        try queries.flatMap { query in
            try store.search(SearchRequest(text: query, limit: 10)).map { hit in
                "\(query) | \(hit.document.rawValue) | \(hit.tier) | \(String(format: "%.9f", hit.score)) | \(hit.snippet) | "
                    + hit.pairs.map { "\($0.document.rawValue): \($0.snippet)" }.joined(separator: "; ")
            }
        }
    }

    private func dataRows(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts_data") ?? 0 }
    }

    @Test func mergingTheIndexesKeepsEverySearchResult() throws {
        let archive = try TemporaryArchive()
        _ = try importNotes(into: archive)
        let before = try results(archive.store)
        #expect(before.count > 40, "the queries should find most documents: \(before.count) results")
        let rowsBefore = try dataRows(archive.path)
        try archive.store.optimizeSearchIndexes()
        #expect(try dataRows(archive.path) < rowsBefore, "one segment needs fewer index rows than thirty")
        #expect(try results(archive.store) == before)
    }

    @Test func onlyABulkRunMergesTheIndexes() throws {
        let archive = try TemporaryArchive()
        let pipeline = try importNotes(into: archive)
        let rows = try dataRows(archive.path)
        try pipeline.finishBulkImport(documentsAdded: ImportPipeline.bulkImportDocuments - 1)
        #expect(try dataRows(archive.path) == rows, "a small run leaves the segments as they are")
        // As many documents added to an archive that held more than four times as many: not a bulk run.
        try pipeline.finishBulkImport(documentsAdded: ImportPipeline.bulkImportDocuments,
                                      documentsBefore: ImportPipeline.bulkImportDocuments * 4 + 1)
        #expect(try dataRows(archive.path) == rows, "a run small against its archive leaves the segments too")
        try pipeline.finishBulkImport(documentsAdded: ImportPipeline.bulkImportDocuments)
        #expect(try dataRows(archive.path) < rows)
    }
}
