import Foundation
import Testing
import GRDB
import Synchronization
import DiglotModel
@testable import DiglotStore

/// Writes made inside `writingInGroups` are savepoints of one transaction: invisible to other connections until
/// the group commits, each file still wholly in or wholly out, reads on the holding thread seeing them.
@Suite struct WriteGroupTests {
    static func documents(_ store: ArchiveStore) throws -> Int {
        try store.statistics().documents
    }

    /// What another process sees: a second store on the same file.
    static func documentsSeenElsewhere(_ path: String) throws -> Int {
        let other = try ArchiveStore(path: path)
        defer { try? other.close() }
        return try other.statistics().documents
    }

    @Test func aGroupIsInvisibleElsewhereUntilItCommits() throws {
        let archive = try TemporaryArchive()
        try archive.store.writingInGroups { group in
            for key in ["a", "b"] {
                _ = try archive.store.write(source: Fixture.source(key), batch: IndexWriteTests.batch(key, passages: 2))
            }
            #expect(group.writesSinceCommit == 2)
            // The holding thread reads its own uncommitted writes (bulletin pairing relies on it).
            #expect(try Self.documents(archive.store) == 2)
            #expect(try Self.documentsSeenElsewhere(archive.path) == 0)
            try group.commit()
            #expect(try Self.documentsSeenElsewhere(archive.path) == 2)
            _ = try archive.store.write(source: Fixture.source("c"), batch: IndexWriteTests.batch("c", passages: 2))
        }
        // What the body leaves uncommitted is committed when it returns.
        #expect(try Self.documentsSeenElsewhere(archive.path) == 3)
        #expect(try archive.store.search(SearchRequest(text: "Kharkiv")).count == 3)
        #expect(try archive.store.verify().isEmpty)
    }

    @Test func aFailingFileRollsBackAloneAndTheRestOfTheGroupStays() throws {
        let archive = try TemporaryArchive()
        try archive.store.writingInGroups { group in
            _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 2))
            // A passage of a document the batch does not hold: refused, nothing of it written.
            var broken = IndexWriteTests.batch("b", passages: 2)
            broken.documents.removeAll()
            #expect(throws: StoreError.self) {
                _ = try archive.store.write(source: Fixture.source("b"), batch: broken)
            }
            #expect(group.isIntact)
            _ = try archive.store.write(source: Fixture.source("c"), batch: IndexWriteTests.batch("c", passages: 2))
            try group.commit()
        }
        #expect(try Self.documentsSeenElsewhere(archive.path) == 2)
        #expect(try archive.store.containsSource(Fixture.source("b").id) == false)
        #expect(try archive.store.verify().isEmpty)
    }

    @Test func aThrowingBodyRollsBackWhatItLeftUncommitted() throws {
        struct Stop: Error {}
        let archive = try TemporaryArchive()
        #expect(throws: Stop.self) {
            try archive.store.writingInGroups { group in
                _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 1))
                try group.commit()
                _ = try archive.store.write(source: Fixture.source("b"), batch: IndexWriteTests.batch("b", passages: 1))
                throw Stop()
            }
        }
        #expect(try Self.documentsSeenElsewhere(archive.path) == 1)
        #expect(try archive.store.containsSource(Fixture.source("a").id))
        #expect(try archive.store.containsSource(Fixture.source("b").id) == false)
        // The store writes on its own again afterwards.
        _ = try archive.store.write(source: Fixture.source("b"), batch: IndexWriteTests.batch("b", passages: 1))
        #expect(try Self.documentsSeenElsewhere(archive.path) == 2)
    }

    @Test func otherThreadsWriteThroughThePoolNotTheGroup() async throws {
        let archive = try TemporaryArchive()
        let store = archive.store
        try store.writingInGroups { group in
            _ = try store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 1))
            // Another thread reading meanwhile sees only what is committed, and does not run on the group.
            let seen = Mutex(-1)
            let reader = Thread { seen.withLock { $0 = (try? store.statistics().documents) ?? -2 } }
            reader.start()
            while seen.withLock({ $0 }) == -1 { Thread.sleep(forTimeInterval: 0.01) }
            #expect(seen.withLock { $0 } == 0)
            try group.commit()
        }
    }
}

