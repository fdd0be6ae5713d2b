import Foundation
import GRDB
import GRDBSQLite
import DiglotModel

extension ArchiveStore {
    /// Reads the pairs matching `query`, in arrival order, through a cursor that hands out one `PairRecord`
    /// at a time: an export of a million pairs holds one pair (and its documents and units) in memory, never
    /// the list.
    ///
    /// Every condition of the query is evaluated by SQLite. Pairs are read a batch at a time: a batch's rows of
    /// `pairs`, then one lookup each for all its passages, its documents and its aligned units (see
    /// `PairRecordCursor`). The cursor is valid only inside `body`.
    ///
    /// ```swift
    /// let count = try store.readPairRecords(PairRecordQuery(originalLanguage: .ukrainian)) { cursor in
    ///     var count = 0
    ///     while let record = try cursor.next() { count += record.alignedUnits.count }
    ///     return count
    /// }
    /// ```
    /// - Throws: `StoreError` when the archive cannot be read, or whatever `body` throws.
    public func readPairRecords<T>(_ query: PairRecordQuery = PairRecordQuery(),
                                   _ body: (PairRecordCursor) throws -> T) throws -> T {
        try reading { db in
            // Each side is looked up by its id, a hash, so the id indexes are read in random order and
            // SQLite's default 2 MB cache missed on nearly every lookup (five `pread`s per pair, a fifth of an
            // export's time). A larger cache for this read only, given back after.
            try Self.withPragmas([("cache_size", Self.pairReadCacheSize)], db) {
                try body(PairRecordCursor(db: db, query: query))
            }
        }
    }

    /// SQLite's page cache while pairs are read, in KiB (negative, as the pragma takes it): 32 MiB, so an
    /// export stays well inside its 100 MB; measured on a 1,000,000-pair archive, it cut the `pread`s' system
    /// time by half (a memory-mapped archive would cut more but counts the whole file as the process's memory).
    static let pairReadCacheSize = -32_768
}

/// Pairs read one at a time from SQLite (see `ArchiveStore.readPairRecords`).
///
/// An export of a million pairs spends its time here. The cursor walks the `pairs` table alone, `batchSize`
/// rows at a time, and looks up the batch's passages, documents and aligned units each with one statement
/// execution over all their ids (`KeyedLookup`), instead of one five-way join (which looked up both documents
/// for every pair, and a passage for every side even when the side is a whole document) or one execution per
/// side (whose binding and resetting cost more than the lookups). A bulletin's line pairs (most pairs) all
/// name the same two documents, which a batch reads once. Columns are read by position straight from the
/// statements and copied as bytes (`CopiedRows`); the stored ids are kept instead of derived again (a SHA-256
/// per pair and per passage), and a fidelity report's JSON is read only when the query asks for its issues.
///
/// `next()` decodes each batch on the calling thread; `nextBatch()` hands the copied rows out for a
/// `PairRecordDecoder` on another thread (what an export does).
public final class PairRecordCursor {
    /// Pairs read from `pairs` before their sides are looked up: a few hundred, so a lookup's execution serves
    /// many pairs while a batch's documents stay a few megabytes at most.
    static let batchSize = 256

    /// The columns read for a pair (see `PairRecordDecoder.pair`): id, original, rendering, method,
    /// confidence, fidelity status, fidelity JSON, origin, parent, original document, rendering document.
    static let pairColumns = 11
    /// `StoredRecord.passageColumns`.
    static let passageColumns = 9
    /// pair_id, idx, original_text, rendering_text, pattern.
    static let unitColumns = 5

    private let pairs: Statement
    private let rows: RowCursor
    private let units: KeyedLookup
    private let passages: KeyedLookup
    private let documentsWithText: KeyedLookup
    private let documentsWithoutText: KeyedLookup
    private let reading: PairRecordBatch.Reading
    /// Decodes for `next()`.
    private let decoder = PairRecordDecoder()
    /// The current batch's records, last first, so that `next` moves them out with `popLast`.
    private var ready: [PairRecord] = []

    init(db: Database, query: PairRecordQuery) throws {
        let published = "date(d.published_instant, 'unixepoch')"
        pairs = try db.cachedStatement(sql: """
            SELECT p.id, p.original, p.rendering, p.method, p.confidence, p.fidelity_status,
                   CASE WHEN ?10 THEN p.fidelity END, p.origin, p.parent, p.original_document, p.rendering_document
            FROM pairs p
            WHERE (?1 IS NULL OR p.original_language = ?1)
              AND (?2 IS NULL OR p.rendering_language = ?2)
              AND (?6 IS NULL OR p.method = ?6)
              AND (?7 IS NULL OR p.confidence >= ?7)
              AND (?8 = 0 OR p.fidelity_status = 'ok')
              AND (?9 IS NULL OR p.original_document IN (SELECT value FROM json_each(?9))
                   OR p.rendering_document IN (SELECT value FROM json_each(?9)))
              AND ((?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL) OR EXISTS (
                   SELECT 1 FROM documents d WHERE d.id = p.original_document
                      AND (?3 IS NULL OR \(published) >= ?3)
                      AND (?4 IS NULL OR \(published) <= ?4)
                      AND (?5 IS NULL OR d.kind = ?5)))
            ORDER BY p.rowid
            """)
        let documents = try query.documents.map { try StoreJSON.encode($0.map(\.rawValue).sorted()) }
        rows = try Row.fetchCursor(pairs, arguments: [
            query.originalLanguage?.rawValue, query.renderingLanguage?.rawValue, query.from, query.to,
            query.kind?.rawValue, query.method?.rawValue, query.minimumConfidence, query.fidelityOK, documents,
            query.readsFidelityIssues,
        ])
        reading = PairRecordBatch.Reading(fidelityIssues: query.readsFidelityIssues, metadataKeys: query.metadataKeys)
        units = try KeyedLookup(db, columns: "pair_id, idx, original_text, rendering_text, pattern",
                                from: "aligned_units", key: "pair_id", order: "keys.rowid, idx")
        passages = try KeyedLookup(db, columns: StoredRecord.passageColumns,
                                   from: "passages", key: "id")
        // A side that is a passage carries its document without the text: the export prints the passage, and
        // copying a bulletin's full text for each of its line pairs was a sixth of an export.
        // Columns the query leaves out are selected as NULL, so the positions stay the same.
        let details: Set = ["declared_language", "author", "publisher", "source_id"]
        let columns = StoredRecord.documentColumnNames.map { query.readsDocumentDetails || !details.contains($0) ? "\"\($0)\"" : "NULL" }
        documentsWithText = try KeyedLookup(db, columns: columns.joined(separator: ", "), from: "documents", key: "id")
        documentsWithoutText = try KeyedLookup(db, columns: columns.map { $0 == "\"text\"" ? "''" : $0 }.joined(separator: ", "),
                                               from: "documents", key: "id")
    }

