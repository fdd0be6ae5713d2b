/// The readable blocks of an article page in document order, page furniture left out.
///
/// Both the tweet-embed and the wire-report importers need the same walk: find the element holding the
/// article (`itemprop=articleBody`, `<article>`, `<main>`, else `<body>`), then read its headings,
/// paragraphs, block quotes, list items and captions, skipping navigation, share bars, cookie banners and
/// the like, and stopping at the first heading that ends the article ("Leave a Reply").
///
/// ```swift
/// for block in ArticleBlocks.read(page) where block.kind == .paragraph { print(block.text) }
/// ```
public struct ArticleBlock: Sendable {
    public enum Kind: String, Sendable {
        case heading, paragraph, blockQuote, listItem, caption
    }

    public var kind: Kind
    /// The rendered text (line breaks kept).
    public var text: String
    public var node: MarkupNode
}

public enum ArticleBlocks {
    /// The element most likely to hold the article's text.
    public static func bodyRoot(of document: MarkupDocument) -> MarkupNode? {
        guard let root = document.root else { return nil }
        if let marked = root.firstDescendant(where: { $0.attribute("itemprop") == "articleBody" }) { return marked }
        // Each article's weight counted once, not again at every comparison (its paragraphs' text gathered and
        // counted by character: 100 M instructions at 5,000 documents, session 19). Ties go to the earlier.
        let articles = root.all(named: "article").filter { !Boilerplate.isBoilerplate(element: $0) }
            .map { (node: $0, weight: paragraphWeight($0)) }
        if let best = articles.max(by: { $0.weight < $1.weight }), best.weight > 0 {
            return best.node
        }
        if let main = root.first(named: "main") ?? root.firstDescendant(where: { $0.attribute("role") == "main" }) {
            return main
        }
        return root.first(named: "body") ?? root
    }

    /// The blocks under `root`. `keepWhole` is asked first about every element met and, when it says yes,
    /// the element becomes one block (kind `.blockQuote`) whatever its class: tweet embeds, which the
    /// furniture checks would otherwise drop as "social" markup.
    public static func read(_ root: MarkupNode, keepWhole: (MarkupNode) -> Bool = { _ in false }) -> [ArticleBlock] {
        var blocks: [ArticleBlock] = []
        var stack: [MarkupNode] = root.children.reversed()
        while let node = stack.popLast() {
            let name = node.name.lowercased()
            if keepWhole(node) {
                blocks.append(ArticleBlock(kind: .blockQuote, text: node.renderedText, node: node))
                continue
            }
            if Boilerplate.isBoilerplate(element: node) { continue }
            guard let kind = kind(of: name) else {
                stack.append(contentsOf: node.children.reversed())
                continue
            }
            let text = node.renderedText
            if text.isEmpty { continue }
            // A heading of any length, a block of up to 60 characters (`endsArticle` answers false past 60).
            if Boilerplate.endsArticle(text) { break }
            if Boilerplate.isBoilerplate(text: text) { continue }
            if kind == .listItem, node.children.contains(where: { $0.name == "p" }) {
                stack.append(contentsOf: node.children.reversed())
                continue
            }
            blocks.append(ArticleBlock(kind: kind, text: text, node: node))
        }
        return blocks
    }

    static func kind(of name: String) -> ArticleBlock.Kind? {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": .heading
        case "p": .paragraph
        case "blockquote": .blockQuote
        case "li": .listItem
        case "figcaption": .caption
        default: nil
        }
    }

    private static func paragraphWeight(_ node: MarkupNode) -> Int {
        node.all(named: "p").reduce(0) { $0 + TextLength.characterCount(of: $1.text) }
    }
}
