import DiglotModel

/// A batch of pairs as `PairRecordCursor.nextBatch` reads them: the rows of `pairs` and of every passage,
/// document and aligned unit they need, copied out of SQLite but not yet made into records. A
/// `PairRecordDecoder` makes the records, on whatever thread suits the caller.
///
/// An export reads batches on one thread and decodes and writes them on another, so that building a
/// million pairs' strings and values no longer waits on SQLite, nor SQLite on them.
public struct PairRecordBatch: Sendable {
    /// What the query asked to read, which decides what is decoded.
    struct Reading: Sendable {
        var fidelityIssues: Bool
        var metadataKeys: Set<String>?
    }

    /// Where a pair's other rows are: row numbers in the batch's copied rows, -1 for none.
    struct Item: Sendable {
        var originalPassage: Int32 = -1
        var renderingPassage: Int32 = -1
        /// A side that is a passage refers to `documentsWithoutText`, a whole document to `documentsWithText`.
        var originalDocument: Int32 = -1
        var renderingDocument: Int32 = -1
    }

    let reading: Reading
    /// `PairRecordCursor.pairColumns` per pair, in arrival order.
    var pairs = CopiedRows(columns: PairRecordCursor.pairColumns)
    var items: [Item] = []
    var passages = CopiedRows(columns: PairRecordCursor.passageColumns)
    var documentsWithText = CopiedRows(columns: StoredRecord.documentColumnNames.count)
    var documentsWithoutText = CopiedRows(columns: StoredRecord.documentColumnNames.count)
    /// Aligned units in pair order, then index order; `unitOwners` gives each one's pair (its item number).
    var units = CopiedRows(columns: PairRecordCursor.unitColumns)
    var unitOwners: [Int32] = []

    /// Pairs in the batch (a pair whose document is missing gives no record).
    public var count: Int { items.count }
}

/// Makes `PairRecordBatch`es into records.
///
/// It remembers the last fidelity report it decoded (a bulletin's line pairs share their report and come one
/// after another), so it is meant for one thread: each thread that decodes keeps its own.
public final class PairRecordDecoder: @unchecked Sendable {
    /// The last fidelity report decoded, with its JSON. Decoding each with `JSONDecoder` was an eighth of an
    /// export's time; most other pairs have the empty `ok` report, read without it.
    private var lastFidelity: (json: String, report: FidelityReport)?
    private static let okFidelityJSON = #"{"issues":[],"status":"ok"}"#

    public init() {}

    /// The batch's records in arrival order; a pair whose document is missing (an archive edited by hand) is
    /// left out, as a join would leave it out.
    public func records(of batch: PairRecordBatch) -> [PairRecord] {
        let keys = batch.reading.metadataKeys
        let quotedKeys = keys.map(StoreJSON.QuotedKeys.init)
        // A bulletin's line pairs name the same two documents and the cursor looked each up once: decode once.
        var withText = [Document?](repeating: nil, count: batch.documentsWithText.count)
        var withoutText = [Document?](repeating: nil, count: batch.documentsWithoutText.count)
        func document(_ row: Int32, hasPassage: Bool) -> Document? {
            guard row >= 0 else { return nil }
            let index = Int(row)
            if hasPassage {
                if let done = withoutText[index] { return done }
                withoutText[index] = Self.document(batch.documentsWithoutText, index, keys, quotedKeys)
                return withoutText[index]
            }
            if let done = withText[index] { return done }
            withText[index] = Self.document(batch.documentsWithText, index, keys, quotedKeys)
            return withText[index]
        }
        var units = [[AlignedUnit]](repeating: [], count: batch.items.count)
        for row in 0..<batch.units.count {
            let owner = Int(batch.unitOwners[row])
            units[owner].append(AlignedUnit(pairID: PairID(rawValue: batch.pairs.text(owner, 0)), index: batch.units.int(row, 1),
                                            originalText: batch.units.text(row, 2), renderingText: batch.units.text(row, 3),
                                            pattern: batch.units.text(row, 4)))
        }
        var records: [PairRecord] = []
        records.reserveCapacity(batch.items.count)
        for (index, item) in batch.items.enumerated() {
            let originalPassage = item.originalPassage >= 0 ? Self.passage(batch.passages, Int(item.originalPassage), keys) : nil
            let renderingPassage = item.renderingPassage >= 0 ? Self.passage(batch.passages, Int(item.renderingPassage), keys) : nil
            guard let originalDocument = document(item.originalDocument, hasPassage: originalPassage != nil),
                  let renderingDocument = document(item.renderingDocument, hasPassage: renderingPassage != nil)
            else { continue }
            records.append(PairRecord(pair: pair(batch.pairs, index, reading: batch.reading),
                                      originalDocument: originalDocument, originalPassage: originalPassage,
                                      renderingDocument: renderingDocument, renderingPassage: renderingPassage,
                                      alignedUnits: units[index]))
        }
        return records
    }

    private func pair(_ rows: CopiedRows, _ row: Int, reading: PairRecordBatch.Reading) -> Pair {
        let original = rows.text(row, 1), rendering = rows.text(row, 2)
        let status = FidelityReport.Status(rawValue: rows.text(row, 5)) ?? .unchecked
        let fidelity = reading.fidelityIssues ? self.fidelity(rows.optionalText(row, 6)) ?? FidelityReport(status: status)
            : FidelityReport(status: status)
        return Pair(id: PairID(rawValue: rows.text(row, 0)),
                    original: PairSide(rawValue: original) ?? .document(DocumentID(rawValue: original)),
                    rendering: PairSide(rawValue: rendering) ?? .document(DocumentID(rawValue: rendering)),
                    method: PairMethod(rawValue: rows.text(row, 3)), confidence: rows.double(row, 4), fidelity: fidelity,
                    origin: PairOrigin(rawValue: rows.text(row, 7)) ?? .importer,
                    parent: rows.optionalText(row, 8).map(PairID.init(rawValue:)))
    }

    private func fidelity(_ json: String?) -> FidelityReport? {
        guard let json else { return nil }
        if let last = lastFidelity, last.json == json { return last.report }
        guard let report = json == Self.okFidelityJSON ? FidelityReport.ok : StoreJSON.fidelity(json)
        else { return nil }
        lastFidelity = (json, report)
        return report
    }

    /// A document from `StoredRecord.documentColumns`.
    private static func document(_ rows: CopiedRows, _ row: Int, _ keys: Set<String>?,
                                 _ quotedKeys: StoreJSON.QuotedKeys?) -> Document {
        StoredRecord.document(rows.row(row), metadata: metadata(rows, row, StoredRecord.documentMetadata, keys, quotedKeys))
    }

    /// A document's metadata, or the keys of it the query reads: a column that cannot hold any of them is
    /// not made a string at all.
    private static func metadata(_ rows: CopiedRows, _ row: Int, _ column: Int, _ keys: Set<String>?,
                                 _ quotedKeys: StoreJSON.QuotedKeys?) -> [String: String] {
        guard let keys, let quotedKeys else { return StoreJSON.metadata(rows.optionalText(row, column)) }
        guard rows.withBytes(row, column, { quotedKeys.mayOccur(in: $0) }) else { return [:] }
        return StoreJSON.metadata(rows.text(row, column), keepingOnly: keys)
    }

    /// A passage from `StoredRecord.passageColumns`.
    private static func passage(_ rows: CopiedRows, _ row: Int, _ keys: Set<String>?) -> Passage {
        StoredRecord.passage(rows.row(row),
                             metadata: keys == nil ? StoreJSON.metadata(rows.optionalText(row, StoredRecord.passageMetadata)) : [:])
    }
}
