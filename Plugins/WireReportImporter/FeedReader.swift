import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads RSS 2.0 and Atom feeds: each item or entry a report. `content:encoded` (RSS) or `content`
/// (Atom) is preferred over `description` / `summary`; HTML inside is decoded and read like a page body.
enum FeedReader {
    static func read(_ document: MarkupDocument, input: ImportInput) throws -> [WireReport] {
        guard let root = document.root else { throw input.error("is an empty XML document") }
        let isAtom = root.name == "feed"
        let entries = isAtom ? root.children(named: "entry") : root.all(named: "item")
        guard !entries.isEmpty else {
            throw input.error(isAtom ? "is an Atom feed with no entries" : "is an RSS feed with no items")
        }
        let feedTitle = isAtom ? root.children(named: "title").first?.renderedText
                               : root.first(named: "channel")?.children(named: "title").first?.renderedText
        let feedLanguage = root.first(named: "channel")?.children(named: "language").first?.renderedText
            ?? root.attribute("lang", namespace: MarkupNode.xmlNamespace)
        return try entries.enumerated().compactMap { index, entry in
            let report = try isAtom ? atom(entry, index: index, input: input) : rss(entry, index: index, input: input)
            var complete = report
            complete.publisher = complete.publisher ?? feedTitle
            complete.declaredLanguage = complete.declaredLanguage ?? feedLanguage
            return complete
        }
    }

    private static func child(_ node: MarkupNode, _ name: String) -> String? {
        node.children.first { $0.name == name }.map { $0.text.trimmingWhitespace() }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func rss(_ item: MarkupNode, index: Int, input: ImportInput) throws -> WireReport {
        let link = child(item, "link")
        let guid = child(item, "guid")
        let html = child(item, "encoded") ?? child(item, "description") ?? ""
        var report = WireReport(naturalKey: "wire-report:" + (guid ?? link ?? "\(input.sourceID.rawValue):\(index)"),
                                headline: child(item, "title").map(plain),
                                byline: WireReport.cleanByline(child(item, "creator") ?? child(item, "author")),
                                published: child(item, "pubDate").flatMap(rfc822) ?? child(item, "date").flatMap(PublishedDate.init(iso:)),
                                canonicalURL: link)
        report.blocks = try blocks(html, input: input, item: index, line: item.line)
        return report
    }

    private static func atom(_ entry: MarkupNode, index: Int, input: ImportInput) throws -> WireReport {
        let link = entry.children(named: "link").first { ($0.attribute("rel") ?? "alternate") == "alternate" }?.attribute("href")
        let id = child(entry, "id")
        let html = child(entry, "content") ?? child(entry, "summary") ?? ""
        let author = entry.children(named: "author").first.flatMap { child($0, "name") }
        var report = WireReport(naturalKey: "wire-report:" + (id ?? link ?? "\(input.sourceID.rawValue):\(index)"),
                                headline: child(entry, "title").map(plain), byline: WireReport.cleanByline(author),
                                published: (child(entry, "published") ?? child(entry, "updated")).flatMap(PublishedDate.init(iso:)),
                                canonicalURL: link,
                                declaredLanguage: entry.attribute("lang", namespace: MarkupNode.xmlNamespace))
        report.blocks = try blocks(html, input: input, item: index, line: entry.line)
        return report
    }

    /// The escaped HTML of an item's content, read as a page body.
    private static func blocks(_ html: String, input: ImportInput, item: Int, line: Int) throws -> [(text: String, kind: WireReport.BlockKind)] {
        guard !html.isEmpty else { throw input.error("feed item \(item + 1) has no content or description", line: line) }
        let page = try MarkupDocument.html(Data("<html><body>\(html)</body></html>".utf8), fileName: input.fileName)
        guard let body = page.root?.first(named: "body") else { return [(plain(html), .paragraph)] }
        let blocks = ArticleBlocks.read(body)
        if blocks.isEmpty { return [(body.renderedText, .paragraph)] }
        return blocks.map { ($0.text, $0.kind == .caption ? .caption : .paragraph) }
    }

    /// A title that may hold HTML entities or tags, as plain text.
    private static func plain(_ text: String) -> String {
        guard text.contains("<") || text.contains("&"),
              let page = try? MarkupDocument.html(Data("<html><body><p>\(text)</p></body></html>".utf8), fileName: "title"),
              let body = page.root?.first(named: "body") else { return text }
        return body.renderedText
    }

    /// RSS dates: "Wed, 02 Mar 2022 14:05:00 GMT" / "+0200".
    private static func rfc822(_ text: String) -> PublishedDate? { RFC822Date.parse(text) }
}
