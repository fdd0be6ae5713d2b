import DiglotImporting
import DiglotModel
import DiglotXML

/// Reads a saved HTML page (mil.gov.ua's article layout, or any page holding a bulletin) into lines and
/// page facts, and recognises mil.gov.ua's generic "News" list, which the site served in place of articles
/// that did not exist and which quotes bulletins only in truncated teasers.
enum BulletinPage {
    /// - Throws: `ImportError` for a page libxml2 cannot read and for the generic "News" list page.
    static func read(_ input: ImportInput, configuration: ImporterConfiguration) throws -> (lines: [SourceLine], facts: PageFacts) {
        let document: MarkupDocument
        do {
            document = try MarkupDocument.html(input.bytes, fileName: input.fileName,
                                               encoding: input.sniffedCharset() ?? "UTF-8",
                                               limits: .init(maximumDepth: configuration.maximumNestingDepth))
        } catch let failure as MarkupError {
            throw input.error(failure.message, line: failure.line)
        }
        guard let root = document.root else { throw input.error("the page has no content") }
        var facts = PageFacts()
        facts.declaredLanguage = declaredLanguage(root)
        facts.publisher = meta(root, property: "og:site_name")

        let heading = root.firstDescendant { $0.attribute("id") == "article_heading" }
        let content = root.firstDescendant { $0.attribute("id") == "aticle-content" }
        if let heading, let content {
            let h1 = heading.first(named: "h1")
            let headingText = BulletinText.collapsed(h1?.text ?? "")
            if ["news", "новини", "усі новини", "all news"].contains(headingText.quickLowercased())
                || content.firstDescendant(where: { $0.classes.contains("pagination") }) != nil {
                throw input.error("not a bulletin: \(input.fileName) is mil.gov.ua's generic \"\(headingText)\" list page (saved in place of an article that did not exist), not a loss bulletin",
                                  line: h1?.line)
            }
            if !headingText.isEmpty {
                facts.title = headingText
                facts.titleLine = h1?.line
            }
            if let dateSpan = heading.firstDescendant(where: { $0.classes.contains("aticle-date") }) {
                let raw = dateSpan.text.split(separator: "|").first.map(String.init) ?? ""
                facts.published = BulletinDates.publicationDate(raw)
            }
            return (lines(of: content), facts)
        }
        let body = root.first(named: "body") ?? root
        if let title = root.first(named: "h1") ?? root.first(named: "title") {
            let text = BulletinText.collapsed(title.text)
            if !text.isEmpty { facts.title = text; facts.titleLine = title.line }
        }
        return (lines(of: body), facts)
    }

    /// The text of `node` cut into lines at block elements and `<br>`, each with the line it starts on.
    static func lines(of node: MarkupNode) -> [SourceLine] {
        var result: [SourceLine] = []
        var current = ""
        var currentLine = node.line
        func flush() {
            if !BulletinText.collapsed(current).isEmpty { result.append(SourceLine(text: current, line: currentLine)) }
            current = ""
        }
        var stack: [(MarkupNode, Bool)] = node.childNodes.reversed().map { ($0, false) }
        while let (next, closing) = stack.popLast() {
            if closing { flush(); continue }
            if next.isText {
                if BulletinText.collapsed(current).isEmpty { currentLine = next.line }
                current += next.text
                continue
            }
            guard next.isElement else { continue }
            let name = next.name.quickLowercased()
            if skipped.contains(name) { continue }
            if name == "br" { flush(); currentLine = next.line; continue }
            let block = blocks.contains(name)
            if block { flush(); currentLine = next.line; stack.append((next, true)) }
            stack.append(contentsOf: next.childNodes.reversed().map { ($0, false) })
        }
        flush()
        return result
    }

    static let skipped: Set<String> = ["script", "style", "noscript", "head", "iframe", "nav", "template", "svg"]
    static let blocks: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
                                      "blockquote", "section", "article", "header", "footer", "hr", "table", "pre"]

    static func declaredLanguage(_ root: MarkupNode) -> LanguageTag? {
        if let lang = root.attribute("lang") ?? root.attribute("xml:lang"), !lang.isEmpty { return LanguageTag(bcp47: lang) }
        for meta in root.all(named: "meta") {
            if meta.attribute("http-equiv")?.quickLowercased() == "content-language", let content = meta.attribute("content") {
                return LanguageTag(bcp47: content)
            }
        }
        return meta(root, property: "og:locale").map { LanguageTag(bcp47: $0) }
    }

    static func meta(_ root: MarkupNode, property: String) -> String? {
        root.all(named: "meta").first { $0.attribute("property") == property }?.attribute("content")
    }
}
