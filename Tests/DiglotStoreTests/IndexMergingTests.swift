import Foundation
import Testing
import GRDB
import Synchronization
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotModel
@testable import DiglotStore

/// A bulk run leaves the full-text segments unmerged until its final merge (`WriteGroup.deferIndexMerges`,
/// `IndexMerging`), and FTS5's own merging is back whenever no such run is writing.
@Suite struct IndexMergingTests {
    /// Distinct segments of the documents index: every segment has at least one row in `_idx`.
    static func segments(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM documents_fts_idx") ?? 0
    }

    /// Writes and commits one small document as its own group commit, one FTS5 segment per index.
    private func commitOne(_ key: String, _ store: ArchiveStore, _ group: WriteGroup) throws {
        _ = try store.write(source: Fixture.source(key), batch: IndexWriteTests.batch(key, passages: 1))
        try group.commit()
    }

    @Test func aGroupLeavesItsSegmentsUnmergedFromItsNextCommitUntilItEnds() throws {
        let archive = try TemporaryArchive()
        let commits = IndexMerging.defaultCrisisMerge + 8
        try archive.store.writingInGroups { group in
            try commitOne("first", archive.store, group)
            group.deferIndexMerges()
            let beforeCommit = try group.read { try IndexMerging.current($0) }
            #expect(beforeCommit == .incremental, "the setting waits for a commit")
            for i in 0..<commits { try commitOne("d\(i)", archive.store, group) }
            #expect(group.deferredIndexMerges)
            let merging = try group.read { try IndexMerging.current($0) }
            #expect(merging == .deferred)
            // FTS5's defaults merge a level once it holds 16 segments; deferred, each commit keeps its own.
            let segments = try group.read { try Self.segments($0) }
            #expect(segments == commits + 1)
        }
        #expect(try archive.store.indexMerging() == .incremental)
        #expect(try archive.store.search(SearchRequest(text: "Kharkiv", limit: 100)).count == commits + 1)
        #expect(try archive.store.verify().isEmpty)
    }

    /// The control for the test above: without deferral the same commits are merged.
    @Test func withoutDeferralFTS5MergesAsItWrites() throws {
        let archive = try TemporaryArchive()
        let commits = IndexMerging.defaultCrisisMerge + 8
        try archive.store.writingInGroups { group in
            for i in 0...commits { try commitOne("d\(i)", archive.store, group) }
            let segments = try group.read { try Self.segments($0) }
            #expect(segments < commits + 1)
        }
    }

