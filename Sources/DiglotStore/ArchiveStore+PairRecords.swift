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
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(Self.pairReadCacheSize)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            return try body(PairRecordCursor(db: db, query: query))
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
/// statements (GRDB's by-name lookups through scoped row adapters were a sixth of an export), the stored ids
/// are kept instead of derived again (a SHA-256 per pair and per passage), and a fidelity report's JSON is
/// read only when the query asks for its issues.
public final class PairRecordCursor {
    /// Pairs read from `pairs` before their sides are looked up: a few hundred, so a lookup's execution serves
    /// many pairs while a batch's documents stay a few megabytes at most.
    static let batchSize = 256

    private let pairs: Statement
    private let rows: RowCursor
    private let units: KeyedLookup
    private let passages: KeyedLookup
    private let documentsWithText: KeyedLookup
    private let documentsWithoutText: KeyedLookup
    private let readsFidelityIssues: Bool
    private let metadataKeys: Set<String>?
    private let quotedMetadataKeys: StoreJSON.QuotedKeys?
    /// The current batch's records, last first, so that `next` moves them out with `popLast`.
    private var ready: [PairRecord] = []

    /// The columns read for a document, in `SELECT` order (see `document(_:)`).
    private static let documentColumns = ["id", "kind", "language", "declared_language", "title", "author",
                                          "publisher", "published", "canonical_url", "text", "source_id", "metadata"]

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
        readsFidelityIssues = query.readsFidelityIssues
        metadataKeys = query.metadataKeys
        quotedMetadataKeys = query.metadataKeys.map(StoreJSON.QuotedKeys.init)
        units = try KeyedLookup(db, columns: "pair_id, idx, original_text, rendering_text, pattern",
                                from: "aligned_units", key: "pair_id", order: "keys.rowid, idx")
        passages = try KeyedLookup(db, columns: #"id, document_id, idx, role, start, "end", language, text, metadata"#,
                                   from: "passages", key: "id")
        // A side that is a passage carries its document without the text: the export prints the passage, and
        // copying a bulletin's full text for each of its line pairs was a sixth of an export.
        // Columns the query leaves out are selected as NULL, so the positions stay the same.
        let details: Set = ["declared_language", "author", "publisher", "source_id"]
        let columns = Self.documentColumns.map { query.readsDocumentDetails || !details.contains($0) ? "\"\($0)\"" : "NULL" }
        documentsWithText = try KeyedLookup(db, columns: columns.joined(separator: ", "), from: "documents", key: "id")
        documentsWithoutText = try KeyedLookup(db, columns: columns.map { $0 == "\"text\"" ? "''" : $0 }.joined(separator: ", "),
                                               from: "documents", key: "id")
    }

    /// The next pair, or nil after the last.
    /// - Throws: a database error when SQLite fails mid-read (the store reports it naming the archive).
    public func next() throws -> PairRecord? {
        while ready.isEmpty {
            guard try readBatch() else { return nil }
        }
        return ready.popLast()
    }

    /// Reads up to `batchSize` rows of `pairs` and everything their records need into `ready`; false when no
    /// row was left. A batch may give fewer records than rows (a pair whose document is missing).
    ///
    /// Each lookup's keys are a list, and each pair keeps the positions of its keys in them: the rows come
    /// back with those positions (see `KeyedLookup`), so nothing is hashed.
    private func readBatch() throws -> Bool {
        var batch: [BatchPair] = []
        batch.reserveCapacity(Self.batchSize)
        var passageKeys: [String] = []
        while batch.count < Self.batchSize, try rows.next() != nil {
            let row = ColumnReader(pairs.sqliteStatement)
            var item = BatchPair(pair: pair(row), originalDocument: row.text(9), renderingDocument: row.text(10))
            if case .passage(let id) = item.pair.original { item.originalPassage = passageKeys.count; passageKeys.append(id.rawValue) }
            if case .passage(let id) = item.pair.rendering { item.renderingPassage = passageKeys.count; passageKeys.append(id.rawValue) }
            batch.append(item)
        }
        guard !batch.isEmpty else { return false }

        var foundPassages = [Passage?](repeating: nil, count: passageKeys.count)
        try passages.forEachRow(of: passageKeys) { position, row in foundPassages[position] = passage(row) }

        // A side that is a passage carries its document without the text (see `init`); a passage the archive
        // no longer has is exported as its whole document, as the join did. A bulletin's line pairs name the
        // same two documents one after the other, so a key equal to one of the last two is not repeated.
        var withText: [String] = [], withoutText: [String] = []
        func position(of key: String, in keys: inout [String]) -> Int {
            if let last = keys.indices.last {
                if keys[last] == key { return last }
                if last > 0 && keys[last - 1] == key { return last - 1 }
            }
            keys.append(key)
            return keys.count - 1
        }
        var documentPositions: [(original: Int, rendering: Int)] = []
        documentPositions.reserveCapacity(batch.count)
        for item in batch {
            let originalWithText = item.originalPassage.flatMap { foundPassages[$0] } == nil
            let renderingWithText = item.renderingPassage.flatMap { foundPassages[$0] } == nil
            documentPositions.append((
                originalWithText ? position(of: item.originalDocument, in: &withText)
                                 : position(of: item.originalDocument, in: &withoutText),
                renderingWithText ? position(of: item.renderingDocument, in: &withText)
                                  : position(of: item.renderingDocument, in: &withoutText)))
        }
        var documentsWithTextFound = [Document?](repeating: nil, count: withText.count)
        try documentsWithText.forEachRow(of: withText) { position, row in documentsWithTextFound[position] = document(row) }
        var documentsWithoutTextFound = [Document?](repeating: nil, count: withoutText.count)
        try documentsWithoutText.forEachRow(of: withoutText) { position, row in
            documentsWithoutTextFound[position] = document(row)
        }

        var unitsFound = [[AlignedUnit]](repeating: [], count: batch.count)
        try units.forEachRow(of: batch.map(\.pair.id.rawValue)) { position, row in
            unitsFound[position].append(AlignedUnit(pairID: batch[position].pair.id, index: row.int(1),
                                                    originalText: row.text(2), renderingText: row.text(3),
                                                    pattern: row.text(4)))
        }

        ready.reserveCapacity(batch.count)
        for (position, item) in batch.enumerated().reversed() {
            let originalPassage = item.originalPassage.flatMap { foundPassages[$0] }
            let renderingPassage = item.renderingPassage.flatMap { foundPassages[$0] }
            let documents = documentPositions[position]
            // A pair whose document is missing (an archive edited by hand) is left out, as a join would.
            guard let originalDocument = originalPassage == nil ? documentsWithTextFound[documents.original]
                                                                : documentsWithoutTextFound[documents.original],
                  let renderingDocument = renderingPassage == nil ? documentsWithTextFound[documents.rendering]
                                                                  : documentsWithoutTextFound[documents.rendering]
            else { continue }
            ready.append(PairRecord(pair: item.pair, originalDocument: originalDocument, originalPassage: originalPassage,
                                    renderingDocument: renderingDocument, renderingPassage: renderingPassage,
                                    alignedUnits: unitsFound[position]))
        }
        return true
    }

    /// A row of `pairs` while its batch is looked up: its documents' ids, and where its passages' ids are in
    /// the batch's list of passage keys.
    private struct BatchPair {
        var pair: Pair
        var originalDocument: String
        var renderingDocument: String
        var originalPassage: Int?
        var renderingPassage: Int?
    }

    private func pair(_ row: ColumnReader) -> Pair {
        let original = row.text(1), rendering = row.text(2)
        let status = FidelityReport.Status(rawValue: row.text(5)) ?? .unchecked
        let fidelity = readsFidelityIssues ? self.fidelity(row.optionalText(6)) ?? FidelityReport(status: status)
            : FidelityReport(status: status)
        return Pair(id: PairID(rawValue: row.text(0)),
                    original: PairSide(rawValue: original) ?? .document(DocumentID(rawValue: original)),
                    rendering: PairSide(rawValue: rendering) ?? .document(DocumentID(rawValue: rendering)),
                    method: PairMethod(rawValue: row.text(3)), confidence: row.double(4), fidelity: fidelity,
                    origin: PairOrigin(rawValue: row.text(7)) ?? .importer,
                    parent: row.optionalText(8).map(PairID.init(rawValue:)))
    }

    private func document(_ row: ColumnReader) -> Document {
        Document(id: DocumentID(rawValue: row.text(0)), kind: DocumentKind(rawValue: row.text(1)) ?? .article,
                 language: LanguageTag(rawValue: row.text(2)),
                 declaredLanguage: row.optionalText(3).map(LanguageTag.init(rawValue:)),
                 title: row.optionalText(4), author: row.optionalText(5), publisher: row.optionalText(6),
                 published: row.optionalText(7).flatMap(PublishedDate.init(iso:)),
                 canonicalURL: row.optionalText(8), text: row.text(9),
                 sourceID: row.optionalText(10).map(SourceID.init(rawValue:)),
                 metadata: documentMetadata(row, 11))
    }

    /// A document's metadata, or the keys of it the query reads: a column that cannot hold any of them is
    /// not made a string at all.
    private func documentMetadata(_ row: ColumnReader, _ column: Int32) -> [String: String] {
        guard let metadataKeys, let quotedMetadataKeys else { return StoreJSON.metadata(row.optionalText(column)) }
        guard quotedMetadataKeys.mayOccur(in: row.bytes(column)) else { return [:] }
        return StoreJSON.metadata(row.text(column), keepingOnly: metadataKeys)
    }

    private func passage(_ row: ColumnReader) -> Passage {
        Passage(id: PassageID(rawValue: row.text(0)), documentID: DocumentID(rawValue: row.text(1)),
                index: row.int(2), role: PassageRole(rawValue: row.text(3)), start: row.int(4), end: row.int(5),
                language: LanguageTag(rawValue: row.text(6)), text: row.text(7),
                metadata: metadataKeys == nil ? StoreJSON.metadata(row.optionalText(8)) : [:])
    }

    /// The last fidelity report decoded, with its JSON. A bulletin's line pairs share their report (the
    /// whole pair's figure check) and come one after another; most other pairs have the empty `ok` report.
    /// Decoding each with JSONDecoder was an eighth of an export's time.
    private var lastFidelity: (json: String, report: FidelityReport)?
    private static let okFidelityJSON = #"{"issues":[],"status":"ok"}"#

    private func fidelity(_ json: String?) -> FidelityReport? {
        guard let json else { return nil }
        if let last = lastFidelity, last.json == json { return last.report }
        guard let report = json == Self.okFidelityJSON ? FidelityReport.ok : StoreJSON.decode(FidelityReport.self, json)
        else { return nil }
        lastFidelity = (json, report)
        return report
    }
}
