import Foundation
import Testing
import GRDB
@testable import DiglotStore

/// When a write group's WAL is checkpointed and by which thread (`CheckpointSchedule`).
@Suite struct CheckpointScheduleTests {
    @Test func aLongWALIsCopiedInTheBackgroundAndTheWriterCopiesTheRest() {
        var schedule = CheckpointSchedule(backgroundAt: 100, writerAt: 300)
        #expect(schedule.committed(walFrames: 50, backgroundRunning: false) == .nothing)
        #expect(schedule.committed(walFrames: 120, backgroundRunning: false) == .inBackground)
        #expect(schedule.committed(walFrames: 150, backgroundRunning: true) == .nothing)
        schedule.backgroundCopied(120)
        // The frames committed while the background copied are the writer's, so that the WAL can start again.
        #expect(schedule.committed(walFrames: 180, backgroundRunning: false) == .onWriter)
        schedule.writerCopied(180)
        #expect(schedule.copied == 180)
        #expect(!schedule.restDue)
        // Its next transaction started the WAL again: fewer frames than after the last commit.
        #expect(schedule.committed(walFrames: 10, backgroundRunning: false) == .nothing)
        #expect(schedule.copied == 0)
        #expect(schedule.committed(walFrames: 105, backgroundRunning: false) == .inBackground)
    }

    @Test func theWriterBoundsTheWALWhenTheBackgroundFallsBehind() {
        var schedule = CheckpointSchedule(backgroundAt: 100, writerAt: 300)
        #expect(schedule.committed(walFrames: 100, backgroundRunning: false) == .inBackground)
        #expect(schedule.committed(walFrames: 299, backgroundRunning: true) == .nothing)
        #expect(schedule.committed(walFrames: 300, backgroundRunning: true) == .onWriter)
    }

    /// A reader in another process holding old frames: the background copies nothing, the writer is not asked to
    /// copy after it, and only the writer's bound makes it try itself.
    @Test func aBackgroundCheckpointThatCopiedNothingIsTriedAgain() {
        var schedule = CheckpointSchedule(backgroundAt: 100, writerAt: 300)
        #expect(schedule.committed(walFrames: 110, backgroundRunning: false) == .inBackground)
        schedule.backgroundCopied(0)
        #expect(!schedule.restDue)
        #expect(schedule.committed(walFrames: 130, backgroundRunning: false) == .inBackground)
        schedule.backgroundCopied(40)   // the reader moved on to a later snapshot
        #expect(schedule.restDue)
        #expect(schedule.committed(walFrames: 150, backgroundRunning: false) == .onWriter)
        schedule.writerCopied(60)       // and holds it: the WAL cannot start again
        #expect(schedule.committed(walFrames: 155, backgroundRunning: false) == .nothing)
        #expect(schedule.committed(walFrames: 170, backgroundRunning: false) == .inBackground)
        #expect(schedule.committed(walFrames: 359, backgroundRunning: true) == .nothing)
        #expect(schedule.committed(walFrames: 360, backgroundRunning: true) == .onWriter)
    }
}

/// `WALCheckpoints` on a real archive, with thresholds small enough for a test to cross them many times.
@Suite struct WALCheckpointsTests {
    static let schedule = CheckpointSchedule(backgroundAt: 64, writerAt: 256)

    /// Commits `count` transactions of about five pages each on `db`, telling `checkpoints` after each; the
    /// largest WAL seen after a commit.
    static func commit(_ count: Int, _ db: Database, _ checkpoints: WALCheckpoints) throws -> Int {
        var largest = 0
        for _ in 0..<count {
            try db.inTransaction {
                try db.execute(sql: "INSERT INTO filler(bytes) VALUES (randomblob(16000))")
                return .commit
            }
            checkpoints.committed()
            largest = max(largest, checkpoints.walFrames)
        }
        return largest
    }

