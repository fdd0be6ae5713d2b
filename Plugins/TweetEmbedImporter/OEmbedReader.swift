import DiglotImporting
import DiglotXML
import DiglotModel
import Foundation

/// Reads one Twitter/X oEmbed blockquote:
/// `<blockquote class="twitter-tweet"><p lang="uk" dir="ltr">…</p>&mdash; Name (@handle)
/// <a href="https://twitter.com/handle/status/ID?ref_src=…">February 25, 2022</a></blockquote>`.
enum OEmbedReader {
    /// Whether an element is a tweet embed.
    static func isEmbed(_ node: MarkupNode) -> Bool {
        node.name.quickLowercased() == "blockquote" && node.classes.contains { $0 == "twitter-tweet" || $0 == "twitter-video" }
    }

    /// - Throws: `ImportError` when the embed has no status link, the only stable key of a tweet.
    static func read(_ blockquote: MarkupNode, input: ImportInput) throws -> EmbeddedTweet {
        let paragraph = blockquote.first(named: "p")
        let links = blockquote.all(named: "a").compactMap { $0.attribute("href") }
        guard let status = links.reversed().lazy.compactMap({ TweetText.statusLink(in: $0) }).first else {
            throw input.error("the tweet embed has no status link (twitter.com/<handle>/status/<id>), so its tweet cannot be identified",
                              line: blockquote.line > 0 ? blockquote.line : nil)
        }
        let (text, media) = TweetText.splitTrailingMediaLink(paragraph?.renderedText ?? "")
        let signature = blockquote.childNodes.filter { $0 != paragraph }.map(\.text).joined(separator: " ")
        let parsed = Signature.parse(signature)
        let dateText = blockquote.all(named: "a").last { TweetText.statusLink(in: $0.attribute("href") ?? "") != nil }?.text
        return EmbeddedTweet(
            handle: parsed?.handle ?? (status.handle == "i/web" ? nil : status.handle),
            displayName: parsed?.displayName,
            statusID: status.statusID,
            mediaLink: media,
            published: dateText.flatMap(TweetDate.parse) ?? parsed.flatMap { TweetDate.parse($0.rest) },
            text: text,
            declaredLanguage: paragraph?.attribute("lang"),
            line: blockquote.line > 0 ? blockquote.line : nil)
    }
}

/// The "— Name (@handle) Date" line under a tweet, in an embed or in pasted text.
struct Signature: Equatable {
    var displayName: String
    var handle: String
    /// What follows the handle: the date, sometimes a status link.
    var rest: String
    /// Everything before the dash.
    var before: String

    private static let pattern = try! NSRegularExpression(
        pattern: "(?:^|\\s)(?:&mdash;|[—–]|--?)\\s*([^\\n—–]{1,60}?)\\s*\\(@([A-Za-z0-9_]{1,15})\\)\\s*(.*)$",
        options: [.dotMatchesLineSeparators])

    /// - Note: the pattern needs "(@" verbatim, which most paragraphs lack; looking for it by bytes first spares
    ///   running the pattern over them (8,297 paragraphs of a 5,000-document import: 0.34 G instructions, 1 %).
    static func parse(_ text: String) -> Signature? {
        guard ByteScan.contains(text, "(@") else { return nil }
        return matchingPattern(text)
    }

    /// The signature the pattern finds in `text`, without the byte check `parse` makes first.
    static func matchingPattern(_ text: String) -> Signature? {
        let ns = text as NSString
        guard let match = pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).last else { return nil }
        return Signature(displayName: ns.substring(with: match.range(at: 1)).trimmingSpaces(),
                         handle: ns.substring(with: match.range(at: 2)),
                         rest: ns.substring(with: match.range(at: 3)).trimmingWhitespace(),
                         before: ns.substring(to: match.range.location))
    }
}
