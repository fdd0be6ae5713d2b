import Foundation
import GRDB
import GRDBSQLite
import DiglotModel

extension ArchiveStore {
    /// Reads the pairs matching `query`, in arrival order, through a cursor that hands out one `PairRecord`
    /// at a time: an export of a million pairs holds one pair (and its documents and units) in memory, never
    /// the list.
    ///
    /// Every condition of the query is evaluated by SQLite. Each record costs one row of a single joined
    /// query (pair, both documents, both passages) and one lookup of its aligned units through a cached
    /// statement. The cursor is valid only inside `body`.
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
            // The join looks each side up by its id, a hash, so the id indexes are read in random order and
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
/// An export of a million pairs spends its time here, so the cursor reads each row's columns by position
/// straight from the SQLite statement (GRDB's by-name lookups through scoped row adapters were a sixth of an
/// export), keeps the ids the archive stored instead of deriving them again (a SHA-256 per pair and per
/// passage), reuses the two documents of the previous pair (a bulletin's line pairs all name the same two)
/// and reads a fidelity report's JSON only when the query asks for its issues.
public final class PairRecordCursor {
    private let statement: Statement
    private let rows: RowCursor
    private let units: Statement
    private let readsFidelityIssues: Bool

    /// The columns read for a document, in `SELECT` order (see `document(at:withText:)`).
    private static let documentColumns = ["id", "kind", "language", "declared_language", "title", "author",
                                          "publisher", "published", "canonical_url", "text", "source_id", "metadata"]
    /// The columns read for a passage, in `SELECT` order (see `passage(at:)`).
    private static let passageColumns = ["id", "document_id", "idx", "role", "start", "end", "language", "text",
                                         "metadata"]
    /// Where each part of the joined row starts.
    private static let pairWidth: Int32 = 9
    private static let originalDocumentStart = pairWidth
    private static let originalPassageStart = originalDocumentStart + Int32(documentColumns.count)
    private static let renderingDocumentStart = originalPassageStart + Int32(passageColumns.count)
    private static let renderingPassageStart = renderingDocumentStart + Int32(documentColumns.count)

    /// What the joined query selects for a document. Its text is read only when the side is the whole
    /// document: for a passage pair the export prints the passage, and copying a bulletin's full text for each
    /// of its line pairs was a sixth of an export.
    private static func documentSelection(_ alias: String, passageAlias: String) -> String {
        documentColumns.map { column in
            column == "text" ? "CASE WHEN \(passageAlias).id IS NULL THEN \(alias).text ELSE '' END"
                : "\(alias).\"\(column)\""
        }.joined(separator: ", ")
    }

    private static func passageSelection(_ alias: String) -> String {
        passageColumns.map { "\(alias).\"\($0)\"" }.joined(separator: ", ")
    }

    init(db: Database, query: PairRecordQuery) throws {
        let published = "date(od.published_instant, 'unixepoch')"
        statement = try db.cachedStatement(sql: """
            SELECT p.id, p.original, p.rendering, p.method, p.confidence, p.fidelity_status,
                   CASE WHEN ?10 THEN p.fidelity END, p.origin, p.parent,
                   \(Self.documentSelection("od", passageAlias: "op")), \(Self.passageSelection("op")),
                   \(Self.documentSelection("rd", passageAlias: "rp")), \(Self.passageSelection("rp"))
            FROM pairs p
            JOIN documents od ON od.id = p.original_document
            LEFT JOIN passages op ON op.id = p.original
            JOIN documents rd ON rd.id = p.rendering_document
            LEFT JOIN passages rp ON rp.id = p.rendering
            WHERE (?1 IS NULL OR p.original_language = ?1)
              AND (?2 IS NULL OR p.rendering_language = ?2)
              AND (?3 IS NULL OR \(published) >= ?3)
              AND (?4 IS NULL OR \(published) <= ?4)
              AND (?5 IS NULL OR od.kind = ?5)
              AND (?6 IS NULL OR p.method = ?6)
              AND (?7 IS NULL OR p.confidence >= ?7)
              AND (?8 = 0 OR p.fidelity_status = 'ok')
              AND (?9 IS NULL OR p.original_document IN (SELECT value FROM json_each(?9))
                   OR p.rendering_document IN (SELECT value FROM json_each(?9)))
            ORDER BY p.rowid
            """)
        let documents = try query.documents.map { try StoreJSON.encode($0.map(\.rawValue).sorted()) }
        rows = try Row.fetchCursor(statement, arguments: [
            query.originalLanguage?.rawValue, query.renderingLanguage?.rawValue, query.from, query.to,
            query.kind?.rawValue, query.method?.rawValue, query.minimumConfidence, query.fidelityOK, documents,
            query.readsFidelityIssues,
        ])
        readsFidelityIssues = query.readsFidelityIssues
        units = try db.cachedStatement(sql: """
            SELECT idx, original_text, rendering_text, pattern FROM aligned_units WHERE pair_id = ? ORDER BY idx
            """)
    }

