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

    /// A run over `bulkImportDocuments` defers its merges once it has written that many documents, and ends
    /// with every index merged into one segment and FTS5's defaults back.
    @Test func aBulkRunEndsMergedWithTheDefaultsBack() throws {
        let archive = try TemporaryArchive()
        let folder = archive.file("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let perFile = 125
        let files = (ImportPipeline.bulkImportDocuments + perFile) / perFile
        for file in 0..<files {
            let notes = (0..<perFile).map { i in
                "key: n-\(file)-\(i)\nlang: en\ntitle: Report \(file)-\(i)\nShelling near Kharkiv, day \(i); \(file * perFile + i) drones.\n"
            }
            try Data(notes.joined(separator: "---\n").utf8).write(to: folder.appendingPathComponent("batch-\(file).note"))
        }
        let pipeline = ImportPipeline(store: archive.store, catalog: ImporterCatalog(importers: [AnyImporter(NoteImporter.self)]))
        // Progress is reported on the writing thread after each commit, where reads go through the group.
        let seen = Mutex<Set<IndexMerging>>([])
        let store = archive.store
        let summary = pipeline.run(paths: [folder.path], progress: { _, _, _ in
            if let merging = try? store.indexMerging() { seen.withLock { _ = $0.insert(merging) } }
        })
        #expect(seen.withLock { $0.contains(.deferred) }, "the run crossed the bulk size, so its last commit defers")
        #expect(summary.failed == 0)
        #expect(summary.documents == files * perFile && summary.documents >= ImportPipeline.bulkImportDocuments)
        #expect(try archive.store.indexMerging() == .incremental)
        let segments = try archive.store.reading { try Self.segments($0) }
        #expect(segments == 1, "the final merge leaves one segment")
        #expect(try archive.store.search(SearchRequest(text: "\"drones\" Kharkiv", limit: 2_000)).count == summary.documents)
        #expect(try archive.store.verify().isEmpty)
    }
}
