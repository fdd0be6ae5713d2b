/// Everything one input yields: what an importer returns, and what the store writes in one transaction.
public struct ImportBatch: Hashable, Sendable {
    public var documents: [Document]
    public var passages: [Passage]
    /// Pairs this input alone reveals (a quote and its embedded tweet, the halves of a bilingual list).
    public var pairs: [Pair]
    public var figures: [Figure]
    public var alignedUnits: [AlignedUnit]
    /// Things a reader should know that did not stop the import ("unmapped category line 14: ...").
    public var warnings: [String]

    public init(documents: [Document] = [], passages: [Passage] = [], pairs: [Pair] = [], figures: [Figure] = [],
                alignedUnits: [AlignedUnit] = [], warnings: [String] = []) {
        self.documents = documents
        self.passages = passages
        self.pairs = pairs
        self.figures = figures
        self.alignedUnits = alignedUnits
        self.warnings = warnings
    }

    public var isEmpty: Bool { documents.isEmpty && pairs.isEmpty }

    /// Adds another batch's records after this one's.
    public mutating func append(_ other: ImportBatch) {
        documents += other.documents
        passages += other.passages
        pairs += other.pairs
        figures += other.figures
        alignedUnits += other.alignedUnits
        warnings += other.warnings
    }

    /// The records in a stable order (documents, then their passages, figures, pairs, units), for golden
    /// files and for the external-importer protocol.
    public var records: [ArchiveRecord] {
        documents.map(ArchiveRecord.document) + passages.map(ArchiveRecord.passage)
            + figures.map(ArchiveRecord.figure) + pairs.map(ArchiveRecord.pair)
            + alignedUnits.map(ArchiveRecord.alignedUnit)
    }

    /// Rebuilds a batch from records in any order.
    public init(records: [ArchiveRecord], warnings: [String] = []) {
        self.init(warnings: warnings)
        for record in records {
            switch record {
            case .document(let r): documents.append(r)
            case .passage(let r): passages.append(r)
            case .pair(let r): pairs.append(r)
            case .figure(let r): figures.append(r)
            case .alignedUnit(let r): alignedUnits.append(r)
            }
        }
    }
}
