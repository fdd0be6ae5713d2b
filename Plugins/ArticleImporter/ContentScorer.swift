import DiglotModel
import DiglotXML

/// A readability-style scorer that picks a page's main text out of its boilerplate.
///
/// 1. Walk the body, skipping subtrees that are never article text (by element name, ARIA role, `hidden`,
///    or a class/id naming a cookie banner, share bar, newsletter box, menu, comments...).
/// 2. Collect text blocks: `p`, headings, `blockquote`, `li`, `pre`, and `div`s holding text directly.
/// 3. Score each paragraph of 25 characters or more (1 + commas + one point per 100 characters, at most 3),
///    crediting its parent in full and its grandparent by half, as Arc90's readability does.
/// 4. The best container, its score discounted by its link density, is the article; its blocks are kept
///    unless they are mostly links (a "read also" list) or a one-word widget label.
enum ContentScorer {
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "select", "input", "textarea", "label", "menu", "dialog", "object", "embed", "canvas", "video",
        "audio", "figure", "picture", "img", "head",
    ]
    static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    ]
    /// Class or id fragments that mark boilerplate.
    static let unlikelyMarkers = [
        "cookie", "consent", "gdpr", "share", "sharing", "social", "newsletter", "subscribe", "subscription",
        "signup", "sign-up", "promo", "advert", "banner", "sponsor", "related", "recommend", "read-more",
        "readmore", "more-news", "comment", "sidebar", "menu", "breadcrumb", "footer", "header", "masthead",
        "navbar", "popup", "modal", "widget", "donate", "paywall", "tags", "toolbar", "skip-link", "print",
    ]

    static let blockElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "td", "dd"]
    static let containerElements: Set<String> = [
        "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "tr", "blockquote", "li", "td", "dd",
        "center", "span", "font",
    ]
    /// The shortest paragraph that earns its container a score.
    static let minimumScoredLength = 25

    struct TextBlock {
        var node: MarkupNode
        var text: String
        var linkLength: Int
        var role: PassageRole

        var linkDensity: Double { text.isEmpty ? 0 : Double(linkLength) / Double(text.count) }
    }

    /// The main text blocks of `body`, in reading order.
    static func mainText(of body: MarkupNode) -> [ArticleContent.Block] {
        let blocks = collectBlocks(in: body)
        var scores: [MarkupNode: Double] = [:]
        for block in blocks where block.role == .paragraph && block.text.count >= minimumScoredLength {
            let score = 1 + Double(block.text.filter { $0 == "," || $0 == "،" }.count)
                + min(Double(block.text.count) / 100, 3)
            if let parent = block.node.parent {
                scores[parent, default: 0] += score
                if let grandparent = parent.parent { scores[grandparent, default: 0] += score / 2 }
            }
        }
        var best: (node: MarkupNode, score: Double)?
        for (node, score) in scores {
            let adjusted = score * (1 - linkDensity(of: node, blocks: blocks))
            if adjusted > (best?.score ?? 0) { best = (node, adjusted) }
        }
        guard let best else {
            return blocks.filter { $0.linkDensity < 0.5 }.map { .init(text: $0.text, role: $0.role) }
        }
        // Siblings that score well are part of the article too (a body split into several divs).
        let siblingThreshold = max(10, best.score * 0.2)
        let accepted = Set([best.node] + (best.node.parent?.children ?? []).filter { sibling in
            sibling != best.node && (scores[sibling] ?? 0) * (1 - linkDensity(of: sibling, blocks: blocks)) >= siblingThreshold
        })
        return blocks.filter { block in
            guard isInside(block.node, anyOf: accepted), block.linkDensity < 0.5 else { return false }
            return block.role == .headline || block.text.split(separator: " ").count >= 3 || block.text.count >= minimumScoredLength
        }.map { .init(text: $0.text, role: $0.role) }
    }

    private static func isInside(_ node: MarkupNode, anyOf containers: Set<MarkupNode>) -> Bool {
        var current: MarkupNode? = node
        while let n = current {
            if containers.contains(n) { return true }
            current = n.parent
        }
        return false
    }

    private static func linkDensity(of container: MarkupNode, blocks: [TextBlock]) -> Double {
        var text = 0, links = 0
        for block in blocks where isInside(block.node, anyOf: [container]) {
            text += block.text.count
            links += block.linkLength
        }
        return text == 0 ? 1 : Double(links) / Double(text)
    }

    /// Text blocks in document order, boilerplate subtrees skipped.
    static func collectBlocks(in root: MarkupNode) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var stack: [MarkupNode] = [root]
        while let node = stack.popLast() {
            guard node.isElement, !isBoilerplate(node) else { continue }
            let name = node.name.quickLowercased()
            let childElements = node.children
            let holdsBlocks = childElements.contains { blockElements.contains($0.name.quickLowercased())
                || ($0.name.quickLowercased() != "span" && containerElements.contains($0.name.quickLowercased())) }
            if blockElements.contains(name) && !holdsBlocks {
                appendBlock(node, role: name.hasPrefix("h") && name.count == 2 ? .headline : .paragraph, to: &blocks)
                continue
            }
            if name == "div" && !holdsBlocks && node.childNodes.contains(where: { $0.isText && $0.text.contains(where: \.isLetter) }) {
                appendBlock(node, role: .paragraph, to: &blocks)
                continue
            }
            stack.append(contentsOf: childElements.reversed())
        }
        return blocks
    }

    private static func appendBlock(_ node: MarkupNode, role: PassageRole, to blocks: inout [TextBlock]) {
        let text = PlainTextArticle.collapseWhitespace(node.text)
        guard text.contains(where: \.isLetter) else { return }
        let linkLength = node.all(named: "a").reduce(0) { $0 + PlainTextArticle.collapseWhitespace($1.text).count }
        blocks.append(TextBlock(node: node, text: text, linkLength: linkLength, role: role))
    }

    static func isBoilerplate(_ node: MarkupNode) -> Bool {
        let name = node.name.quickLowercased()
        if skippedElements.contains(name) { return true }
        if let role = node.attribute("role")?.quickLowercased(), skippedRoles.contains(role) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.quickLowercased() == "true" { return true }
        if let style = node.attribute("style")?.quickLowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") { return true }
        guard name != "body", name != "article", name != "main" else { return false }
        let tokens = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).quickLowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard tokens.contains(where: { token in unlikelyMarkers.contains(where: token.contains) }) else { return false }
        // A page wrapper that merely names a sidebar or header beside the article still holds the article.
        return node.all(named: "p").filter { $0.text.count >= 80 }.count < 3
    }
}