    @Test func aRolledBackGroupTakesItsDeferralWithIt() throws {
        struct Stop: Error {}
        let archive = try TemporaryArchive()
        #expect(throws: Stop.self) {
            try archive.store.writingInGroups { group in
                group.deferIndexMerges()
                _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 1))
                throw Stop()
            }
        }
        #expect(try archive.store.indexMerging() == .incremental)
        #expect(try archive.store.statistics().documents == 0)
    }

    /// A run killed while its merges were deferred leaves the setting stored in the archive.
    @Test func theNextGroupUndoesAKilledRunsDeferral() throws {
        let archive = try TemporaryArchive()
        try archive.store.writing { db in try IndexMerging.deferred.apply(db) }
        #expect(try archive.store.indexMerging() == .deferred)
        try archive.store.writingInGroups { group in
            let merging = try group.read { try IndexMerging.current($0) }
            #expect(merging == .incremental)
        }
        #expect(try archive.store.indexMerging() == .incremental)
    }

    /// `files` note files of `perFile` small English documents each, in a folder of `archive`.
    private func noteFolder(_ archive: TemporaryArchive, files: Int, perFile: Int) throws -> URL {
        let folder = archive.file("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in 0..<files {
            let notes = (0..<perFile).map { i in
                "key: n-\(file)-\(i)\nlang: en\ntitle: Report \(file)-\(i)\nShelling near Kharkiv, day \(i); \(file * perFile + i) drones.\n"
            }
            try Data(notes.joined(separator: "---\n").utf8).write(to: folder.appendingPathComponent("batch-\(file).note"))
        }
        return folder
    }

    /// Runs the pipeline over `folder`, noting how the indexes merge after each commit (progress is reported
    /// on the writing thread after each commit, where reads go through the group).
    private func importNoting(_ folder: URL, into archive: TemporaryArchive) -> (ImportSummary, Set<IndexMerging>) {
        let pipeline = ImportPipeline(store: archive.store, catalog: ImporterCatalog(importers: [AnyImporter(NoteImporter.self)]))
        let seen = Mutex<Set<IndexMerging>>([])
        let store = archive.store
        let summary = pipeline.run(paths: [folder.path], progress: { _, _, _ in
            if let merging = try? store.indexMerging() { seen.withLock { _ = $0.insert(merging) } }
        })
        return (summary, seen.withLock { $0 })
    }

    /// A run over `bulkImportDocuments` into an empty archive defers its merges once it has written that many
    /// documents, and ends with every index merged into one segment and FTS5's defaults back.
    @Test func aBulkRunEndsMergedWithTheDefaultsBack() throws {
        let archive = try TemporaryArchive()
        let perFile = 125
        let files = (ImportPipeline.bulkImportDocuments + perFile) / perFile
        let (summary, seen) = importNoting(try noteFolder(archive, files: files, perFile: perFile), into: archive)
        #expect(summary.failed == 0)
        #expect(summary.documents == files * perFile && summary.documents >= ImportPipeline.bulkImportDocuments)
        #expect(seen.contains(.deferred), "the run crossed the bulk size, so its last commit defers")
        #expect(try archive.store.indexMerging() == .incremental)
        let segments = try archive.store.reading { try Self.segments($0) }
        #expect(segments == 1, "the final merge leaves one segment")
        #expect(try archive.store.search(SearchRequest(text: "\"drones\" Kharkiv", limit: 2_000)).count == summary.documents)
        #expect(try archive.store.verify().isEmpty)
    }

    /// The same run into an archive more than four times its size is not a bulk run: FTS5 merges as usual and
    /// the older index is not rewritten.
    @Test func theSameRunIntoAMuchLargerArchiveLeavesTheIndexToAutomerge() throws {
        let archive = try TemporaryArchive()
        let perFile = 125
        let files = (ImportPipeline.bulkImportDocuments + perFile) / perFile
        // Written in five parts, then merged as the bulk import that built it would have: the merge puts its one
        // segment on a level above those new segments start on, as in any archive that grew by several runs.
        let earlierDocuments = files * perFile * 4 + 1
        for part in 0..<5 {
            var earlier = ImportBatch()
            for i in stride(from: part, to: earlierDocuments, by: 5) {
                earlier.documents.append(Fixture.document("old-\(i)", .english, "Earlier report \(i) on shelling.", title: nil))
            }
            _ = try archive.store.write(source: Fixture.source("earlier-\(part)"), batch: earlier)
        }
        try archive.store.optimizeSearchIndexes()
        let earlierSegments = try archive.store.reading { try Set(Int.fetchAll($0, sql: "SELECT DISTINCT segid FROM documents_fts_idx")) }
        #expect(earlierSegments.count == 1)
        let (summary, seen) = importNoting(try noteFolder(archive, files: files, perFile: perFile), into: archive)
        #expect(summary.failed == 0 && summary.documents == files * perFile)
        #expect(!seen.contains(.deferred))
        #expect(try archive.store.indexMerging() == .incremental)
        let segments = try archive.store.reading { try Set(Int.fetchAll($0, sql: "SELECT DISTINCT segid FROM documents_fts_idx")) }
        #expect(segments.isSuperset(of: earlierSegments) && segments.count > 1,
                "no final merge: the earlier segment is not rewritten, the run's stand beside it")
        #expect(try archive.store.search(SearchRequest(text: "\"drones\" Kharkiv", limit: 2_000)).count == summary.documents)
        #expect(try archive.store.verify().isEmpty)
    }

    @Test func aBulkRunIsLargeInItselfAndAgainstTheArchive() {
        let bulk = ImportPipeline.bulkImportDocuments
        #expect(!ImportPipeline.isBulkRun(adding: bulk - 1, to: 0))
        #expect(ImportPipeline.isBulkRun(adding: bulk, to: 0))
        #expect(ImportPipeline.isBulkRun(adding: bulk, to: bulk * 4))
        #expect(!ImportPipeline.isBulkRun(adding: bulk, to: bulk * 4 + 1))
        #expect(ImportPipeline.isBulkRun(adding: 250_000, to: 1_000_000))
        #expect(!ImportPipeline.isBulkRun(adding: 100_000, to: 1_000_000))
    }
}
