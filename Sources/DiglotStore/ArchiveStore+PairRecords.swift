import Foundation
import GRDB
import GRDBSQLite
import DiglotModel

extension ArchiveStore {
    /// Reads the pairs matching `query`, in arrival order, through a cursor that hands out one `PairRecord`
    /// at a time: an export of a million pairs holds one pair (and its documents and units) in memory, never
    /// the list.
    ///
    /// Every condition of the query is evaluated by SQLite. Each record costs one row of `pairs` and a lookup
    /// per passage side, per document not shared with the previous pair, and for its aligned units, through
    /// cached statements (see `PairRecordCursor`). The cursor is valid only inside `body`.
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
/// An export of a million pairs spends its time here. The cursor walks the `pairs` table alone and looks up
/// each side's passage and document by its own statement, instead of one five-way join: the join looked up
/// both documents for every pair, and a passage for every side even when the side is a whole document, while
/// a bulletin's line pairs (most pairs) all name the same two documents, which are kept from the previous
/// pair. Columns are read by position straight from the statements (GRDB's by-name lookups through scoped
/// row adapters were a sixth of an export), the stored ids are kept instead of derived again (a SHA-256 per
/// pair and per passage), and a fidelity report's JSON is read only when the query asks for its issues.
public final class PairRecordCursor {
    private let pairs: Statement
    private let rows: RowCursor
    private let units: Statement
    private let passages: Statement
    private let documentsWithText: Statement
    private let documentsWithoutText: Statement
    private let readsFidelityIssues: Bool
    private let metadataKeys: Set<String>?
    private let quotedMetadataKeys: StoreJSON.QuotedKeys?

    /// The columns read for a document, in `SELECT` order (see `document(_:withText:)`).
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
        units = try db.cachedStatement(sql: """
            SELECT idx, original_text, rendering_text, pattern FROM aligned_units WHERE pair_id = ? ORDER BY idx
            """)
        passages = try db.cachedStatement(sql: """
            SELECT id, document_id, idx, role, start, "end", language, text, metadata FROM passages WHERE id = ?
            """)
        // A side that is a passage carries its document without the text: the export prints the passage, and
        // copying a bulletin's full text for each of its line pairs was a sixth of an export.
        let columns = Self.documentColumns.map { "\"\($0)\"" }
        documentsWithText = try db.cachedStatement(sql: """
            SELECT \(columns.joined(separator: ", ")) FROM documents WHERE id = ?
            """)
        documentsWithoutText = try db.cachedStatement(sql: """
            SELECT \(columns.map { $0 == "\"text\"" ? "''" : $0 }.joined(separator: ", ")) FROM documents WHERE id = ?
            """)
    }

