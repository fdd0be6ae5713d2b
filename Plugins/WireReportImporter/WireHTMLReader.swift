import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads an article page holding a report: headline, byline, publication time, body paragraphs and
/// captions, with page furniture left out (see `Boilerplate`).
enum WireHTMLReader {
    /// - Throws: `ImportError` when the page has no recognisable article body.
    static func read(_ page: MarkupDocument, input: ImportInput) throws -> WireReport {
        let meta = PageMetadata(page)
        guard let body = ArticleBlocks.bodyRoot(of: page) else { throw input.error("has no HTML body") }
        var report = WireReport(naturalKey: "wire-report:" + (meta.canonicalURL ?? input.sourceID.rawValue),
                                headline: meta.title, byline: WireReport.cleanByline(meta.author),
                                published: meta.published.flatMap(PublishedDate.init(iso:)),
                                canonicalURL: meta.canonicalURL, declaredLanguage: meta.language,
                                publisher: meta.siteName)
        for block in ArticleBlocks.read(body) {
            if block.node.classes.contains(where: { $0.quickLowercased().contains("byline") || $0.quickLowercased() == "author" })
                || block.node.attribute("rel") == "author" {
                report.byline = report.byline ?? WireReport.cleanByline(block.text)
                continue
            }
            switch block.kind {
            case .heading where block.text == report.headline: continue
            case .heading where report.headline == nil: report.headline = block.text
            case .caption: report.blocks.append((block.text, .caption))
            case .heading, .paragraph, .listItem, .blockQuote:
                if report.byline == nil, block.text.hasPrefix("By "), block.text.count < 80 {
                    report.byline = WireReport.cleanByline(block.text)
                    continue
                }
                report.blocks.append((block.text, .paragraph))
            }
        }
        if report.published == nil, let time = page.root?.first(named: "time")?.attribute("datetime") {
            report.published = PublishedDate(iso: time)
        }
        guard report.blocks.contains(where: { $0.kind == .paragraph && $0.text.count >= 40 }) else {
            throw input.error("has no recognisable article body (no paragraph of text outside navigation and page furniture)")
        }
        return report
    }
}
