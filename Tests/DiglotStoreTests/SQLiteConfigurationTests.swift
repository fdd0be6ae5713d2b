import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import DiglotStore

/// SQLite's memory statistics are turned off before the first connection (`ArchiveStore.memoryStatisticsOff`).
/// Whether this test process turned them off depends on which test opened SQLite first; either way SQLite's
/// own counters must agree with what the store reports.
@Suite struct SQLiteConfigurationTests {
    @Test func memoryStatisticsAgreeWithTheSetting() throws {
        let archive = try TemporaryArchive()
        _ = try archive.store.statistics()
        var current: Int64 = 0, highest: Int64 = 0
        #expect(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0) == SQLITE_OK)
        if ArchiveStore.memoryStatisticsOff {
            #expect(current == 0 && highest == 0)
        } else {
            #expect(current > 0)
        }
    }

    /// In WAL mode SQLite saves every page a savepoint changes in the savepoint's statement journal, a
    /// temporary file (`etilqs_…`) once it passes 64 KiB: for an import, which writes each file in a savepoint,
    /// two `pwrite` calls a page. A write group's settings (`groupWritePragmas`, `temp_store = 2`) keep it in
    /// memory. (SQLite's process-wide spill size cannot do it: its unix VFS writes at most 128 KiB at a time, so
    /// a journal spilling past a larger size fails with SQLITE_FULL.)
    @Test func aWriteGroupKeepsStatementJournalsInMemory() throws {
        let archive = try TemporaryArchive()
        let queue = try DatabaseQueue(path: archive.file("journal.sqlite").path)
        _ = try queue.inDatabase { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, x BLOB)")
            try db.execute(sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                              + "INSERT INTO t SELECT i, randomblob(1000) FROM n")
        }
        /// Whether a statement journal is open as a file while 600 rows (about 150 pages) are rewritten in a savepoint.
        func journalIsAFile(_ db: Database) throws -> Bool {
            var sawFile = false
            try db.inTransaction {
                try db.inSavepoint {
                    try db.execute(sql: "UPDATE t SET x = randomblob(1000) WHERE id <= 600")
                    sawFile = Self.openFiles().contains { $0.contains("etilqs_") }
                    return .rollback
                }
                return .rollback
            }
            return sawFile
        }
        let seen = try queue.inDatabase { db in
            [try journalIsAFile(db),
             try ArchiveStore.withPragmas(ArchiveStore.groupWritePragmas, db) { try journalIsAFile(db) },
             try journalIsAFile(db)]
        }
        // With SQLite's defaults the journal is a file (so the check can see one); not in a group; again after.
        #expect(seen == [true, false, true])
    }

    /// The targets of this process's open file descriptors.
    static func openFiles() -> [String] {
        let folder = "/proc/self/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0) }
    }
}
