import Foundation
import DiglotModel
import GRDB
import Synchronization

/// Several files' writes committed together: one SQLite transaction for a group of files, each file in its own
/// savepoint inside it.
///
/// Why: a bulk import wrote one transaction per file, and each commit appends to the WAL every page the file
/// touched, the same B-tree interior pages, FTS5 structure record and index pages again and again, and every
/// thousand pages a checkpoint copies them into the archive with two `fsync`s. At 150 files a second that was
/// 75 MB/s of disk writes for an archive growing by 3 MB/s, and the writing thread waited on the disk a fifth
/// of the time. Grouped, a page touched by forty files reaches the WAL once.
///
/// A file is still wholly in or wholly out: a file that fails rolls back to its savepoint, and the others of the
/// group stay. What changes is when a file becomes visible to other connections and durable: when its group
/// commits, not when its own write returns, so callers report a file as imported only once `commit()` has
/// returned (`ImportPipeline` does).
///
/// The full-text index is written once per group, at its commit: FTS5 writes a new index segment for every
/// savepoint, and merging the thousands of one-file segments (each term's postings rewritten at every merge
/// level) was most of a bulk import's disk writes. Until its group commits, a file's rows are therefore not yet
/// found by a search on the group's own connection; no import step searches.
///
/// ```swift
/// try store.writingInGroups { group in
///     for (source, batch) in inputs { _ = try store.write(source: source, batch: batch) }   // savepoints
///     try group.commit()
/// }
/// ```
public final class WriteGroup {
    private let db: Database
    /// The archive file, for error messages.
    private let path: String
    /// The store's analysis, offered the group's prepared tokens while the indexes are written.
    private let registration: AnalyzerRegistration
    /// Where the tokenizer records what it analyses while the indexes are written.
    private let vocabulary: ArchiveVocabulary
    /// Writes since the last commit (or since the group began).
    public private(set) var writesSinceCommit = 0
    /// The row numbers before the first write of this group that added rows: the rows past them await indexing.
    private var unindexed: ArchiveStore.IndexedRows?
    /// The tokens the group's writes prepared for their texts.
    private var preparedTokens = PreparedIndexTokens.none
    /// Frees each commit's tokens off the writing thread (see `BackgroundRelease`).
    private let spentTokens = BackgroundRelease<PreparedIndexTokens>(batchSize: 1)
    /// Whether the next commit switches FTS5's automerge off (`deferIndexMerges`).
    private var indexMergesToDefer = false
    /// Whether a commit of this group switched FTS5's automerge off: `writingInGroups` switches it back on
    /// when the group ends.
    private(set) var deferredIndexMerges = false
    /// Who checkpoints the WAL after the group's commits (see `WALCheckpoints`).
    let checkpoints: WALCheckpoints

    init(_ db: Database, path: String, registration: AnalyzerRegistration, vocabulary: ArchiveVocabulary,
         checkpoints: WALCheckpoints) {
        self.db = db
        self.path = path
        self.registration = registration
        self.vocabulary = vocabulary
        self.checkpoints = checkpoints
    }

    /// Whether rows written since the last commit await indexing: a write then need not read where its own
    /// rows begin (`deferIndexing` keeps the first write's).
    var awaitsIndexing: Bool { unindexed != nil }

    /// Leaves the rows after `rows` to be indexed at the commit, with `tokens` prepared for their texts;
    /// `rows` may be nil only when the group already `awaitsIndexing`.
    func deferIndexing(after rows: ArchiveStore.IndexedRows?, tokens: PreparedIndexTokens) {
        precondition(unindexed != nil || rows != nil, "the group's first write must say where its rows begin")
        if unindexed == nil { unindexed = rows }
        preparedTokens.merge(tokens)
    }

    /// Whether this group began a transaction it has not committed yet. The transaction begins with the first
    /// write after a commit, not at the commit: between groups the archive's write lock is free, so another
    /// process's import or pairing run can take it.
    private var open = false

    /// Whether what was written since the last commit is still there. SQLite rolls a whole transaction back on
    /// some errors (a full disk, an I/O error, no memory): everything written since the last commit is then
    /// gone, and the caller must report those files as not imported.
    public var isIntact: Bool { !open || db.isInsideTransaction }