extension WriteGroupTests {
    /// Between groups the write lock is free: another process's write goes through at once instead of waiting
    /// for the whole import (and failing "database is locked" after the busy timeout).
    @Test func anotherWriterGetsTheLockBetweenGroups() throws {
        let archive = try TemporaryArchive()
        let other = try ArchiveStore(path: archive.path)
        defer { try? other.close() }
        try archive.store.writingInGroups { group in
            _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 1))
            try group.commit()
            let started = Date()
            let otherWrite = Thread {
                _ = try? other.write(source: Fixture.source("b"), batch: IndexWriteTests.batch("b", passages: 1))
            }
            otherWrite.start()
            while try !other.containsSource(Fixture.source("b").id) && Date().timeIntervalSince(started) < 10 {
                Thread.sleep(forTimeInterval: 0.01)
            }
            #expect(Date().timeIntervalSince(started) < 5, "the other writer waited for the group holder")
            _ = try archive.store.write(source: Fixture.source("c"), batch: IndexWriteTests.batch("c", passages: 1))
        }
        #expect(try Self.documentsSeenElsewhere(archive.path) == 3)
    }
}

extension WriteGroupTests {
    /// A commit that fails takes the whole group with it, says so, and leaves the store usable: the import then
    /// reports each file of the group as not imported (`GroupCommitError`).
    @Test func aFailedCommitLosesTheGroupAndSaysSo() throws {
        let archive = try TemporaryArchive()
        try archive.store.writingInGroups { group in
            _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 1))
            // A foreign key checked only at COMMIT: the commit fails with the row in place.
            try archive.store.writing { db in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                try db.execute(sql: "INSERT INTO document_sources(document_id, source_id) VALUES ('no-such-document', 'no-such-source')")
            }
            #expect(throws: StoreError.self) { try group.commit() }
            #expect(group.isIntact, "after a failed commit the next group starts clean")
            _ = try archive.store.write(source: Fixture.source("b"), batch: IndexWriteTests.batch("b", passages: 1))
            try group.commit()
        }
        #expect(try archive.store.containsSource(Fixture.source("a").id) == false)
        #expect(try archive.store.containsSource(Fixture.source("b").id))
        #expect(try archive.store.verify().isEmpty)
    }
}

extension WriteGroupTests {
    /// A group's files reach the full-text index at its commit, in one statement: one new segment for the group
    /// (FTS5 writes one per savepoint), and nothing of a file that rolled back.
    @Test func theIndexIsWrittenOnceAtTheGroupsCommit() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.write(source: Fixture.source("first"), batch: IndexWriteTests.batch("first", passages: 2))
        let segmentsBefore = try IndexWriteTests.rows(archive, "documents_fts_data")
        try archive.store.writingInGroups { group in
            for key in (0..<10).map(String.init) {
                _ = try archive.store.write(source: Fixture.source(key), batch: IndexWriteTests.batch(key, passages: 3))
            }
            var broken = IndexWriteTests.batch("broken", passages: 2)
            broken.documents.removeAll()
            #expect(throws: StoreError.self) {
                _ = try archive.store.write(source: Fixture.source("broken"), batch: broken)
            }
            #expect(try IndexWriteTests.rows(archive, "documents_fts_docsize") == 1, "indexed before the commit")
            try group.commit()
            #expect(try IndexWriteTests.rows(archive, "documents_fts_docsize") == 11)
        }
        let added = try IndexWriteTests.rows(archive, "documents_fts_data") - segmentsBefore
        #expect(added <= 2, "\(added) index rows for a group of ten files")
        #expect(try archive.store.search(SearchRequest(text: "Kharkiv")).count == 11)
        #expect(try archive.store.verify().isEmpty)
    }
}

extension WriteGroupTests {
    /// Texts first analysed when the group's commit indexes them (no tokens prepared ahead) still leave their
    /// words' lemmas in the vocabulary, in the same commit: a search process reads them from there.
    @Test func wordsAnalysedAtTheCommitReachTheVocabulary() throws {
        let archive = try TemporaryArchive()
        let text = "Знищено танків: 7. Втратами противника вважаються підбиті машини."
        let document = Fixture.document("uk", .ukrainian, text)
        try archive.store.writingInGroups { group in
            _ = try archive.store.write(source: Fixture.source("uk"), batch: ImportBatch(documents: [document],
                                                                                          passages: [Fixture.passage(of: document)]))
            try group.commit()
        }
        #expect(archive.store.vocabulary.pendingCount == 0)
        let lemmas = try archive.store.reading { db in
            try String.fetchOne(db, sql: "SELECT lemmas FROM vocabulary WHERE word = 'танків'")
        }
        #expect(lemmas?.contains("танк") == true)
    }
}

