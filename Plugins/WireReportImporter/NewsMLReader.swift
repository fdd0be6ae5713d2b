import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads IPTC NewsML-G2 text items: `newsItem` (alone or in a `newsMessage`'s `itemSet`) with
/// `itemMeta/versionCreated`, `itemMeta/link`, `contentMeta/headline`, `by`, `dateline`, `located`,
/// `language/@tag`, and the body as XHTML inside `contentSet/inlineXML`.
enum NewsMLReader {
    static func read(_ document: MarkupDocument, input: ImportInput) throws -> [WireReport] {
        guard let root = document.root else { throw input.error("is an empty XML document") }
        let items = root.name == "newsItem" ? [root] : root.all(named: "newsItem")
        guard !items.isEmpty else { throw input.error("is NewsML-G2 but holds no newsItem") }
        return try items.enumerated().map { index, item in try report(item, index: index, input: input) }
    }

    private static func report(_ item: MarkupNode, index: Int, input: ImportInput) throws -> WireReport {
        let itemMeta = item.first(named: "itemMeta")
        let contentMeta = item.first(named: "contentMeta")
        func text(_ name: String, in node: MarkupNode?) -> String? {
            node?.first(named: name).map { $0.renderedText }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let guid = item.attribute("guid")
        let link = itemMeta?.children(named: "link").compactMap { $0.attribute("href") }.first { $0.hasPrefix("http") }
        let language = contentMeta?.first(named: "language")?.attribute("tag")
            ?? item.attribute("lang", namespace: MarkupNode.xmlNamespace)
        let provider = itemMeta?.first(named: "provider").flatMap { $0.attribute("literal") ?? $0.attribute("qcode") }
            .map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        var located = contentMeta?.first(named: "located").flatMap { text("name", in: $0) }
        if located == nil { located = contentMeta?.first(named: "located")?.attribute("literal") }
        var report = WireReport(
            naturalKey: "wire-report:" + (guid ?? link ?? "\(input.sourceID.rawValue):\(index)"),
            headline: text("headline", in: contentMeta), byline: WireReport.cleanByline(text("by", in: contentMeta)),
            statedDateline: text("dateline", in: contentMeta) ?? located,
            agency: text("creditline", in: contentMeta) ?? provider.map(agencyName),
            published: (text("versionCreated", in: itemMeta) ?? text("firstCreated", in: itemMeta)).flatMap(PublishedDate.init(iso:)),
            canonicalURL: link, declaredLanguage: language)
        guard let inline = item.first(named: "inlineXML") ?? item.first(named: "inlineData") else {
            throw input.error("newsItem \(guid ?? String(index + 1)) has no inlineXML body", line: item.line)
        }
        let xhtmlBody = inline.first(named: "body") ?? inline
        let blocks = ArticleBlocks.read(xhtmlBody)
        report.blocks = blocks.isEmpty ? [(inline.renderedText, .paragraph)]
            : blocks.map { ($0.text, $0.kind == .caption ? .caption : .paragraph) }
        guard report.hasBody, !(report.blocks.first?.text.isEmpty ?? true) else {
            throw input.error("newsItem \(guid ?? String(index + 1)) has an empty body", line: item.line)
        }
        return report
    }

    /// "REUTERS" → "Reuters", "AP" stays.
    private static func agencyName(_ code: String) -> String {
        Dateline.agencies.first { $0.caseInsensitiveCompare(code) == .orderedSame } ?? code
    }
}
