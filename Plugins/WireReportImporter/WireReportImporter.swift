import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads wire reports and their republications: article pages (furniture removed), plain-text copies,
/// IPTC NewsML-G2 items, RSS 2.0 and Atom feeds. Each report becomes a `wire-report` document with its
/// dateline, byline and agency, its quotes (with speakers) and the outlets it cites as passages.
///
/// ```swift
/// let batch = try WireReportImporter(configuration: .default).read(ImportInput(bytes: feed, fileName: "w.rss"))
/// ```
public struct WireReportImporter: Importer {
    public static let identifier = "wire-report"
    public static let summary = "Wire reports: article pages, plain-text copies, NewsML-G2, RSS and Atom feeds"
    public static let version = "1"
    public static let mediaTypes = ["application/vnd.iptc.g2.newsitem+xml", "application/rss+xml",
                                    "application/atom+xml", "text/html", "text/plain"]

    let configuration: ImporterConfiguration

    public init(configuration: ImporterConfiguration) { self.configuration = configuration }

    /// Above the generic article importer (≈0.3) when NewsML, a feed, a dateline or an agency marker is
    /// present; 0 for tweet embeds and General Staff bulletins, which have importers of their own.
    public static func confidence(for input: ImportInput) -> Double {
        let head = String(decoding: input.bytes.prefix(256 << 10), as: UTF8.self)
        let start = head.prefix(2048)
        if start.contains("<newsItem") || start.contains("<newsMessage") { return 0.95 }
        if start.contains("<rss") || (start.contains("<feed") && start.contains("http://www.w3.org/2005/Atom")) { return 0.85 }
        if head.contains("twitter-tweet") || head.contains("pic.twitter.com/") { return 0 }
        if head.contains("бойові втрати") || head.contains("combat losses of the enemy") { return 0 }
        let isHTML = start.lowercased().contains("<html") || start.lowercased().contains("<!doctype")
        let visible = isHTML ? head.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression) : head
        if Dateline.hasAgencyDateline(in: visible) { return 0.7 }
        let markers = ["(Reuters)", "(AP)", "(AFP)", "Reuters/", "REUTERS/", "AP Photo", "told TASS", "news agency"]
        if markers.contains(where: { visible.contains($0) }) { return 0.45 }
        return 0
    }

    /// - Throws: `ImportError` naming the file: malformed XML (with libxml2's line and column), a feed with
    ///   no items, a page with no article body, input over the size limit.
    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("is \(input.bytes.count) bytes, over the \(configuration.maximumInputBytes)-byte limit")
        }
        let text = try input.text()
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(2048)
        let reports: [WireReport]
        if start.hasPrefix("<?xml") || start.hasPrefix("<rss") || start.hasPrefix("<feed") || start.hasPrefix("<newsItem")
            || start.hasPrefix("<newsMessage") {
            let document = try xml(input)
            let rootName = document.root?.name ?? ""
            if rootName == "rss" || rootName == "feed" || rootName == "RDF" {
                reports = try FeedReader.read(document, input: input)
            } else if rootName == "newsItem" || rootName == "newsMessage" {
                reports = try NewsMLReader.read(document, input: input)
            } else {
                throw input.error("is XML with root <\(rootName)>, neither NewsML-G2 nor an RSS or Atom feed")
            }
        } else if start.lowercased().contains("<html") || start.lowercased().hasPrefix("<!doctype") || start.hasPrefix("<") {
            let page: MarkupDocument
            do {
                page = try MarkupDocument.html(Data(text.utf8), fileName: input.fileName,
                                               limits: .init(maximumDepth: configuration.maximumNestingDepth))
            } catch let error as MarkupError {
                throw input.error(error.message, line: error.line, column: error.column)
            }
            reports = [try WireHTMLReader.read(page, input: input)]
        } else {
            reports = [try WirePlainTextReader.read(text, input: input)]
        }
        var batch = ImportBatch()
        var seen = Set<DocumentID>()
        for report in reports {
            let (document, passages) = report.document(sourceID: input.sourceID)
            guard seen.insert(document.id).inserted else {
                batch.warnings.append("report \(report.naturalKey) appears twice; the second copy is skipped")
                continue
            }
            batch.documents.append(document)
            batch.passages += passages
        }
        return batch
    }

    private func xml(_ input: ImportInput) throws -> MarkupDocument {
        do {
            return try MarkupDocument.xml(input.bytes, fileName: input.fileName,
                                          limits: .init(maximumDepth: configuration.maximumNestingDepth,
                                                        maximumEntityExpansion: configuration.maximumEntityExpansion))
        } catch let error as MarkupError {
            throw input.error(error.message, line: error.line, column: error.column)
        }
    }
}