    @Test func theWALStartsAgainWhileTheWriterKeepsCommitting() throws {
        let archive = try TemporaryArchive()
        try archive.store.pool.writeWithoutTransaction { db in
            try ArchiveStore.withPragmas([("wal_autocheckpoint", 0)], db) {
                try db.execute(sql: "CREATE TABLE filler(bytes BLOB NOT NULL)")
                let checkpoints = WALCheckpoints(db, path: archive.path, schedule: Self.schedule)
                defer { checkpoints.finish() }
                let largest = try Self.commit(300, db, checkpoints)
                // Unchecked, 300 commits would leave about 1,500 frames.
                #expect(largest < Self.schedule.backgroundAt + Self.schedule.writerAt)
                #expect(checkpoints.backgroundCopies > 0)
                // The schedule bounds the frames not yet copied, not the WAL's length: while a background copy runs
                // (or just after one, before the writer's next transaction restarts the WAL) the WAL may pass
                // `writerAt` by a few frames. Asking for less failed once when the host was busy (258 frames).
                #expect(checkpoints.walFrames < Self.schedule.backgroundAt + Self.schedule.writerAt)
            }
        }
        let rows = try archive.store.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") }
        #expect(rows == 300)
        #expect(try archive.store.reading { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try archive.store.verify().isEmpty)
    }

    /// A reader holding an old snapshot keeps its frames from being copied: the writer goes on committing, the WAL
    /// grows meanwhile, and once the reader is done the next checkpoints copy everything and the WAL starts again.
    @Test func aReaderHoldingOldFramesDelaysTheCheckpointsAndNothingElse() throws {
        let archive = try TemporaryArchive()
        let reader = try DatabaseQueue(path: archive.path)
        try archive.store.pool.writeWithoutTransaction { db in
            try ArchiveStore.withPragmas([("wal_autocheckpoint", 0)], db) {
                try db.execute(sql: "CREATE TABLE filler(bytes BLOB NOT NULL)")
                let checkpoints = WALCheckpoints(db, path: archive.path, schedule: Self.schedule)
                defer { checkpoints.finish() }
                _ = try Self.commit(10, db, checkpoints)
                try reader.inDatabase { readerDB in
                    try readerDB.inTransaction(.deferred) {
                        #expect(try Int.fetchOne(readerDB, sql: "SELECT count(*) FROM filler") == 10)
                        let whileHeld = try Self.commit(200, db, checkpoints)
                        #expect(whileHeld > Self.schedule.writerAt)
                        #expect(try Int.fetchOne(readerDB, sql: "SELECT count(*) FROM filler") == 10)
                        return .commit
                    }
                }
                _ = try Self.commit(100, db, checkpoints)
                #expect(checkpoints.walFrames < Self.schedule.writerAt)
            }
        }
        #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 310)
        #expect(try archive.store.verify().isEmpty)
    }
}

/// Closing a store leaves no write-ahead log to read back (`ArchiveStore.close`).
@Suite struct StoreCloseTests {
    /// With a reader connection open in the pool, SQLite's own checkpoint on close never ran (the read-only
    /// reader closed last): the log stayed beside the archive.
    @Test func closingEmptiesTheWriteAheadLog() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 40))
        #expect(try archive.store.statistics().passages == 40)   // a read: the pool opens a reader
        let log = archive.path + "-wal"
        let before = (try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        #expect(before > 0, "the write is still in the log")
        try archive.store.close()
        let after = (try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int ?? 0
        #expect(after == 0)
        try archive.reopen()
        #expect(try archive.store.statistics().passages == 40)
    }
}

extension StoreCloseTests {
    /// Another process's reader in the middle of a read keeps the log from being emptied: closing waits for it
    /// `closingCheckpointWait`, not a writer's 30 s, and loses nothing.
    @Test func aReaderElsewhereDelaysTheCloseOnlyBriefly() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.write(source: Fixture.source("a"), batch: IndexWriteTests.batch("a", passages: 40))
        let reader = try DatabaseQueue(path: archive.path)
        let seconds = try reader.inDatabase { db -> Double in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM passages")   // holds a snapshot
            let start = Date()
            try archive.store.close()
            let elapsed = Date().timeIntervalSince(start)
            try db.execute(sql: "COMMIT")
            return elapsed
        }
        #expect(seconds < ArchiveStore.closingCheckpointWait + 5)
        try archive.reopen()
        #expect(try archive.store.statistics().passages == 40)
    }
}
