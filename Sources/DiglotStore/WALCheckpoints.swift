import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Checkpoints a write group's WAL on a thread of its own, so that the import's writing thread rarely waits for
/// the disk.
///
/// Why: a checkpoint copies the WAL's pages into the archive and syncs both files, and SQLite's automatic
/// checkpoint runs inside the commit that crossed its threshold, on the writer's thread, the import's critical
/// path. Each one cost that thread 50-60 ms syncing the WAL and 280-380 ms syncing the archive: 1.9 s of the
/// 9.1 s a 10,000-document import took into a 1M-document archive, where every document dirties leaf pages all
/// over the hashed-id indexes (docs/performance.md, session 21). Here the writer connection's automatic
/// checkpoint is off; after each commit `CheckpointSchedule` decides, from the WAL's length (a WAL hook on
/// the writer connection counts it), whether a second connection on a background thread starts copying, and the
/// writer copies only the rest, which its next transaction needs to start the WAL again.
///
/// Nothing about safety changes: checkpoints from another connection are SQLite's own design (a checkpoint
/// never copies a frame a reader or the writer still needs), both syncs still happen before the WAL is reused,
/// and the writer's own checkpoint at `writerAt` frames bounds the WAL when the background cannot keep up.
///
/// `@unchecked Sendable`: the schedule and the frame count belong to the writer's thread (the hook runs inside its
/// commits), the background connection to `queue`, and the two meet only in the `background` mutex.
final class WALCheckpoints: @unchecked Sendable {
    /// The writer connection, whose WAL hook this installs.
    private let db: Database
    /// The archive file, which the background connection opens.
    private let path: String
    private var schedule: CheckpointSchedule
    /// The background connection's thread: one checkpoint at a time, and `waitForBackground` waits for it.
    private let queue = DispatchQueue(label: "diglot.wal-checkpoints", qos: .utility)
    /// Set by the background thread: whether a checkpoint runs, and what the last one copied.
    private let background = Mutex<(running: Bool, copied: Int?)>((false, nil))
    /// The background connection, opened on its first checkpoint; used and closed only on `queue`.
    private var connection: OpaquePointer?
    /// The WAL's frames after the writer connection's last commit, set by its WAL hook.
    private(set) var walFrames = 0
    /// Background checkpoints that copied frames, for tests.
    private(set) var backgroundCopies = 0
    /// Whether the hook is installed (`finish` removes it).
    private var hooked = false

    /// Frames (pages) of WAL after which a background checkpoint starts, and after which the writer checkpoints
    /// itself: 80 MB and 240 MB of WAL with 4 KiB pages.
    static let backgroundFrames = 20_000
    static let writerFrames = 60_000

    /// Takes over `db`'s checkpoints (its automatic checkpoint must be off: `wal_autocheckpoint = 0`) until
    /// `finish()`.
    init(_ db: Database, path: String, schedule: CheckpointSchedule = CheckpointSchedule(
            backgroundAt: backgroundFrames, writerAt: writerFrames)) {
        self.db = db
        self.path = path
        self.schedule = schedule
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
            Unmanaged<WALCheckpoints>.fromOpaque(context!).takeUnretainedValue().walFrames = Int(frames)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
        hooked = true
    }

    deinit { precondition(!hooked, "WALCheckpoints.finish() was not called") }

    /// After each commit of the writer connection: starts or runs the checkpoint the schedule asks for.
    func committed() {
        let running = collectBackground()
        switch schedule.committed(walFrames: walFrames, backgroundRunning: running) {
        case .nothing:
            break
        case .inBackground:
            startInBackground()
        case .onWriter:
            waitForBackground()
            // What SQLite's automatic checkpoint did: a failure (another process checkpointing) is left to
            // the next commit.
            if let copied = Self.checkpoint(db.sqliteConnection) { schedule.writerCopied(copied) }
        }
    }

    /// Waits for the background checkpoint, removes the WAL hook and closes the background connection.
    func finish() {
        waitForBackground()
        queue.sync {
            if let connection { sqlite3_close_v2(connection) }
            connection = nil
        }
        sqlite3_wal_hook(db.sqliteConnection, nil, nil)
        hooked = false
    }

    private func startInBackground() {
        background.withLock { $0.running = true }
        queue.async { [path] in
            var copied: Int?
            if self.connection == nil { self.connection = Self.open(path) }
            if let connection = self.connection {
                copied = Self.checkpoint(connection)
                if let copied, copied > 0 { Self.syncArchive(connection) }
            }
            self.background.withLock { $0 = (false, copied) }
        }
    }

    private func waitForBackground() {
        queue.sync {}
        _ = collectBackground()
    }

    /// Hands what a finished background checkpoint copied to the schedule (once); whether one still runs.
    private func collectBackground() -> Bool {
        let (running, copied) = background.withLock { state in
            defer { if !state.running { state.copied = nil } }
            return (state.running, state.running ? nil : state.copied)
        }
        if let copied {
            if copied > 0 { backgroundCopies += 1 }
            schedule.backgroundCopied(copied)
        }
        return running
    }

    /// A connection for checkpoints only; nil when the archive cannot be opened (the writer's checkpoint at
    /// `writerFrames` then bounds the WAL alone).
    private static func open(_ path: String) -> OpaquePointer? {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil) == SQLITE_OK,
              let connection else {
            sqlite3_close_v2(connection)
            return nil
        }
        // The connection finds the archive in WAL mode only once it reads it; before, a checkpoint does nothing.
        // NORMAL as on the store's connections: a checkpoint then syncs the WAL before copying it and the
        // archive after, as the writer's own would.
        guard sqlite3_exec(connection, "PRAGMA synchronous = NORMAL; PRAGMA schema_version", nil, nil, nil) == SQLITE_OK else {
            sqlite3_close_v2(connection)
            return nil
        }
        return connection
    }

    /// Syncs the archive file through the connection's own file handle, so that the pages a checkpoint copied
    /// reach the disk on this thread. SQLite syncs the archive only when a checkpoint copied the whole WAL; with
    /// the writer committing meanwhile it seldom does, and the writer's next checkpoint then synced everything
    /// the background copied. SQLite's handle, not a file descriptor of ours: closing another descriptor on the
    /// file would drop the process's locks on it.
    private static func syncArchive(_ connection: OpaquePointer) {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
              let file, let sync = file.pointee.pMethods?.pointee.xSync else { return }
        _ = sync(file, SQLITE_SYNC_NORMAL)
    }

    /// A passive checkpoint (never waits for readers or the writer, copies what it may): the frames of the WAL
    /// copied when it ends, or nil when it failed.
    private static func checkpoint(_ connection: OpaquePointer?) -> Int? {
        var logFrames: Int32 = 0
        var copiedFrames: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames)
        return code == SQLITE_OK && copiedFrames >= 0 ? Int(copiedFrames) : nil
    }
}