    /// The next pair, or nil after the last.
    /// - Throws: a database error when SQLite fails mid-read (the store reports it naming the archive).
    public func next() throws -> PairRecord? {
        guard try rows.next() != nil else { return nil }
        let row = ColumnReader(statement.sqliteStatement)
        let pair = self.pair(row)
        let originalPassage = passage(row, at: Self.originalPassageStart)
        let renderingPassage = passage(row, at: Self.renderingPassageStart)
        let originalDocument = document(row, at: Self.originalDocumentStart, withText: originalPassage == nil)
        let renderingDocument = document(row, at: Self.renderingDocumentStart, withText: renderingPassage == nil)
        return PairRecord(pair: pair, originalDocument: originalDocument, originalPassage: originalPassage,
                          renderingDocument: renderingDocument, renderingPassage: renderingPassage,
                          alignedUnits: try alignedUnits(of: pair.id))
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

    /// The aligner's units of a pair, through a statement stepped by hand: a GRDB cursor per pair cost more
    /// than the lookup itself. The statement is reset before it is left, so GRDB finds it as it left it.
    private func alignedUnits(of pair: PairID) throws -> [AlignedUnit] {
        let handle = units.sqliteStatement
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        let bound = pair.rawValue.withCString { sqlite3_bind_text(handle, 1, $0, -1, Self.transient) }
        guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound)) }
        var found: [AlignedUnit] = []
        let row = ColumnReader(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return found }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            found.append(AlignedUnit(pairID: pair, index: row.int(0), originalText: row.text(1),
                                     renderingText: row.text(2), pattern: row.text(3)))
        }
    }

    /// The documents of the previous pair, with whether their text was read. Two bulletins come with a pair
    /// per figure line, all stored together, so consecutive pairs name the same two documents: decoding their
    /// metadata and dates once instead of once per line pair was a third of an export's time. The id is
    /// compared in SQLite's bytes before any string is made.
    private var previousDocuments: [(document: Document, withText: Bool)] = []

    private func document(_ row: ColumnReader, at start: Int32, withText: Bool) -> Document {
        for known in previousDocuments where known.withText == withText && row.equals(start, known.document.id.rawValue) {
            return known.document
        }
        let published = row.optionalText(start + 7)
        let decoded = Document(
            id: DocumentID(rawValue: row.text(start)), kind: DocumentKind(rawValue: row.text(start + 1)) ?? .article,
            language: LanguageTag(rawValue: row.text(start + 2)),
            declaredLanguage: row.optionalText(start + 3).map(LanguageTag.init(rawValue:)),
            title: row.optionalText(start + 4), author: row.optionalText(start + 5),
            publisher: row.optionalText(start + 6), published: published.flatMap(PublishedDate.init(iso:)),
            canonicalURL: row.optionalText(start + 8), text: row.text(start + 9),
            sourceID: row.optionalText(start + 10).map(SourceID.init(rawValue:)),
            metadata: StoreJSON.metadata(row.optionalText(start + 11)))
        if previousDocuments.count >= 2 { previousDocuments.removeFirst() }
        previousDocuments.append((decoded, withText))
        return decoded
    }

    /// The passage of a LEFT JOIN, nil when the side is a whole document (every column NULL).
    private func passage(_ row: ColumnReader, at start: Int32) -> Passage? {
        guard !row.isNull(start) else { return nil }
        return Passage(id: PassageID(rawValue: row.text(start)), documentID: DocumentID(rawValue: row.text(start + 1)),
                       index: row.int(start + 2), role: PassageRole(rawValue: row.text(start + 3)),
                       start: row.int(start + 4), end: row.int(start + 5),
                       language: LanguageTag(rawValue: row.text(start + 6)), text: row.text(start + 7),
                       metadata: StoreJSON.metadata(row.optionalText(start + 8)))
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