    /// Leaves the full-text index's segments unmerged from the next commit until the group ends (see
    /// `IndexMerging`): for a run that will merge the index into one segment when it ends, so that the
    /// merges meanwhile are not work thrown away. The setting commits with the group's writes.
    public func deferIndexMerges() {
        if !deferredIndexMerges { indexMergesToDefer = true }
    }

    /// Commits what was written since the last commit, releasing the archive's write lock until the next write.
    ///
    /// - Throws: `StoreError` when the commit fails (the group's writes are then rolled back) or when SQLite
    ///   had already rolled the group back (`isIntact` false).
    public func commit() throws {
        defer {
            writesSinceCommit = 0
            open = false
            unindexed = nil
            // Taken out of the group before the hand-off, so that the background thread holds the last reference.
            let spent = preparedTokens
            preparedTokens = .none
            spentTokens.add(consume spent)
        }
        guard open else { return }
        guard db.isInsideTransaction else {
            throw StoreError(file: path, reason: .unreadable("SQLite rolled the write transaction back"))
        }
        do {
            // Before the indexing: FTS5 merges when it writes the group's segment.
            if indexMergesToDefer { try IndexMerging.deferred.apply(db) }
            if let unindexed {
                try registration.offering(preparedTokens) { try ArchiveStore.indexNewRows(since: unindexed, db) }
                try vocabulary.flush(db)
            }
            try db.commit()
            if indexMergesToDefer {
                indexMergesToDefer = false
                deferredIndexMerges = true
            }
            checkpoints.committed()
        } catch let error as DatabaseError {
            if db.isInsideTransaction { try? db.rollback() }
            throw StoreError(file: path, unreadable: error)
        }
    }

    /// The most rows a write may add and still keep its savepoint's journal in memory (`temp_store = 2`, see
    /// `ArchiveStore.groupWritePragmas`). The journal holds the old content of every page the write changes
    /// that existed before it, so it grows with the archive: a feed of 20,000 items (about 100,000 rows)
    /// written into a 1M-document archive held 252 MB more with its journal in memory. A larger write
    /// journals to a temporary file, as SQLite does by default.
    public static let inMemoryJournalRowLimit = 2_000
    /// Whether the connection keeps statement journals in memory now (the group's settings begin with it).
    private var journalInMemory = true

    /// The rows writing `batch` adds, as `savepoint(rows:_:)` and `mustCommit(beforeWritingRows:)` count them.
    public static func rows(of batch: ImportBatch) -> Int {
        batch.documents.count + batch.passages.count + batch.figures.count + batch.pairs.count
    }

    /// Whether a write of `rows` rows needs its journal elsewhere than the open transaction keeps them: SQLite
    /// fixes that when a transaction begins, so the caller commits the group first (and reports its files).
    /// A write that goes ahead anyway journals where the transaction does.
    public func mustCommit(beforeWritingRows rows: Int) -> Bool {
        open && (rows <= Self.inMemoryJournalRowLimit) != journalInMemory
    }

    /// Runs one write in a savepoint of the group's transaction, beginning the transaction when none is open.
    ///
    /// - Parameter rows: about how many rows the write adds. A transaction begun for a write past
    ///   `inMemoryJournalRowLimit` journals to a file; one begun for a smaller write, in memory.
    /// - Throws: `StoreError` when SQLite rolled the group back since the last commit (until `commit()` is
    ///   called, which reports it), or what the write throws.
    func savepoint<T>(rows: Int = 0, _ body: (Database) throws -> T) throws -> T {
        guard isIntact else {
            throw StoreError(file: path, reason: .unreadable("SQLite rolled the write transaction back"))
        }
        let inMemory = rows <= Self.inMemoryJournalRowLimit
        if !open, inMemory != journalInMemory {
            try db.execute(sql: "PRAGMA temp_store = \(inMemory ? 2 : 0)")
            journalInMemory = inMemory
        }
        if !db.isInsideTransaction {
            try db.beginTransaction(.immediate)
            open = true
        }
        var result: T?
        try db.inSavepoint {
            result = try body(db)
            return .commit
        }
        writesSinceCommit += 1
        return result!
    }

