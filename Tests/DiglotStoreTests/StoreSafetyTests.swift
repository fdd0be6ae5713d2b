import Foundation
import Testing
import GRDB
import DiglotModel
@testable import DiglotStore

@Suite struct StoreSafetyTests {
    @Test func verifyFindsATamperedBlob() throws {
        let archive = try TemporaryArchive()
        let doc = Fixture.document("a", .english, "text")
        _ = try archive.store.write(source: Fixture.source("original bytes", name: "a.html"), batch: ImportBatch(documents: [doc]))
        #expect(try archive.store.verify() == [])
        try archive.store.close()
        let queue = try DatabaseQueue(path: archive.path)
        try queue.write { db in try db.execute(sql: "UPDATE sources SET bytes = CAST('tampered bytes' AS BLOB)") }
        try queue.close()
        try archive.reopen()
        let problems = try archive.store.verify()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("a.html") == true)
    }

    @Test func anArchiveFromANewerDiglotIsRefusedUntouched() throws {
        let archive = try TemporaryArchive()
        try archive.store.close()
        let queue = try DatabaseQueue(path: archive.path)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: archive.path))
        #expect(throws: StoreError(file: archive.path, reason: .newerSchema(found: 99, supported: ArchiveSchema.version))) {
            _ = try ArchiveStore(path: archive.path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive.path)) == before)
    }

    @Test func anotherSQLiteFileIsRefusedUntouched() throws {
        let archive = try TemporaryArchive()
        let other = archive.file("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mine')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        do {
            _ = try ArchiveStore(path: other)
            Issue.record("a foreign SQLite database was opened as an archive")
        } catch let error as StoreError {
            #expect(error.description.contains("is not a Diglot archive"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    /// The state a `kill -9` leaves when it lands between GRDB's first commit (its migrations table, with the
    /// table's primary-key index) and the first migration's: an archive still to be created, not foreign data.
    @Test func anArchiveKilledBeforeItsFirstMigrationOpensAsNew() throws {
        let archive = try TemporaryArchive()
        let path = archive.file("killed.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try queue.close()
        let started = Date()
        let store = try ArchiveStore(path: path, analysis: .basic)
        #expect(Date().timeIntervalSince(started) < 5, "the probe waited for a creator that is not there")
        #expect(try store.verify() == [])
        try store.close()
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let archive = try TemporaryArchive()
        let garbage = archive.file("notes.sqlite")
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: garbage)
        #expect(throws: StoreError(file: garbage.path, reason: .notAnArchive("not an SQLite database"))) {
            _ = try ArchiveStore(path: garbage.path)
        }
        #expect(try Data(contentsOf: garbage) == bytes)
        #expect(!FileManager.default.fileExists(atPath: garbage.path + "-wal"))
    }

    @Test func aMissingFolderGivesAClearMessage() throws {
        let archive = try TemporaryArchive()
        let path = archive.file("absent/archive.sqlite").path
        do {
            _ = try ArchiveStore(path: path)
            Issue.record("an archive was created in a missing folder")
        } catch let error as StoreError {
            #expect(error.description.contains("does not exist"))
        }
    }

    @Test func theSchemaVersionIsRecorded() throws {
        let archive = try TemporaryArchive()
        #expect(try archive.store.schemaVersion() == ArchiveSchema.version)
        try archive.reopen()
        #expect(try archive.store.schemaVersion() == ArchiveSchema.version)
    }
}
