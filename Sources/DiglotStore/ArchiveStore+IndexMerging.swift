import GRDB

/// How FTS5 merges the segments of the full-text index while an import writes them.
///
/// Every group commit adds one segment to the index (`WriteGroup`), and FTS5's automerge folds them together
/// as it goes: four segments of a level into one of the next, a little at each commit, so the postings of a
/// 100,000-document import are rewritten once per level, five or six times. A bulk run
/// (`ImportPipeline.isBulkRun`) ends by merging the index into one segment anyway (`optimizeSearchIndexes`),
/// so the merges before it are work thrown away. Such a run switches automerge off once it has written enough
/// to be one (`WriteGroup.deferIndexMerges`); FTS5 then only merges a level that reaches
/// `deferredCrisisMerge` segments, which keeps a search during the import from looking each term up in
/// thousands of segments. The run puts FTS5's defaults back when it ends, before the final merge.
///
/// Measured on the 100k bench corpus (`scripts/import-ab.sh`, docs/performance.md, session 13): bytes written
/// 8.71-8.93 GB → 7.55-7.65 GB, CPU −9 %, and the same archive. The price is paid by searches *during* such a
/// run, which look each term up in more segments (p99 41 ms against 15 ms 80 s into that import); after it, the
/// index is what it was.
///
/// The settings are stored in the index's `_config` table, so they outlive the connection: a run killed with
/// merges deferred leaves them so, and the next write group puts the defaults back when it begins.
public enum IndexMerging: Equatable, Sendable {
    /// FTS5's defaults: automerge 4, crisis merge 16.
    case incremental
    /// Automerge off; a level is merged once it holds `deferredCrisisMerge` segments.
    case deferred

    /// The full-text index whose merges an import controls.
    static let index = "documents_fts"

    /// FTS5's own `automerge` and `crisismerge` defaults (fts5Int.h), what an index without settings uses.
    static let defaultAutomerge = 4
    static let defaultCrisisMerge = 16
    /// Segments a level may hold while merges are deferred. At one segment per group commit (a few dozen files),
    /// a million-document import has two levels of at most this many before its final merge, far below FTS5's
    /// limit of 2,000 segments per index.
    static let deferredCrisisMerge = 64

    var automerge: Int { self == .incremental ? Self.defaultAutomerge : 0 }
    var crisisMerge: Int { self == .incremental ? Self.defaultCrisisMerge : Self.deferredCrisisMerge }

    /// How the index merges now: `.incremental` only when it has FTS5's defaults (stored or absent).
    static func current(_ db: Database) throws -> IndexMerging {
        let stored = try Row.fetchAll(db, sql: "SELECT k, v FROM \(index)_config WHERE k IN ('automerge', 'crisismerge')")
        for row in stored {
            let key: String = row["k"]
            let value: Int = row["v"]
            if value != (key == "automerge" ? defaultAutomerge : defaultCrisisMerge) { return .deferred }
        }
        return .incremental
    }

    /// Stores these settings in the index (in the caller's transaction, if one is open).
    func apply(_ db: Database) throws {
        let index = Self.index
        try db.execute(sql: "INSERT INTO \(index)(\(index), rank) VALUES('automerge', ?)", arguments: [automerge])
        try db.execute(sql: "INSERT INTO \(index)(\(index), rank) VALUES('crisismerge', ?)", arguments: [crisisMerge])
    }
}

extension ArchiveStore {
    /// How the full-text index merges its segments now (see `IndexMerging`).
    public func indexMerging() throws -> IndexMerging {
        try reading { db in try IndexMerging.current(db) }
    }
}
