import Foundation
import CSQLiteConfig
import GRDB
import Synchronization
import DiglotAnalysis
import DiglotModel

/// A Diglot archive: one SQLite file in WAL mode, opened through a `DatabasePool` so that importers and
/// searchers in several processes can work at once (writers wait up to `busyTimeout`, never fail "locked").
///
/// ```swift
/// let store = try ArchiveStore(path: "diglot.sqlite")
/// let outcome = try store.write(source: source, batch: batch)
/// let hits = try store.search(SearchRequest(text: "танків"))
/// ```
public final class ArchiveStore: Sendable {
    /// The archive file.
    public let path: String
    /// The analyzer the FTS5 tokenizer and the query compiler share.
    public let analyzer: any TextAnalyzer
    /// What morphology found for the archive's words (the `vocabulary` table), read at query time.
    public let vocabulary: ArchiveVocabulary
    let pool: DatabasePool
    /// The analyzer as this store's tokenizers find it, with the tokens a write prepared (`PreparedIndexTokens`).
    let registration: AnalyzerRegistration
    private let registryKey: String
    /// The write group a thread holds (`writingInGroups`), through which that thread's writes and reads go.
    let heldWriteGroup = Mutex<HeldWriteGroup?>(nil)
    /// Whether `close()` ran.
    private let closed = Mutex(false)

    /// How long a writer waits for another process's write transaction before giving up.
    public static let busyTimeout: TimeInterval = 30
    /// How long `close()` waits for another process's reader or writer before leaving the write-ahead log
    /// for a later checkpoint.
    public static let closingCheckpointWait: TimeInterval = 2

    /// SQLite's memory statistics, off before the process's first connection (see the CSQLiteConfig shim: a
    /// mutex around every SQLite allocation otherwise). True when this call turned them off; false when SQLite
    /// was already initialised (a connection opened before any store), which changes nothing else.
    static let memoryStatisticsOff = diglot_sqlite_disable_memory_statistics() == SQLITE_OK