    /// Reads on the group's connection, seeing what the group has written so far.
    func read<T>(_ body: (Database) throws -> T) throws -> T { try body(db) }
}

/// The writer connection a `writingInGroups` call holds, and the thread holding it: `writing` and `reading`
/// on that thread go through it (as savepoints), on any other thread through the pool as before.
struct HeldWriteGroup: @unchecked Sendable {
    let thread: pthread_t
    let group: WriteGroup
}

extension ArchiveStore {
    /// Holds the writer connection for `body`, which writes through this store as usual: on this thread every
    /// write is a savepoint of a group transaction that `WriteGroup.commit()` commits (see `WriteGroup`), and
    /// every read sees the group's writes. What `body` leaves uncommitted is committed when it returns normally
    /// and rolled back when it throws.
    ///
    /// - Throws: what `body` throws; `StoreError` when the archive cannot be written.
    public func writingInGroups<T>(_ body: (WriteGroup) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in try Self.withPragmas(Self.groupWritePragmas, db) {
                // A run killed while its merges were deferred left them so: every group begins with FTS5's own.
                if try IndexMerging.current(db) != .incremental { try IndexMerging.incremental.apply(db) }
                let checkpoints = WALCheckpoints(db, path: path)
                defer { checkpoints.finish() }
                let group = WriteGroup(db, path: path, registration: registration, vocabulary: vocabulary,
                                       checkpoints: checkpoints)
                // After the last commit (or the rollback on failure); a failure here is healed by the next group.
                defer { if group.deferredIndexMerges, !db.isInsideTransaction { try? IndexMerging.incremental.apply(db) } }
                heldWriteGroup.withLock { $0 = HeldWriteGroup(thread: pthread_self(), group: group) }
                defer { heldWriteGroup.withLock { $0 = nil } }
                do {
                    let result = try body(group)
                    try group.commit()
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
            } }
        } catch let error as DatabaseError {
            throw StoreError(file: path, unreadable: error)
        }
    }

    /// Page cache of the writer connection while it holds a write group, in KiB (SQLite's default: 2,000).
    static let groupCacheKiB = 16_384
    /// The writer connection's settings while it holds a write group (`withPragmas` puts SQLite's defaults back
    /// after): a larger page cache, and no automatic checkpoint, since `WALCheckpoints` checkpoints instead.
    ///
    /// Why the cache: at 100,000 documents the writing thread spent half its time in the kernel, writing and
    /// reading pages. The passages' and documents' indexes on hashed ids dirty pages all over their B-trees; with
    /// SQLite's 2 MB cache a group spilled them to the WAL before its commit. With 16 MB (and a checkpoint every
    /// 20,000 WAL pages rather than 1,000), `diglot import` of the 100k bench corpus took 63.2 s against
    /// 71.6-81.5 s, system time 17.9 s against 27.0-30.8 s, for 15 MB more memory (docs/performance.md,
    /// session 9). Memory stays independent of the corpus size.
    ///
    /// Why `temp_store = 2` (memory): each file is written in a savepoint, and in WAL mode SQLite saves the old
    /// content of every page a savepoint changes in its statement journal, which past 64 KiB becomes a temporary
    /// file written with two `pwrite` calls a page: 290,000 of the 476,000 `pwrite` calls of a 10k import
    /// (strace). In memory the journal holds one file's changed pages until its savepoint ends (SQLite empties
    /// it then); a file of more than `WriteGroup.inMemoryJournalRowLimit` rows journals to a file again, so the
    /// memory stays bounded however large the archive grows. SQLite's process-wide spill size
    /// (`SQLITE_CONFIG_STMTJRNL_SPILL`) cannot do this: the unix VFS writes at most 128 KiB at a time, and a
    /// journal spilling past a larger size fails with SQLITE_FULL (SQLiteConfigurationTests).
    static let groupWritePragmas: [(name: String, value: Int)] = [
        ("cache_size", -groupCacheKiB), ("wal_autocheckpoint", 0), ("temp_store", 2),
    ]

    /// The group this thread holds, if any.
    func groupOnThisThread() -> WriteGroup? {
        heldWriteGroup.withLock { held in
            guard let held, pthread_equal(held.thread, pthread_self()) != 0 else { return nil }
            return held.group
        }
    }
}
