import Foundation
import GRDB
import DiglotModel

/// A stored pair with the documents and languages of its two sides (no texts): what `diglot pair` weighs a
/// proposed pair against.
public struct PairEnds: Hashable, Sendable {
    public var pair: Pair
    public var originalDocument: DocumentID
    public var originalLanguage: LanguageTag
    public var renderingDocument: DocumentID
    public var renderingLanguage: LanguageTag

    public init(pair: Pair, originalDocument: DocumentID, originalLanguage: LanguageTag, renderingDocument: DocumentID,
                renderingLanguage: LanguageTag) {
        self.pair = pair
        self.originalDocument = originalDocument
        self.originalLanguage = originalLanguage
        self.renderingDocument = renderingDocument
        self.renderingLanguage = renderingLanguage
    }

    /// Both sides are whole documents (not passages).
    public var isDocumentLevel: Bool {
        if case .document = pair.original, case .document = pair.rendering { return true }
        return false
    }
}

extension ArchiveStore {
    /// The documents with these ids (those the archive holds), in no particular order.
    public func documents(_ ids: Set<DocumentID>) throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        return try reading { db in
            var documents: [Document] = []
            try db.forEachRow(cachedSQL: """
                SELECT \(StoredRecord.documentColumns) FROM documents WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [StoreJSON.encodeStrings(ids.map(\.rawValue))]) { documents.append(Self.document($0)) }
            return documents
        }
    }

    /// At most `limit` documents that arrived after `sequence`, in arrival order, each with its arrival number:
    /// `diglot pair` examines new documents a batch at a time.
    public func documents(since sequence: Int64, limit: Int) throws -> [(document: Document, sequence: Int64)] {
        try reading { db in
            var documents: [(document: Document, sequence: Int64)] = []
            try db.forEachRow(cachedSQL: """
                SELECT \(StoredRecord.documentColumnsWithSequence) FROM documents WHERE seq > ? ORDER BY seq LIMIT ?
                """, arguments: [sequence, limit]) { row in
                documents.append((Self.document(row), StoredRecord.sequence(row)))
            }
            return documents
        }
    }

    /// The passage texts (in order) and figures of each of `documents`, in their order, read in one
    /// transaction: what `diglot pair` reads of every arrival.
    ///
    /// One read per document and table (a transaction, a WAL snapshot and a dispatch to the reader each) cost
    /// more than the rows; and a passage stored as a span of its document (nearly all) was cut by SQLite after
    /// looking the document up again by its hashed id, where the caller holds its text already
    /// (docs/performance.md, session 27).
    public func passageTextsAndFigures(of documents: [Document]) throws -> [(passages: [String], figures: [Figure])] {
        try reading { db in
            try documents.map { document in
                var spans: [(start: Int, end: Int)] = []
                var stored: [String] = []
                let range = PassageID.range(of: document.id)
                try db.forEachRow(cachedSQL: """
                    SELECT start, "end", text FROM passages WHERE id >= ? AND id < ? AND document_id = ? ORDER BY idx
                    """, arguments: [range.lower, range.upper, document.id.rawValue]) { row in
                    spans.append((row.int(0), row.int(1)))
                    stored.append(row.text(2))
                }
                let cut = ScalarSpans.texts(in: document.text, spans: spans)
                var texts: [String] = []
                texts.reserveCapacity(stored.count)
                for (k, text) in stored.enumerated() {
                    // As `StoredRecord.passageTextAlone`: a stored text, else the span of the document's text.
                    if !text.isEmpty { texts.append(text); continue }
                    if let span = cut[k] { texts.append(span); continue }
                    texts.append(try String.fetchOne(db, sql: "SELECT substr(?, ?, ?)", arguments: [
                        document.text, spans[k].start + 1, spans[k].end - spans[k].start]) ?? "")
                }
                return (passages: texts, figures: try Self.figures(of: document.id, db))
            }
        }
    }

    /// The figures one document states, in passage order.
    public func figures(of document: DocumentID) throws -> [Figure] {
        try reading { db in try Self.figures(of: document, db) }
    }

    static func figures(of document: DocumentID, _ db: Database) throws -> [Figure] {
        var figures: [Figure] = []
        try db.forEachRow(cachedSQL: "SELECT \(StoredRecord.figureColumns) FROM figures WHERE document_id = ? ORDER BY id",
                          arguments: [document.rawValue]) { figures.append(StoredRecord.figure($0)) }
        return figures
    }

    /// Stored staff bulletins whose `bulletin_date` metadata is `date` (`YYYY-MM-DD`), every language.
    public func staffBulletins(on date: String) throws -> [Document] {
        try reading { db in
            var documents: [Document] = []
            try db.forEachRow(cachedSQL: """
                SELECT \(StoredRecord.documentColumns) FROM documents
                WHERE kind = 'staff-bulletin' AND json_extract(metadata, '$.bulletin_date') = ?
                ORDER BY seq
                """, arguments: [date]) { documents.append(Self.document($0)) }
            return documents
        }
    }

    /// The stored pair with this id, or nil.
    public func pair(_ id: PairID) throws -> Pair? {
        try reading { db in
            try Row.fetchOne(db, cachedSQL: "SELECT * FROM pairs WHERE id = ?", [id.rawValue]).map { Self.pair(from: $0) }
        }
    }

    /// Every stored pair (document- or passage-level) with a side in one of `documents`.
    public func pairs(touching documents: Set<DocumentID>) throws -> [PairEnds] {
        guard !documents.isEmpty else { return [] }
        return try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                WITH wanted(id) AS (SELECT value FROM json_each(?))
                SELECT * FROM pairs WHERE original_document IN wanted
                UNION
                SELECT * FROM pairs WHERE rendering_document IN wanted
                """), arguments: [StoreJSON.encodeStrings(documents.map(\.rawValue).sorted())]).map { row in
                    PairEnds(pair: Self.pair(from: row), originalDocument: DocumentID(rawValue: row["original_document"]),
                             originalLanguage: LanguageTag(rawValue: row["original_language"]),
                             renderingDocument: DocumentID(rawValue: row["rendering_document"]),
                             renderingLanguage: LanguageTag(rawValue: row["rendering_language"]))
                }
        }
    }

    /// Which of `ids` a person unlinked.
    public func unlinked(among ids: [PairID]) throws -> Set<PairID> {
        guard !ids.isEmpty else { return [] }
        return try reading { db in
            Set(try String.fetchAll(db.cachedStatement(sql: """
                SELECT pair_id FROM unlinks WHERE pair_id IN (SELECT value FROM json_each(?))
                """), arguments: [StoreJSON.encodeStrings(ids.map(\.rawValue))]).map(PairID.init(rawValue:)))
        }
    }

    /// Removes pairs the pairing engine made earlier (a better rendering has displaced them), with their units.
    /// Pairs of any other origin are never removed here.
    /// - Returns: how many were removed.
    @discardableResult
    public func removeEnginePairs(_ ids: [PairID]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try writing { db in
            try db.execute(sql: """
                DELETE FROM pairs WHERE origin = 'engine' AND id IN (SELECT value FROM json_each(?))
                """, arguments: [StoreJSON.encodeStrings(ids.map(\.rawValue))])
            return db.changesCount
        }
    }

    /// One stored pair with both texts, or nil.
    public func pairRow(_ id: PairID) throws -> PairRow? {
        try reading { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.pairRowSelect + " WHERE p.id = ?"), arguments: [id.rawValue])
                .map(Self.pairRow(from:))
        }
    }

    /// A pair with both sides' texts (a passage's, or the whole document's), for `pairRow`, `uncheckedPairs`
    /// and `forEachPair` to add their conditions to.
    static let pairRowSelect = """
        SELECT p.*, COALESCE(\(StoredRecord.passageText("op", documentText: "od.text")), od.text) AS original_text,
                    COALESCE(\(StoredRecord.passageText("rp", documentText: "rd.text")), rd.text) AS rendering_text
        FROM pairs p
        LEFT JOIN passages op ON op.id = p.original
        JOIN documents od ON od.id = p.original_document
        LEFT JOIN passages rp ON rp.id = p.rendering
        JOIN documents rd ON rd.id = p.rendering_document
        """

    /// Pairs whose fidelity no check has looked at yet (an importer's tweet↔quote or TMX pairs), with both texts.
    public func uncheckedPairs(limit: Int = -1) throws -> [PairRow] {
        try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: Self.pairRowSelect + """
                 WHERE p.fidelity_status = 'unchecked' ORDER BY p.rowid LIMIT ?
                """), arguments: [limit]).map(Self.pairRow(from:))
        }
    }

    /// The texts of pair sides (a passage's text, or a whole document's), for those the archive holds.
    public func texts(of sides: Set<PairSide>) throws -> [PairSide: String] {
        guard !sides.isEmpty else { return [:] }
        return try reading { db in
            var result: [PairSide: String] = [:]
            for side in sides {
                switch side {
                case .document(let id):
                    result[side] = try String.fetchOne(db, cachedSQL: "SELECT text FROM documents WHERE id = ?", [id.rawValue])
                case .passage(let id):
                    result[side] = try String.fetchOne(db, cachedSQL: "SELECT \(StoredRecord.passageTextAlone) FROM passages WHERE id = ?",
                                                       [id.rawValue])
                }
            }
            return result
        }
    }

    /// The language of a pair side, or nil when the archive has no such document or passage.
    public func language(of side: PairSide) throws -> LanguageTag? {
        try reading { db in
            let language: String?
            switch side {
            case .document(let id):
                language = try String.fetchOne(db, cachedSQL: "SELECT language FROM documents WHERE id = ?", [id.rawValue])
            case .passage(let id):
                language = try String.fetchOne(db, cachedSQL: "SELECT language FROM passages WHERE id = ?", [id.rawValue])
            }
            return language.map(LanguageTag.init(rawValue:))
        }
    }

    static func pairRow(from row: Row) -> PairRow {
        PairRow(pair: pair(from: row),
                originalDocument: DocumentID(rawValue: row["original_document"]),
                originalLanguage: LanguageTag(rawValue: row["original_language"]),
                originalText: row["original_text"] ?? "",
                renderingDocument: DocumentID(rawValue: row["rendering_document"]),
                renderingLanguage: LanguageTag(rawValue: row["rendering_language"]),
                renderingText: row["rendering_text"] ?? "")
    }
}