    /// Opens the archive at `path`, creating it when there is no file yet, and migrates it to this
    /// build's schema.
    ///
    /// - Parameter analysis: the search analysis for the index and for queries; Diglot's morphological
    ///   analysis (Hunspell, name keys, glossary) by default. The index is built with it, so an archive
    ///   should keep being opened with the same analysis.
    /// - Throws: `StoreError` when the path is not a Diglot archive, comes from a newer Diglot, cannot be
    ///   created or cannot be read (the file is then left untouched); `MorphologyError` when the
    ///   morphological analysis lacks its Hunspell dictionaries.
    public init(path: String, analysis: SearchAnalysis = .morphological()) throws {
        self.path = path
        _ = Self.memoryStatisticsOff
        _ = try ArchiveProbe.inspect(path)
        let vocabulary = ArchiveVocabulary()
        let analyzer = try analysis.makeAnalyzer(vocabulary)
        self.vocabulary = vocabulary
        self.analyzer = analyzer
        let key = "diglot-\(UUID().uuidString)"
        registryKey = key
        let registration = AnalyzerRegistration(analyzer: analyzer)
        self.registration = registration
        AnalyzerRegistry.shared.register(registration, key: key)
        var configuration = Configuration()
        configuration.label = key
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            db.add(tokenizer: AnalyzerTokenizer.self)
            RankingFunction.register(db)
            // In WAL mode NORMAL never corrupts the archive and never loses a committed import when the
            // process dies (kill -9): the WAL is written before COMMIT returns. Only an operating-system crash
            // or power cut can drop the last commits, which re-running the import restores. FULL costs an fsync
            // per imported file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try Self.openAndMigrate(path: path, configuration: configuration, vocabulary: vocabulary)
            if vocabulary.pendingCount > 0 { try pool.write { db in try vocabulary.flush(db) } }
        } catch let error as DatabaseError {
            AnalyzerRegistry.shared.unregister(key: key)
            throw StoreError(file: path, unreadable: error)
        } catch {
            AnalyzerRegistry.shared.unregister(key: key)
            throw error
        }
    }

    /// Opens the archive with a fixed analyzer (`BasicAnalyzer()` for surface forms only, or a test's own).
    ///
    /// - Throws: as `init(path:analysis:)`.
    public convenience init(path: String, analyzer: any TextAnalyzer) throws {
        try self.init(path: path, analysis: .fixed(analyzer))
    }

    deinit {
        AnalyzerRegistry.shared.unregister(key: registryKey)
    }

    /// Opens the pool and migrates, retrying for up to `busyTimeout` while another process holds the lock.
    ///
    /// Switching a new file to WAL and the first migration take locks for which SQLite's busy handler is not
    /// always called, so two `diglot import` runs started together on a new archive used to fail one of them
    /// with "database is locked"; the loser now waits and then sees the archive the winner created.
    private static func openAndMigrate(path: String, configuration: Configuration,
                                       vocabulary: ArchiveVocabulary) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                // Attached before migrating: a migration that rebuilds the FTS indexes records every word's
                // analysis in the vocabulary.
                vocabulary.attach(pool)
                // Read-only check first: migrating takes the write lock even when nothing is pending, which
                // would make a search or an export wait behind another process's long import.
                let migrator = ArchiveSchema.migrator
                if try !pool.read({ db in try migrator.hasCompletedMigrations(db) }) { try migrator.migrate(pool) }
                return pool
            } catch let error as DatabaseError
                        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                               || Self.lostCreationRace(error)) && Date() < deadline {
                attempt += 1
                Thread.sleep(forTimeInterval: min(0.01 * Double(attempt), 0.2))
            }
        }
    }

    /// Two processes creating one archive at once both run the migrator, which reads the applied migrations
    /// before taking the write lock: the second then finds the first's tables ("table meta already exists"),
    /// or, for a migration that creates no table (one that only sets a version or rebuilds an index), runs it
    /// again and fails recording it ("UNIQUE constraint failed: grdb_migrations.identifier": seen once in nine
    /// concurrent creations, the loser's whole import refused). Each migration is its own transaction, so the
    /// loser's attempt rolled back whole; opening again finds the migrations applied.
    private static func lostCreationRace(_ error: DatabaseError) -> Bool {
        let message = error.message ?? ""
        return (error.resultCode == .SQLITE_ERROR && message.contains("already exists"))
            || (error.resultCode == .SQLITE_CONSTRAINT && message.contains("grdb_migrations"))
    }

    /// Copies the write-ahead log into the archive and empties it, then closes every connection; the store
    /// cannot be used afterwards.
    ///
    /// Why the checkpoint first: SQLite folds the log in when the last connection closes, but only a
    /// connection that can write does, and the pool closed its read-only readers last, so an import of
    /// 1,000,000 documents left a 1.67 GB `-wal` file for the next process to read back (20,000 items into a
    /// 100k archive, 173 MB). A checkpoint that another process's reader keeps from finishing leaves the rest
    /// of the log to later checkpoints, as before; it waits for such a reader at most
    /// `closingCheckpointWait`, not the 30 s a write waits, so that a `diglot import` ending beside a long
    /// export does not seem to hang.
    public func close() throws {
        // A second close (a caller closing what a helper already closed) has nothing left to do.
        guard closed.withLock({ closed in defer { closed = true }; return !closed }) else { return }
        let checkpointed = Result {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.closingCheckpointWait * 1000))")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        try pool.close()
        try checkpointed.get()
    }

    /// The schema version recorded in the archive.
    public func schemaVersion() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// A value another module keeps in the archive (the pairing engine's last run, for instance).
    public func meta(_ key: String) throws -> String? {
        try reading { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Stores `value` under `key`, replacing any previous value; nil removes it.
    public func setMeta(_ key: String, _ value: String?) throws {
        try writing { db in
            if let value {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
            }
        }
    }

    /// Reads with the pool (on a thread holding a write group, with the group's connection, so the read sees
    /// what the group wrote), turning SQLite failures into `StoreError` naming the archive.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if let group = groupOnThisThread() { return try group.read(body) }
            return try pool.read(body)
        } catch let error as DatabaseError { throw wrap(error) }
    }

    /// Writes in a transaction of its own (on a thread holding a write group, in a savepoint of the group's
    /// transaction: see `WriteGroup`), turning SQLite failures into `StoreError` naming the archive.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        try writing(in: groupOnThisThread(), body)
    }

    /// `writing(_:)` for a caller that already asked for this thread's group.
    ///
    /// - Parameter rows: about how many rows the write adds, for a group to choose where the savepoint's
    ///   journal goes (`WriteGroup.savepoint(rows:_:)`).
    func writing<T>(in group: WriteGroup?, rows: Int = 0, _ body: (Database) throws -> T) throws -> T {
        do {
            if let group { return try group.savepoint(rows: rows, body) }
            return try pool.write(body)
        } catch let error as DatabaseError { throw wrap(error) }
    }

    private func wrap(_ error: DatabaseError) -> StoreError {
        StoreError(file: path, unreadable: error)
    }
}
