import DiglotModel

/// The columns of one stored row, read by position: the row a statement stands on (`ColumnReader`) or a row
/// copied out of it (`CopiedRows.Row`).
///
/// Why by position: GRDB's `Row` finds a column by its name, comparing it case-blind with every column before
/// it, and `Row.fetchAll` copies each row first. Reading a bulletin's passages back that way cost about 41,000
/// instructions a passage (callgrind, docs/performance.md, session 18), on the import's writing thread, where
/// bulletin pairing reads both bulletins of a day. One decoder per record serves every reader, so the column
/// lists below and the positions the decoders read cannot drift apart.
protocol RecordColumns {
    /// The column as text; a NULL reads as the empty string.
    func text(_ column: Int) -> String
    func optionalText(_ column: Int) -> String?
    func int(_ column: Int) -> Int
    func isNull(_ column: Int) -> Bool
}

extension RecordColumns {
    func optionalInt(_ column: Int) -> Int? { isNull(column) ? nil : int(column) }
}

extension ColumnReader: RecordColumns {
    func text(_ column: Int) -> String { text(Int32(column)) }
    func optionalText(_ column: Int) -> String? { optionalText(Int32(column)) }
    func int(_ column: Int) -> Int { int(Int32(column)) }
    func isNull(_ column: Int) -> Bool { isNull(Int32(column)) }
}

extension CopiedRows {
    /// One row of copied rows, for the decoders.
    struct Row: RecordColumns {
        let rows: CopiedRows
        let index: Int

        func text(_ column: Int) -> String { rows.text(index, column) }
        func optionalText(_ column: Int) -> String? { rows.optionalText(index, column) }
        func int(_ column: Int) -> Int { rows.int(index, column) }
        func isNull(_ column: Int) -> Bool { rows.isNull(index, column) }
    }

    func row(_ index: Int) -> Row { Row(rows: self, index: index) }
}

/// What a reader selects for each record, and how the selected row becomes the record.
enum StoredRecord {
    /// A passage's text from its row `passage` and `documentText`, its document's text.
    ///
    /// Since schema 8 a passage that repeats its span of its document is stored with an empty text
    /// (`ImportBatch.passagesStoredAsSpans`): the span is cut from the document here, where SQLite's
    /// `substr` counts characters as the model counts offsets, in Unicode scalars. A stored text (one that
    /// differs from its span, or any passage written before schema 8) is read as it is. A passage with an
    /// empty span reads as the empty text either way; an empty text over characters is refused by validation.
    static func passageText(_ passage: String, documentText: String) -> String {
        storedText(of: passage, orElse: span(of: passage, in: documentText))
    }

    /// `passageText` for a statement over `passages` alone: the document is looked up by its id, only for a
    /// passage stored as its span, and the span cut inside the lookup (cutting the lookup's value instead copied
    /// each document's text out of it first: +1 % instructions for an export).
    static let passageTextAlone = storedText(
        of: "passages",
        orElse: "(SELECT \(span(of: "passages", in: "d.text")) FROM documents AS d WHERE d.id = passages.document_id)")

    private static func storedText(of passage: String, orElse span: String) -> String {
        "CASE WHEN \(passage).text <> '' THEN \(passage).text ELSE \(span) END"
    }

    private static func span(of passage: String, in documentText: String) -> String {
        #"substr(\#(documentText), \#(passage).start + 1, \#(passage)."end" - \#(passage).start)"#
    }

    /// A passage's columns, in the order `passage(_:metadata:)` reads them, for a statement over `passages`.
    static let passageColumns = #"id, document_id, idx, role, start, "end", language, "# + passageTextAlone + ", metadata"
    /// Where `passageColumns` has the metadata.
    static let passageMetadata = 8

    /// The stored id is read, not derived again from the document and index: it is what pairs and figures name.
    static func passage(_ row: some RecordColumns, metadata: [String: String]) -> Passage {
        Passage(id: PassageID(rawValue: row.text(0)), documentID: DocumentID(rawValue: row.text(1)),
                index: row.int(2), role: PassageRole(rawValue: row.text(3)), start: row.int(4), end: row.int(5),
                language: LanguageTag(rawValue: row.text(6)), text: row.text(7), metadata: metadata)
    }

    /// A document's columns, in the order `document(_:metadata:)` reads them.
    static let documentColumnNames = ["id", "kind", "language", "declared_language", "title", "author",
                                      "publisher", "published", "canonical_url", "text", "source_id", "metadata"]
    static let documentColumns = documentColumnNames.map { "\"\($0)\"" }.joined(separator: ", ")
    /// Where `documentColumns` has the metadata.
    static let documentMetadata = 11
    /// `documentColumns` and then the arrival number, read by `sequence(_:)`.
    static let documentColumnsWithSequence = documentColumns + ", seq"

    /// The arrival number of a row selected as `documentColumnsWithSequence`.
    static func sequence(_ row: some RecordColumns) -> Int64 { Int64(row.int(documentColumnNames.count)) }

    static func document(_ row: some RecordColumns, metadata: [String: String]) -> Document {
        Document(id: DocumentID(rawValue: row.text(0)), kind: DocumentKind(rawValue: row.text(1)) ?? .article,
                 language: LanguageTag(rawValue: row.text(2)),
                 declaredLanguage: row.optionalText(3).map(LanguageTag.init(rawValue:)),
                 title: row.optionalText(4), author: row.optionalText(5), publisher: row.optionalText(6),
                 published: row.optionalText(7).flatMap(PublishedDate.init(iso:)),
                 canonicalURL: row.optionalText(8), text: row.text(9),
                 sourceID: row.optionalText(10).map(SourceID.init(rawValue:)), metadata: metadata)
    }

    /// A figure's columns, in the order `figure(_:)` reads them.
    static let figureColumns = "document_id, date, category, total, delta, qualifier, language, label, passage_id"

    static func figure(_ row: some RecordColumns) -> Figure {
        Figure(documentID: DocumentID(rawValue: row.text(0)), date: row.text(1),
               category: FigureCategory(rawValue: row.text(2)) ?? .personnel, total: row.int(3),
               delta: row.optionalInt(4), qualifier: row.optionalText(5),
               language: LanguageTag(rawValue: row.text(6)), label: row.optionalText(7),
               passageID: row.optionalText(8).map(PassageID.init(rawValue:)))
    }
}
