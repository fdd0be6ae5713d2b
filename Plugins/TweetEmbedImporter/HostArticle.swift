import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// A page or pasted text holding tweets: its own text in reading order with the tweets where they stood.
struct HostArticle {
    enum TextKind: Equatable { case paragraph, heading, quoteBlock, caption }

    enum Item {
        case text(String, TextKind)
        case tweet(EmbeddedTweet)
    }

    var title: String?
    var published: PublishedDate?
    var canonicalURL: String?
    var declaredLanguage: String?
    var publisher: String?
    var author: String?
    var items: [Item]

    var tweets: [EmbeddedTweet] {
        items.compactMap { if case .tweet(let tweet) = $0 { tweet } else { nil } }
    }

    /// Whether there is any article text besides the tweets (a bare embed has none).
    var hasText: Bool {
        items.contains { if case .text(_, let kind) = $0 { kind != .heading } else { false } }
    }

    /// Reads an HTML page: embeds where they stand, the article's blocks around them.
    /// - Throws: `ImportError` for an embed without a status link.
    static func read(page: MarkupDocument, input: ImportInput) throws -> HostArticle {
        let meta = PageMetadata(page)
        var article = HostArticle(title: meta.title, published: meta.published.flatMap(PublishedDate.init(iso:)),
                                  canonicalURL: meta.canonicalURL, declaredLanguage: meta.language,
                                  publisher: meta.siteName, author: meta.author, items: [])
        guard let root = page.root else { return article }
        let body = ArticleBlocks.bodyRoot(of: page) ?? root
        var paragraphs: [(text: String, kind: TextKind)] = []
        var tweets: [EmbeddedTweet] = []
        var seen = Set<MarkupNode>()
        func addEmbed(_ node: MarkupNode) throws {
            tweets.append(try OEmbedReader.read(node, input: input))
            seen.insert(node)
            paragraphs.append((embedMarker(tweets.count - 1), .paragraph))
        }
        for block in ArticleBlocks.read(body, keepWhole: OEmbedReader.isEmbed) {
            if OEmbedReader.isEmbed(block.node) { try addEmbed(block.node); continue }
            if block.kind == .heading, block.text == article.title { continue }
            if block.node.classes.contains(where: { $0.quickLowercased().contains("byline") }) {
                article.author = article.author ?? (block.text.hasPrefix("By ") ? String(block.text.dropFirst(3)) : block.text)
                continue
            }
            let kind: TextKind = switch block.kind {
            case .heading: .heading
            case .blockQuote: .quoteBlock
            case .caption: .caption
            case .paragraph, .listItem: .paragraph
            }
            paragraphs.append((block.text, kind))
        }
        for stray in root.descendants(where: OEmbedReader.isEmbed) where !seen.contains(stray) { try addEmbed(stray) }
        article.items = PastedTweetReader.items(from: paragraphs).map { item in
            if case .text(let text, _) = item, let index = embedIndex(text) { return .tweet(tweets[index]) }
            return item
        }
        return article
    }

    /// Reads pasted text: one paragraph a line, signature lines turned into tweets, furniture dropped.
    static func read(text: String) -> HostArticle {
        var paragraphs: [(text: String, kind: TextKind)] = []
        var published: PublishedDate?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces()
            if line.isEmpty { continue }
            if Boilerplate.endsArticle(line) { break }
            if Boilerplate.isBoilerplate(text: line) { continue }
            if published == nil, line.count <= 40, let date = TweetDate.parse(line), !line.contains("(@") {
                published = date
                continue
            }
            paragraphs.append((line, .paragraph))
        }
        var title: String?
        if let first = paragraphs.first, first.text.count <= 160, PastedTweetReader.signature(in: first.text) == nil,
           !".!?\"”:".contains(first.text.last ?? ".") {
            title = first.text
            paragraphs.removeFirst()
        }
        return HostArticle(title: title, published: published, canonicalURL: nil, declaredLanguage: nil,
                           publisher: nil, author: nil, items: PastedTweetReader.items(from: paragraphs))
    }

    /// Stands in for an embed among the paragraphs while pasted signatures are looked for.
    private static func embedMarker(_ index: Int) -> String { "\u{FFFC}tweet-embed-\(index)" }

    private static func embedIndex(_ text: String) -> Int? {
        text.hasPrefix("\u{FFFC}tweet-embed-") ? Int(text.dropFirst("\u{FFFC}tweet-embed-".count)) : nil
    }
}
