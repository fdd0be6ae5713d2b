import DiglotModel

/// One side of an exported pair: the text and the metadata exports print about it.
///
/// The store builds one per side with `ExportSide(document:passage:)`; tests build them directly.
///
/// ```swift
/// let side = ExportSide(document: bulletin, passage: nil)
/// side.exportedID   // "d1a2b…", or the id a TMX recorded when the document came from one
/// ```
public struct ExportSide: Hashable, Sendable {
    /// The document in this archive.
    public var documentID: DocumentID
    /// The passage, when the pair links passages rather than whole documents.
    public var passageID: PassageID?
    public var language: LanguageTag
    /// The passage text when the side is a passage, otherwise the document text.
    public var text: String
    public var kind: DocumentKind
    public var title: String?
    public var canonicalURL: String?
    public var published: PublishedDate?
    /// The document's kind-specific metadata (see `Document.metadata`).
    public var metadata: [String: String]

    public init(documentID: DocumentID, passageID: PassageID? = nil, language: LanguageTag, text: String,
                kind: DocumentKind, title: String? = nil, canonicalURL: String? = nil,
                published: PublishedDate? = nil, metadata: [String: String] = [:]) {
        self.documentID = documentID
        self.passageID = passageID
        self.language = language
        self.text = text
        self.kind = kind
        self.title = title
        self.canonicalURL = canonicalURL
        self.published = published
        self.metadata = metadata
    }

    /// The side for a document, or for one passage of it.
    public init(document: Document, passage: Passage? = nil) {
        self.init(documentID: document.id, passageID: passage?.id, language: passage?.language ?? document.language,
                  text: passage?.text ?? document.text, kind: document.kind, title: document.title,
                  canonicalURL: document.canonicalURL, published: document.published, metadata: document.metadata)
    }

    /// The document id that TMX and XLIFF exports print: the archive's own id, except for a document that came
    /// in from a TMX, which keeps the id that TMX recorded (`x-original-document`), so that export, import and
    /// export again give the same file.
    public var exportedID: String {
        metadata.isEmpty ? documentID.rawValue : metadata[TMXProvenance.document] ?? documentID.rawValue
    }
}

/// The document metadata keys under which the `tmx` importer records where a translation unit came from.
///
/// The importer (Plugins/TMXImporter) writes them; the exporters read them. The round-trip test in
/// DiglotExportTests fails if the two ever disagree.
public enum TMXProvenance {
    /// On each imported document: the document id its TMX named (`x-original-document`/`x-rendering-document`).
    public static let document = "tmx_document"
    /// On an imported original document: the pair id its TMX's `tuid`s were derived from.
    public static let pair = "tmx_pair"
    /// On an imported original document: the method the TMX recorded (`x-method`).
    public static let method = "tmx_method"
    /// All of them: what an export that prints no metadata reads of it.
    public static let keys: Set<String> = [document, pair, method]
}
