import DiglotExport
import DiglotModel
import DiglotStore

extension DiglotArchive {
    /// How many search hits `export(… query:)` collects: the pairs exported are those of the best this many
    /// documents matching the query (and of the documents paired with them).
    public static let exportQueryHitLimit = 1000

    /// Exports the pairs that pass `filter` (and, with `query`, belong to that search's hits), streaming from
    /// the store to the format's writer a batch at a time: the store is read on this thread while the pairs
    /// are decoded and the format written on another (`Exporter.exportOnTwoThreads`).
    ///
    /// ```swift
    /// let summary = try archive.export(format: .tmx(), filter: ExportFilter(minimumConfidence: 0.8),
    ///                                  to: .standardOutput)
    /// ```
    /// - Parameter query: words as `diglot search` takes them; the pairs kept are those with either side in a
    ///   matching document or in a document paired with one (the first `exportQueryHitLimit` hits).
    /// - Throws: `ExportError` (a direction the format cannot hold, an output that fails) or `StoreError`.
    @discardableResult
    public func export(format: any ExportFormat, filter: ExportFilter = ExportFilter(), query: String? = nil,
                       to destination: ExportDestination) throws -> ExportSummary {
        var recordQuery = PairRecordQuery(filter)
        recordQuery.readsFidelityIssues = format.printsFidelityIssues
        recordQuery.metadataKeys = format.printsMetadata ? nil : TMXProvenance.keys
        recordQuery.readsDocumentDetails = false
        if let query { recordQuery.documents = try documents(matching: query) }
        // The batches' rows are copied from SQLite on this thread and made into records on the writer's
        // (with its own decoder): making them was half of this thread's work.
        let decoder = PairRecordDecoder()
        return try store.readPairRecords(recordQuery) { cursor in
            try Exporter.exportOnTwoThreads(format: format, to: destination, nextBatch: { try cursor.nextBatch() }) { batch in
                decoder.records(of: batch).map(ExportPair.init).filter(filter.matches)
            }
        }
    }

    /// The documents a search finds, with the documents paired with them.
    func documents(matching query: String) throws -> Set<DocumentID> {
        let hits = try store.search(SearchRequest(text: query, limit: Self.exportQueryHitLimit))
        return Set(hits.flatMap { hit in [hit.document] + hit.pairs.map(\.document) })
    }
}

extension PairRecordQuery {
    /// The store query for an export filter: every condition of the filter is one SQL condition.
    init(_ filter: ExportFilter) {
        self.init(originalLanguage: filter.sourceLanguage, renderingLanguage: filter.targetLanguage, from: filter.from,
                  to: filter.to, kind: filter.kind, method: filter.method, minimumConfidence: filter.minimumConfidence,
                  fidelityOK: filter.fidelityOK)
    }
}

extension ExportPair {
    /// The export form of a stored pair.
    init(_ record: PairRecord) {
        self.init(pair: record.pair,
                  original: ExportSide(document: record.originalDocument, passage: record.originalPassage),
                  rendering: ExportSide(document: record.renderingDocument, passage: record.renderingPassage),
                  units: record.alignedUnits)
    }
}
