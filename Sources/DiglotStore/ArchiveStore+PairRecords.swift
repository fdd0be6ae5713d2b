import Foundation
import GRDB
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
        try reading { db in try body(PairRecordCursor(db: db, query: query)) }
    }
}

/// Pairs read one at a time from SQLite (see `ArchiveStore.readPairRecords`).
public final class PairRecordCursor {
    private let rows: RowCursor
    private let units: Statement

    /// The scopes the joined row is cut into, in `SELECT` order.
    private enum Scope: String, CaseIterable {
        case pair, originalDocument, originalPassage, renderingDocument, renderingPassage

        var table: String {
            switch self {
            case .pair: "pairs"
            case .originalDocument, .renderingDocument: "documents"
            case .originalPassage, .renderingPassage: "passages"
            }
        }

        /// What the joined query selects for `column` of this scope. A document's text is read only when the
        /// side is the whole document: for a passage pair the export prints the passage, and copying a
        /// bulletin's full text for each of its line pairs was a sixth of an export.
        func selectExpression(_ column: String) -> String {
            let qualified = "\(alias).\"\(column)\""
            switch (self, column) {
            case (.originalDocument, "text"): return "CASE WHEN op.id IS NULL THEN \(qualified) ELSE '' END AS \"text\""
            case (.renderingDocument, "text"): return "CASE WHEN rp.id IS NULL THEN \(qualified) ELSE '' END AS \"text\""
            default: return qualified
            }
        }

        var alias: String {
            switch self {
            case .pair: "p"
            case .originalDocument: "od"
            case .originalPassage: "op"
            case .renderingDocument: "rd"
            case .renderingPassage: "rp"
            }
        }
    }

    init(db: Database, query: PairRecordQuery) throws {
        var scopes: [String: any RowAdapter] = [:]
        var selected: [String] = []
        var start = 0
        for scope in Scope.allCases {
            let columns = try db.columns(in: scope.table).map(\.name)
            scopes[scope.rawValue] = RangeRowAdapter(start..<(start + columns.count))
            start += columns.count
            selected += columns.map { column in scope.selectExpression(column) }
        }
        let published = "date(od.published_instant, 'unixepoch')"
        let statement = try db.cachedStatement(sql: """
            SELECT \(selected.joined(separator: ", "))
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
        ], adapter: ScopeAdapter(scopes))
        units = try db.cachedStatement(sql: "SELECT * FROM aligned_units WHERE pair_id = ? ORDER BY idx")
    }

    /// The next pair, or nil after the last.
    /// - Throws: a database error when SQLite fails mid-read (the store reports it naming the archive).
    public func next() throws -> PairRecord? {
        guard let row = try rows.next() else { return nil }
        let pair = ArchiveStore.pair(from: scope(.pair, of: row), decodeFidelity: fidelity)
        let units = try Row.fetchCursor(units, arguments: [pair.id.rawValue]).map { unit in
            AlignedUnit(pairID: pair.id, index: unit["idx"], originalText: unit["original_text"],
                        renderingText: unit["rendering_text"], pattern: unit["pattern"])
        }
        let originalPassage = passage(scope(.originalPassage, of: row))
        let renderingPassage = passage(scope(.renderingPassage, of: row))
        return PairRecord(pair: pair,
                          originalDocument: document(scope(.originalDocument, of: row), withText: originalPassage == nil),
                          originalPassage: originalPassage,
                          renderingDocument: document(scope(.renderingDocument, of: row), withText: renderingPassage == nil),
                          renderingPassage: renderingPassage,
                          alignedUnits: try Array(units))
    }

    /// Documents decoded for the last few pairs, by id. Two bulletins come with a pair per figure line, all
    /// stored together, so consecutive pairs name the same two documents: decoding their texts and metadata
    /// once instead of once per line pair was a third of an export's time. Bounded, so memory stays flat.
    /// Keyed by id and whether the text was read (see `Scope.selectExpression`).
    private var recentDocuments: [String: Document] = [:]
    private static let recentDocumentLimit = 16

    private func document(_ row: Row, withText: Bool) -> Document {
        let id: String = row["id"]
        let key = withText ? id : id + "/no-text"
        if let known = recentDocuments[key] { return known }
        let decoded = ArchiveStore.document(from: row)
        if recentDocuments.count >= Self.recentDocumentLimit { recentDocuments.removeAll(keepingCapacity: true) }
        recentDocuments[key] = decoded
        return decoded
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

    private func scope(_ scope: Scope, of row: Row) -> Row {
        row.scopes[scope.rawValue] ?? Row()
    }

    /// The passage of a LEFT JOIN, nil when the side is a whole document (every column NULL).
    private func passage(_ row: Row) -> Passage? {
        row.hasNull(atIndex: 0) ? nil : ArchiveStore.passage(from: row)
    }
}