extension WriteGroupTests {
    /// Only the first write of a group that adds rows says where the group's rows begin; writes before it that
    /// add nothing (a duplicate, a refused file) and a commit in the middle leave every later row indexed.
    @Test func rowsAfterDuplicatesRefusalsAndCommitsAreAllIndexed() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 2))
        try archive.store.writingInGroups { group in
            #expect(try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 2))
                .isDuplicate)
            var broken = IndexWriteTests.batch("broken", passages: 2)
            broken.documents.removeAll()
            #expect(throws: StoreError.self) {
                _ = try archive.store.write(source: Fixture.source("broken"), batch: broken)
            }
            #expect(!group.awaitsIndexing)
            for key in ["b", "c"] {
                _ = try archive.store.write(source: Fixture.source(key), batch: IndexWriteTests.batch(key, passages: 3))
            }
            #expect(group.awaitsIndexing)
            try group.commit()
            #expect(!group.awaitsIndexing)
            _ = try archive.store.write(source: Fixture.source("d"), batch: IndexWriteTests.batch("d", passages: 4))
        }
        #expect(try IndexWriteTests.rows(archive, "passages") == 12)
        #expect(try IndexWriteTests.rows(archive, "documents_fts_docsize") == 4)
        #expect(try archive.store.search(SearchRequest(text: "Kharkiv")).count == 4)
        #expect(try archive.store.verify().isEmpty)
    }
}

extension WriteGroupTests {
    /// A held group's connection writes with the larger page cache, the longer WAL and its statement journals
    /// in memory; afterwards the writer connection has SQLite's defaults again (a later single write or pairing
    /// run is not affected).
    @Test func aGroupWidensTheWriterConnectionOnlyWhileItIsHeld() throws {
        let archive = try TemporaryArchive()
        func settings() throws -> [Int] {
            try archive.store.writing { db in
                try ["cache_size", "wal_autocheckpoint", "temp_store"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1 }
            }
        }
        let before = try settings()
        #expect(before == [-2000, 1000, 0])
        try archive.store.writingInGroups { _ in
            #expect(try settings() == [-ArchiveStore.groupCacheKiB, 0, 2])
            _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 2))
        }
        #expect(try settings() == before)
        #expect(try archive.store.verify().isEmpty)
    }
}

extension WriteGroupTests {
    /// Statement journals stay in memory for writes up to `inMemoryJournalRowLimit` rows; a larger write gets a
    /// transaction whose journals go to a file (so memory does not grow with the archive), and the group asks
    /// to be committed before the kind changes, since SQLite fixes it when a transaction begins.
    @Test func aWriteTooLargeToJournalInMemoryGetsATransactionOfItsOwnKind() throws {
        let archive = try TemporaryArchive()
        let limit = WriteGroup.inMemoryJournalRowLimit
        func tempStore() throws -> Int {
            try archive.store.writing { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? -1 }
        }
        let big = IndexWriteTests.batch("big", passages: limit)
        #expect(WriteGroup.rows(of: big) == limit + 1)
        let seen = try archive.store.writingInGroups { group -> [Int] in
            _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 2))
            let small = try tempStore()
            #expect(!group.mustCommit(beforeWritingRows: limit))
            #expect(group.mustCommit(beforeWritingRows: limit + 1))
            try group.commit()
            #expect(!group.mustCommit(beforeWritingRows: limit + 1), "nothing open: the next write chooses")
            _ = try archive.store.write(source: Fixture.source("big"), batch: big)
            let large = try tempStore()
            #expect(group.mustCommit(beforeWritingRows: 3))
            try group.commit()
            _ = try archive.store.write(source: Fixture.source("b"), batch: IndexWriteTests.batch("b", passages: 2))
            return [small, large, try tempStore()]
        }
        #expect(seen == [2, 0, 2])
        #expect(try IndexWriteTests.rows(archive, "documents") == 3)
        #expect(try IndexWriteTests.rows(archive, "passages") == limit + 4)
        #expect(try archive.store.writing { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 0)
        #expect(try archive.store.verify().isEmpty)
    }
}