    /// The next pair, or nil after the last.
    /// - Throws: a database error when SQLite fails mid-read (the store reports it naming the archive).
    public func next() throws -> PairRecord? {
        while ready.isEmpty {
            guard let batch = try nextBatch() else { return nil }
            ready = decoder.records(of: batch).reversed()
        }
        return ready.popLast()
    }

    /// Reads up to `batchSize` rows of `pairs` and everything their records need, copied, not decoded; nil when
    /// no row was left.
    ///
    /// Each lookup's keys are a list, and each pair keeps the positions of its keys in them: the rows come
    /// back with those positions (see `KeyedLookup`), so nothing is hashed.
    public func nextBatch() throws -> PairRecordBatch? {
        var batch = PairRecordBatch(reading: reading)
        var passageKeys = KeyList(), pairKeys = KeyList()
        var passagePositions: [(original: Int?, rendering: Int?)] = []
        while batch.items.count < Self.batchSize, try rows.next() != nil {
            let row = batch.pairs.append(ColumnReader(pairs.sqliteStatement))
            pairKeys.append(batch.pairs, row, 0)
            let p = UInt8(ascii: "p")  // a passage id; a document id starts with "d" (`PairSide`)
            passagePositions.append((batch.pairs.startsWith(row, 1, p) ? passageKeys.append(batch.pairs, row, 1) : nil,
                                     batch.pairs.startsWith(row, 2, p) ? passageKeys.append(batch.pairs, row, 2) : nil))
            batch.items.append(PairRecordBatch.Item())
        }
        guard !batch.items.isEmpty else { return nil }

        var passageRows = [Int32](repeating: -1, count: passageKeys.count)
        try passages.forEachRow(of: passageKeys) { position, row in passageRows[position] = Int32(batch.passages.append(row)) }

        // A side that is a passage carries its document without the text (see `init`); a passage the archive
        // no longer has is exported as its whole document, as the join did. A bulletin's line pairs name the
        // same two documents one after the other, so a key equal to one of the last two is not repeated.
        var withText = KeyList(), withoutText = KeyList()
        func position(row: Int, column: Int, in keys: inout KeyList) -> Int {
            let added = keys.append(batch.pairs, row, column)
            for earlier in [added - 1, added - 2] where earlier >= 0 && keys.same(earlier, added) {
                keys.removeLast()
                return earlier
            }
            return added
        }
        var documentPositions: [(original: Int, rendering: Int)] = []
        documentPositions.reserveCapacity(batch.items.count)
        for index in batch.items.indices {
            let (original, rendering) = passagePositions[index]
            batch.items[index].originalPassage = original.map { passageRows[$0] } ?? -1
            batch.items[index].renderingPassage = rendering.map { passageRows[$0] } ?? -1
            documentPositions.append((
                batch.items[index].originalPassage < 0 ? position(row: index, column: 9, in: &withText)
                                                        : position(row: index, column: 9, in: &withoutText),
                batch.items[index].renderingPassage < 0 ? position(row: index, column: 10, in: &withText)
                                                         : position(row: index, column: 10, in: &withoutText)))
        }
        var withTextRows = [Int32](repeating: -1, count: withText.count)
        try documentsWithText.forEachRow(of: withText) { position, row in
            withTextRows[position] = Int32(batch.documentsWithText.append(row))
        }
        var withoutTextRows = [Int32](repeating: -1, count: withoutText.count)
        try documentsWithoutText.forEachRow(of: withoutText) { position, row in
            withoutTextRows[position] = Int32(batch.documentsWithoutText.append(row))
        }
        for index in batch.items.indices {
            let (original, rendering) = documentPositions[index]
            batch.items[index].originalDocument = batch.items[index].originalPassage < 0 ? withTextRows[original] : withoutTextRows[original]
            batch.items[index].renderingDocument = batch.items[index].renderingPassage < 0 ? withTextRows[rendering] : withoutTextRows[rendering]
        }

        try units.forEachRow(of: pairKeys) { position, row in
            batch.units.append(row)
            batch.unitOwners.append(Int32(position))
        }
        return batch
    }
}
