import Foundation
import GRDB
import DiglotModel

extension ArchiveStore {
    /// The document with this id, its sources, passages and pairs; nil when the archive has none.
    public func document(_ id: DocumentID) throws -> StoredDocument? {
        try reading { db in
            var found: (document: Document, sequence: Int64)?
            try db.forEachRow(cachedSQL: "SELECT \(StoredRecord.documentColumnsWithSequence) FROM documents WHERE id = ?",
                              arguments: [id.rawValue]) { row in
                found = (Self.document(row), StoredRecord.sequence(row))
            }
            guard let (document, sequence) = found else { return nil }
            let sources = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.id, s.media_type, s.file_name, s.origin_url, s.imported_at, s.importer_id, s.importer_version,
                       s.byte_count
                FROM sources s
                WHERE s.id = ?2 OR s.id IN (SELECT source_id FROM document_sources WHERE document_id = ?1)
                ORDER BY s.id = ?2 DESC, s.imported_at, s.id
                """), arguments: [id.rawValue, document.sourceID?.rawValue]).map(Self.source(from:))
            let passages = try Self.passages(of: id, db)
            let pairs = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM pairs WHERE original_document = ?1 OR rendering_document = ?1 ORDER BY confidence DESC, id
                """), arguments: [id.rawValue]).map { row -> PairLink in
                    let pair = Self.pair(from: row)
                    let isOriginal = row["original_document"] == id.rawValue
                    return PairLink(pair: pair, role: isOriginal ? .original : .rendering,
                                    partnerDocument: DocumentID(rawValue: row[isOriginal ? "rendering_document" : "original_document"]),
                                    partnerLanguage: LanguageTag(rawValue: row[isOriginal ? "rendering_language" : "original_language"]))
                }
            return StoredDocument(document: document, sequence: sequence, sources: sources, passages: passages, pairs: pairs)
        }
    }

    /// Documents in arrival order, optionally of one kind and language.
    public func documents(kind: DocumentKind? = nil, language: LanguageTag? = nil, limit: Int? = nil) throws -> [DocumentSummary] {
        try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.seq, d.id, d.kind, d.language, d.title, d.published, COALESCE(s.file_name, s.origin_url) AS origin
                FROM documents d JOIN sources s ON s.id = d.source_id
                WHERE (?1 IS NULL OR d.kind = ?1) AND (?2 IS NULL OR d.language = ?2)
                ORDER BY d.seq LIMIT ?3
                """), arguments: [kind?.rawValue, language?.rawValue, limit ?? -1]).map { row in
                    DocumentSummary(id: DocumentID(rawValue: row["id"]), sequence: row["seq"],
                                    kind: DocumentKind(rawValue: row["kind"]) ?? .article,
                                    language: LanguageTag(rawValue: row["language"]), title: row["title"],
                                    published: row["published"], source: row["origin"])
                }
        }
    }

    /// Calls `body` with every document that arrived after `sequence`, in arrival order, without loading
    /// them all at once: the pairing engine's "what is new since my last run".
    ///
    /// ```swift
    /// let last = Int64(try store.meta("pairing.last_sequence") ?? "0") ?? 0
    /// try store.forEachDocument(since: last) { stored in ... }
    /// ```
    public func forEachDocument(since sequence: Int64, _ body: (Document, Int64) throws -> Void) throws {
        try reading { db in
            try db.forEachRow(cachedSQL: "SELECT \(StoredRecord.documentColumnsWithSequence) FROM documents WHERE seq > ? ORDER BY seq",
                              arguments: [sequence]) { row in
                try body(Self.document(row), StoredRecord.sequence(row))
            }
        }
    }

    /// The arrival number of the newest document (0 for an empty archive).
    public func latestSequence() throws -> Int64 {
        try reading { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM documents") ?? 0 }
    }

    /// The passages of one document, in order.
    public func passages(of id: DocumentID) throws -> [Passage] {
        try reading { db in try Self.passages(of: id, db) }
    }

    static func passages(of id: DocumentID, _ db: Database) throws -> [Passage] {
        var passages: [Passage] = []
        // Through the index on passage ids (schema 9 has no index on `document_id`): see `PassageID.range(of:)`.
        let range = PassageID.range(of: id)
        try db.forEachRow(cachedSQL: """
            SELECT \(StoredRecord.passageColumns) FROM passages WHERE id >= ? AND id < ? AND document_id = ? ORDER BY idx
            """, arguments: [range.lower, range.upper, id.rawValue]) { row in
            passages.append(StoredRecord.passage(row, metadata: StoreJSON.metadata(row.optionalText(StoredRecord.passageMetadata))))
        }
        return passages
    }

    /// The stored bytes of a source, exactly as imported.
    public func sourceBytes(_ id: SourceID) throws -> Data? {
        try reading { db in try Data.fetchOne(db, sql: "SELECT bytes FROM sources WHERE id = ?", arguments: [id.rawValue]) }
    }

    /// Whether these bytes are already stored.
    public func containsSource(_ id: SourceID) throws -> Bool {
        try reading { db in try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM sources WHERE id = ?", [id.rawValue]) ?? false }
    }

    /// A document selected as `StoredRecord.documentColumns`, with all its metadata.
    static func document(_ row: ColumnReader) -> Document {
        StoredRecord.document(row, metadata: StoreJSON.metadata(row.optionalText(StoredRecord.documentMetadata)))
    }

    static func source(from row: Row) -> StoredSource {
        StoredSource(id: SourceID(rawValue: row["id"]), mediaType: row["media_type"], fileName: row["file_name"],
                     originURL: row["origin_url"], importedAt: row["imported_at"], importerID: row["importer_id"],
                     importerVersion: row["importer_version"], byteCount: row["byte_count"])
    }

    /// - Parameter decodeFidelity: reads the `fidelity` column's JSON; a reader of many pairs passes one
    ///   that remembers the last report (see `PairRecordCursor`).
    static func pair(from row: Row,
                     decodeFidelity: (String?) -> FidelityReport? = StoreJSON.fidelity) -> Pair {
        let original = PairSide(rawValue: row["original"]) ?? .document(DocumentID(rawValue: row["original"]))
        let rendering = PairSide(rawValue: row["rendering"]) ?? .document(DocumentID(rawValue: row["rendering"]))
        let parent: String? = row["parent"]
        let fidelity = decodeFidelity(row["fidelity"])
            ?? FidelityReport(status: FidelityReport.Status(rawValue: row["fidelity_status"]) ?? .unchecked)
        return Pair(original: original, rendering: rendering, method: PairMethod(rawValue: row["method"]),
                    confidence: row["confidence"], fidelity: fidelity,
                    origin: PairOrigin(rawValue: row["origin"]) ?? .importer, parent: parent.map(PairID.init(rawValue:)))
    }
}
