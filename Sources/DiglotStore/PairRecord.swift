import DiglotModel

/// One pair with everything an export prints about it: both sides' documents (metadata included), the
/// passages when a side is a passage, and the aligner's units. A side that is a passage carries its
/// document without the text (`text` is empty): the passage is what is exported.
///
/// `ArchiveStore.readPairRecords(_:_:)` hands these out one at a time; nothing keeps them afterwards. A query
/// may leave parts out that its reader does not print (`readsFidelityIssues`, `metadataKeys`,
/// `readsDocumentDetails`).
public struct PairRecord: Hashable, Sendable {
    public var pair: Pair
    public var originalDocument: Document
    /// The original passage when the pair links passages; nil for a whole document.
    public var originalPassage: Passage?
    public var renderingDocument: Document
    public var renderingPassage: Passage?
    /// In index order; empty when the pair is not aligned.
    public var alignedUnits: [AlignedUnit]
}

/// Which pairs `readPairRecords` reads; every condition set must hold, nil means "any".
///
/// ```swift
/// let query = PairRecordQuery(originalLanguage: .ukrainian, from: "2022-03-01", minimumConfidence: 0.8)
/// ```
public struct PairRecordQuery: Hashable, Sendable {
    /// The language of the original side (the passage's when the side is a passage).
    public var originalLanguage: LanguageTag?
    public var renderingLanguage: LanguageTag?
    /// First day included, `YYYY-MM-DD`, compared with the UTC day of the original document's publication;
    /// a date condition leaves out pairs whose original has no publication date.
    public var from: String?
    /// Last day included, `YYYY-MM-DD`.
    public var to: String?
    /// The original document's kind.
    public var kind: DocumentKind?
    public var method: PairMethod?
    public var minimumConfidence: Double?
    /// Only pairs whose fidelity status is `ok`.
    public var fidelityOK: Bool
    /// Only pairs with either side in one of these documents (a search's hits); nil for no such condition.
    public var documents: Set<DocumentID>?
    /// Whether each pair's fidelity report is read whole. When false, `Pair.fidelity` carries the status
    /// alone, without its issues: TMX, XLIFF, CSV and Moses print only the status, and decoding every
    /// report's JSON was a tenth of an export.
    public var readsFidelityIssues: Bool
    /// The keys of each document's metadata that are read; nil for all. Passages' metadata is then not read.
    /// An export other than JSON Lines needs only the keys a TMX import records (`TMXProvenance`).
    public var metadataKeys: Set<String>?
    /// Whether each document's declared language, author, publisher and source are read; when false they are
    /// nil. No export prints them (`ExportSide` has no place for them), and making their strings for every
    /// document looked up was a twentieth of an export's reading.
    public var readsDocumentDetails: Bool

    public init(originalLanguage: LanguageTag? = nil, renderingLanguage: LanguageTag? = nil, from: String? = nil,
                to: String? = nil, kind: DocumentKind? = nil, method: PairMethod? = nil,
                minimumConfidence: Double? = nil, fidelityOK: Bool = false, documents: Set<DocumentID>? = nil,
                readsFidelityIssues: Bool = true, metadataKeys: Set<String>? = nil, readsDocumentDetails: Bool = true) {
        self.originalLanguage = originalLanguage
        self.renderingLanguage = renderingLanguage
        self.from = from
        self.to = to
        self.kind = kind
        self.method = method
        self.minimumConfidence = minimumConfidence
        self.fidelityOK = fidelityOK
        self.documents = documents
        self.readsFidelityIssues = readsFidelityIssues
        self.metadataKeys = metadataKeys
        self.readsDocumentDetails = readsDocumentDetails
    }
}
