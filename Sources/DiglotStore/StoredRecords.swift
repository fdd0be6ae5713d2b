import DiglotModel

/// A source as the archive describes it, without its bytes.
public struct StoredSource: Hashable, Sendable {
    public var id: SourceID
    public var mediaType: String
    public var fileName: String?
    public var originURL: String?
    /// ISO 8601, UTC.
    public var importedAt: String
    public var importerID: String
    public var importerVersion: String
    public var byteCount: Int
}

/// What writing one input did.
public struct WriteOutcome: Hashable, Sendable {
    /// The same bytes were already stored: nothing was written.
    public var isDuplicate: Bool
    public var documentsAdded: Int
    /// Documents of the batch the archive already held (from another source); they gained a source link.
    public var documentsLinked: Int
    public var passagesAdded: Int
    public var pairsAdded: Int
    public var figuresAdded: Int

    public static let duplicate = WriteOutcome(isDuplicate: true, documentsAdded: 0, documentsLinked: 0,
                                               passagesAdded: 0, pairsAdded: 0, figuresAdded: 0)
}

/// A stored document with everything `diglot show` prints.
public struct StoredDocument: Hashable, Sendable {
    public var document: Document
    /// Its arrival number: later documents have larger ones.
    public var sequence: Int64
    /// Every source it was read from, the first one first.
    public var sources: [StoredSource]
    public var passages: [Passage]
    public var pairs: [PairLink]
}

/// One pair seen from one of its documents.
public struct PairLink: Hashable, Sendable {
    public enum Role: String, Sendable { case original, rendering }

    public var pair: Pair
    /// Which side of the pair this document (or one of its passages) is.
    public var role: Role
    public var partnerDocument: DocumentID
    public var partnerLanguage: LanguageTag
}

/// A document as `diglot list` shows it.
public struct DocumentSummary: Hashable, Sendable {
    public var id: DocumentID
    public var sequence: Int64
    public var kind: DocumentKind
    public var language: LanguageTag
    public var title: String?
    public var published: String?
    /// The file name or URL of the document's first source.
    public var source: String?
}

/// A pair with both sides' documents, languages and texts, as `diglot pairs` and exports read it.
public struct PairRow: Hashable, Sendable {
    public var pair: Pair
    public var originalDocument: DocumentID
    public var originalLanguage: LanguageTag
    public var originalText: String
    public var renderingDocument: DocumentID
    public var renderingLanguage: LanguageTag
    public var renderingText: String
}

/// Which pairs to read: nil means any language.
public struct PairFilter: Hashable, Sendable {
    public var originalLanguage: LanguageTag?
    public var renderingLanguage: LanguageTag?

    public init(originalLanguage: LanguageTag? = nil, renderingLanguage: LanguageTag? = nil) {
        self.originalLanguage = originalLanguage
        self.renderingLanguage = renderingLanguage
    }
}

/// Which figures to read; dates are `YYYY-MM-DD` and inclusive.
public struct FigureFilter: Hashable, Sendable {
    public var from: String?
    public var to: String?
    public var category: FigureCategory?

    public init(from: String? = nil, to: String? = nil, category: FigureCategory? = nil) {
        self.from = from
        self.to = to
        self.category = category
    }
}

/// Counts over the whole archive.
public struct ArchiveStatistics: Hashable, Sendable {
    public var documents: Int
    public var sources: Int
    public var passages: Int
    public var pairs: Int
    public var figures: Int
    public var languages: [String: Int]
    public var kinds: [String: Int]
}
