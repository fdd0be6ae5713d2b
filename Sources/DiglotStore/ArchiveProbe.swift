import Foundation
import GRDB

/// Looks at an archive path before anything is opened for writing, so that a file which is not a Diglot
/// archive, or one from a newer Diglot, is refused with its bytes untouched.
enum ArchiveProbe {
    enum Finding: Equatable {
        /// No file yet (or an empty one): the store creates the archive.
        case new
        /// A Diglot archive at this schema version.
        case archive(version: Int)
    }

    private static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// - Throws: `StoreError` naming the path when the file cannot be used as an archive.
    static func inspect(_ path: String) throws -> Finding {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            try checkCreatable(path)
            return .new
        }
        if isDirectory.boolValue { throw StoreError(file: path, reason: .notAnArchive("it is a directory")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(file: path, reason: .unreadable("the file cannot be opened for reading"))
        }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        try? handle.close()
        if head.isEmpty { return .new }
        guard Array(head) == sqliteHeader else {
            throw StoreError(file: path, reason: .notAnArchive("not an SQLite database"))
        }
        guard fileManager.isWritableFile(atPath: path) else {
            throw StoreError(file: path, reason: .notWritable("the file is not writable"))
        }
        var (applicationID, version, tableCount, beingMigrated) = try readHeader(path)
        // Another Diglot process may be creating this archive right now: GRDB's migrations table exists, the
        // Diglot id not yet. Give it the busy timeout to finish before calling the file foreign.
        let deadline = Date().addingTimeInterval(ArchiveStore.busyTimeout)
        while applicationID == 0 && tableCount > 0 && beingMigrated && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            (applicationID, version, tableCount, beingMigrated) = try readHeader(path)
        }
        if applicationID == ArchiveSchema.applicationID {
            if version > ArchiveSchema.version {
                throw StoreError(file: path, reason: .newerSchema(found: version, supported: ArchiveSchema.version))
            }
            return .archive(version: version)
        }
        if applicationID == 0 && tableCount == 0 { return .new }
        throw StoreError(file: path, reason: .notAnArchive("an SQLite database holding other data"))
    }

    /// Reads the identifying pragmas through a read-only transaction (which also sees a WAL not yet
    /// checkpointed into the main file).
    private static func readHeader(_ path: String) throws -> (Int32, Int, Int, Bool) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(ArchiveStore.busyTimeout)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                // GRDB creates its migrations table in a transaction of its own before the first migration, so
                // another process creating this archive right now leaves that table alone for a moment: it is
                // not "other data".
                // `tbl_name`, not `name`: the table's primary-key index (sqlite_autoindex_grdb_migrations_1) is
                // GRDB's too, and counting it made an archive killed right after GRDB's first commit look foreign.
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0
                let migrating = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'grdb_migrations'") ?? 0
                return (applicationID, version, tables, migrating > 0)
            }
        } catch let error as DatabaseError {
            throw StoreError(file: path, unreadable: error)
        }
    }

    /// A new archive needs an existing, writable folder.
    private static func checkCreatable(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(file: path, reason: .notWritable("the folder \(directory) does not exist"))
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw StoreError(file: path, reason: .notWritable("the folder \(directory) cannot be written"))
        }
    }
}
