import DiglotImporting
import DiglotLanguage
import DiglotModel

/// One report as a reader found it, before it becomes a `wire-report` document.
struct WireReport {
    enum BlockKind { case paragraph, caption }

    var naturalKey: String
    var headline: String?
    var byline: String?
    /// A dateline the format states apart from the body (NewsML `dateline`); otherwise read from the body.
    var statedDateline: String?
    var agency: String?
    var published: PublishedDate?
    var canonicalURL: String?
    var declaredLanguage: String?
    var publisher: String?
    var blocks: [(text: String, kind: BlockKind)]

    init(naturalKey: String, headline: String? = nil, byline: String? = nil, statedDateline: String? = nil,
         agency: String? = nil, published: PublishedDate? = nil, canonicalURL: String? = nil,
         declaredLanguage: String? = nil, publisher: String? = nil, blocks: [(text: String, kind: BlockKind)] = []) {
        self.naturalKey = naturalKey
        self.headline = headline
        self.byline = byline
        self.statedDateline = statedDateline
        self.agency = agency
        self.published = published
        self.canonicalURL = canonicalURL
        self.declaredLanguage = declaredLanguage
        self.publisher = publisher
        self.blocks = blocks
    }

    var hasBody: Bool { blocks.contains { $0.kind == .paragraph } }

    /// "By Jane Dalton and Max Hunder" → "Jane Dalton and Max Hunder".
    static func cleanByline(_ text: String?) -> String? {
        guard var text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if text.quickLowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
        return text.trimmingSpaces()
    }

    /// The document, its passages (headline, paragraphs with quotes and citations marked, captions).
    func document(sourceID: SourceID) -> (Document, [Passage]) {
        let id = DocumentID(naturalKey: naturalKey)
        var blocks = self.blocks
        var dateline: Dateline?
        if let first = blocks.firstIndex(where: { $0.kind == .paragraph }), let found = Dateline.parse(blocks[first].text) {
            dateline = found
            blocks[first].text = String(scalars: blocks[first].text.unicodeScalars.dropFirst(found.length))
        }
        let body = blocks.filter { $0.kind == .paragraph }.map(\.text).joined(separator: "\n")
        let language = LanguageDetector.detect(body)
        var builder = PassageBuilder(documentID: id, language: language)
        if let headline { builder.append(headline, role: .headline) }
        var lastSpeaker: String?
        for block in blocks where !block.text.isEmpty {
            if block.kind == .caption {
                builder.append(block.text, role: .caption)
                continue
            }
            var spans: [MarkedSpan] = []
            let quotes = QuotationFinder.quotations(in: block.text, previousSpeaker: lastSpeaker)
            for quote in quotes {
                spans.append(MarkedSpan(start: quote.start, end: quote.end, role: .quote,
                                        metadata: quote.speaker.map { ["speaker": $0] } ?? [:]))
                lastSpeaker = quote.speaker ?? lastSpeaker
            }
            for citation in CitationFinder.citations(in: block.text) {
                if let overlapping = spans.firstIndex(where: { $0.start < citation.end && citation.start < $0.end }) {
                    spans[overlapping].metadata["outlet"] = citation.outlet
                } else {
                    spans.append(MarkedSpan(start: citation.start, end: citation.end, role: .citation,
                                            metadata: ["outlet": citation.outlet]))
                }
            }
            builder.appendParagraph(block.text, spans: spans)
        }
        var metadata: [String: String] = [:]
        metadata["dateline"] = statedDateline ?? dateline?.text
        metadata["byline"] = byline
        metadata["agency"] = agency ?? dateline?.agency
        metadata["place"] = dateline?.place
        let document = Document(id: id, kind: .wireReport, language: language,
                                declaredLanguage: declaredLanguage.map(LanguageTag.init(bcp47:)), title: headline,
                                author: byline, publisher: publisher ?? metadata["agency"], published: published,
                                canonicalURL: canonicalURL, text: builder.text, sourceID: sourceID, metadata: metadata)
        return (document, builder.passages)
    }
}