    /// The next pair, or nil after the last.
    /// - Throws: a database error when SQLite fails mid-read (the store reports it naming the archive).
    public func next() throws -> PairRecord? {
        while try rows.next() != nil {
            let row = ColumnReader(pairs.sqliteStatement)
            let pair = self.pair(row)
            let originalDocumentID = row.text(9), renderingDocumentID = row.text(10)
            let originalPassage = try passage(pair.original)
            let renderingPassage = try passage(pair.rendering)
            // A pair whose document is missing (an archive edited by hand) is left out, as a join would.
            guard let originalDocument = try document(originalDocumentID, withText: originalPassage == nil),
                  let renderingDocument = try document(renderingDocumentID, withText: renderingPassage == nil)
            else { continue }
            return PairRecord(pair: pair, originalDocument: originalDocument, originalPassage: originalPassage,
                              renderingDocument: renderingDocument, renderingPassage: renderingPassage,
                              alignedUnits: try lookUp(pair.id.rawValue, in: units) { row in
                                  AlignedUnit(pairID: pair.id, index: row.int(0), originalText: row.text(1),
                                              renderingText: row.text(2), pattern: row.text(3))
                              })
        }
        return nil
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

    /// SQLite's `SQLITE_TRANSIENT` (copy the bound text), a C macro Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The rows `statement` finds for `key`, stepped by hand: a GRDB cursor per lookup cost more than the
    /// lookup itself. The statement is reset before it is left, so GRDB finds it as it left it.
    private func lookUp<T>(_ key: String, in statement: Statement, _ read: (ColumnReader) -> T) throws -> [T] {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        let bound = key.withCString { sqlite3_bind_text(handle, 1, $0, -1, Self.transient) }
        guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound)) }
        var found: [T] = []
        let row = ColumnReader(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return found }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            found.append(read(row))
        }
    }

    /// The documents of the previous pair, with whether their text was read. Two bulletins come with a pair
    /// per figure line, all stored together, so consecutive pairs name the same two documents: looking them
    /// up and decoding their metadata and dates once instead of once per line pair was a third of an export.
    private var previousDocuments: [(document: Document, withText: Bool)] = []

    private func document(_ id: String, withText: Bool) throws -> Document? {
        for known in previousDocuments where known.withText == withText && known.document.id.rawValue == id {
            return known.document
        }
        guard let decoded = try lookUp(id, in: withText ? documentsWithText : documentsWithoutText, { row in
            Document(id: DocumentID(rawValue: row.text(0)), kind: DocumentKind(rawValue: row.text(1)) ?? .article,
                     language: LanguageTag(rawValue: row.text(2)),
                     declaredLanguage: row.optionalText(3).map(LanguageTag.init(rawValue:)),
                     title: row.optionalText(4), author: row.optionalText(5), publisher: row.optionalText(6),
                     published: row.optionalText(7).flatMap(PublishedDate.init(iso:)),
                     canonicalURL: row.optionalText(8), text: row.text(9),
                     sourceID: row.optionalText(10).map(SourceID.init(rawValue:)),
                     metadata: documentMetadata(row, 11))
        }).first else { return nil }
        if previousDocuments.count >= 2 { previousDocuments.removeFirst() }
        previousDocuments.append((decoded, withText))
        return decoded
    }

    /// A document's metadata, or the keys of it the query reads: a column that cannot hold any of them is
    /// not made a string at all.
    private func documentMetadata(_ row: ColumnReader, _ column: Int32) -> [String: String] {
        if let quotedMetadataKeys, !quotedMetadataKeys.mayOccur(in: row.bytes(column)) { return [:] }
        return StoreJSON.metadata(row.optionalText(column), keeping: metadataKeys)
    }

    /// The passage a side names; nil for a whole-document side (or a passage the archive no longer has, which
    /// is then exported as its whole document, as the join did).
    private func passage(_ side: PairSide) throws -> Passage? {
        guard case .passage(let id) = side else { return nil }
        return try lookUp(id.rawValue, in: passages) { row in
            Passage(id: PassageID(rawValue: row.text(0)), documentID: DocumentID(rawValue: row.text(1)),
                    index: row.int(2), role: PassageRole(rawValue: row.text(3)), start: row.int(4), end: row.int(5),
                    language: LanguageTag(rawValue: row.text(6)), text: row.text(7),
                    metadata: metadataKeys == nil ? StoreJSON.metadata(row.optionalText(8)) : [:])
        }.first
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

/// The columns of the row a SQLite statement stands on, read by position. Valid until the statement steps.
struct ColumnReader {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column as text; a NULL reads as the empty string. Invalid UTF-8 is repaired, as GRDB does.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The column's text bytes, without making a string of them; empty for a NULL. Valid until the statement
    /// steps.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// Whether the column holds exactly `value`'s UTF-8 bytes, without making a string of it.
    func equals(_ column: Int32, _ value: String) -> Bool {
        guard let bytes = sqlite3_column_text(handle, column) else { return false }
        let count = Int(sqlite3_column_bytes(handle, column))
        var value = value
        return value.withUTF8 { own in
            guard own.count == count else { return false }
            return count == 0 || memcmp(own.baseAddress!, bytes, count) == 0
        }
    }
}
