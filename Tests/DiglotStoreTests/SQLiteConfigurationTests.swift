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
}
