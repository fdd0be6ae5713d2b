import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads tweets: Twitter/X oEmbed blockquotes (alone or in an article page), tweets pasted as text above
/// a "— Name (@handle) Date" line, and Twitter API v2 JSON. Each tweet becomes a `tweet` document keyed by
/// its status id; a host article becomes an `article` document whose English quotes of the tweets are
/// paired with them (`embedded-quote`).
///
/// ```swift
/// let batch = try TweetEmbedImporter(configuration: .default).read(ImportInput(bytes: page, fileName: "a.html"))
/// ```
public struct TweetEmbedImporter: Importer {
    public static let identifier = "tweet-embed"
    public static let summary = "Twitter/X embeds, pasted tweets and API v2 JSON, paired with the quotes that render them"
    public static let version = "1"
    public static let mediaTypes = ["text/html", "application/json", "text/plain"]

    let configuration: ImporterConfiguration

    public init(configuration: ImporterConfiguration) { self.configuration = configuration }

    /// High for an embed blockquote, API JSON or a pasted signature line; lower for a bare status link.
    public static func confidence(for input: ImportInput) -> Double {
        let head = input.head(512 << 10)
        // Sniffing windows count scalars: a prefix of characters walks grapheme breaks, which cost more than
        // the sniffing itself.
        if TwitterAPIReader.looksLikeAPI(String(ByteScan.scalarPrefix(head, 8192))) { return 0.9 }
        if ByteScan.contains(head, "twitter-tweet") { return 0.9 }
        if head.hasPrefix("{"), ByteScan.contains(head, "\"errors\""), ByteScan.contains(head, "\"resource_type\": \"tweet\"") {
            return 0.8
        }
        if linesHolding("(@", in: head).contains(where: { PastedTweetReader.signature(in: $0) != nil }) { return 0.85 }
        if ByteScan.containsIgnoringASCIICase(head, "/status"), TweetText.statusLink(in: head) != nil { return 0.5 }
        return 0
    }

    /// The lines of `text` (split at "\n" as `split(separator: "\n")` splits, so not inside "\r\n") that
    /// contain `needle`, found from the needle's occurrences rather than by splitting every line.
    static func linesHolding(_ needle: String, in text: String) -> [String] {
        let pattern = Array(needle.utf8)
        return ByteScan.withBytes(text) { bytes in
            var lines: [String] = []
            var from = 0
            while let hit = ByteScan.firstOffset(of: pattern, in: bytes, from: from) {
                var start = hit
                while start > 0, !isLineBreak(bytes, at: start - 1) { start -= 1 }
                var end = hit + pattern.count
                while end < bytes.count, !isLineBreak(bytes, at: end) { end += 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                from = end
            }
            return lines
        }
    }

    /// A "\n" that is a character of its own (not the second half of "\r\n").
    private static func isLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)
    }

    /// - Throws: `ImportError` naming the file: an embed without a status link, input with no tweet and no
    ///   article text, unreadable JSON, or input over the size limit.
    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("is \(input.bytes.count) bytes, over the \(configuration.maximumInputBytes)-byte limit")
        }
        let builder = TweetBatchBuilder(input: input)
        let head = input.head(8192)
        if TwitterAPIReader.looksLikeAPI(head) || (input.fileExtension == "json") {
            let tweets = try TwitterAPIReader.read(input)
            return try builder.batch(for: HostArticle(items: tweets.map { .tweet($0) }))
        }
        let text = try input.text()
        if looksLikeHTML(text) {
            let page: MarkupDocument
            do {
                page = try MarkupDocument.html(Data(text.utf8), fileName: input.fileName,
                                               limits: .init(maximumDepth: configuration.maximumNestingDepth))
            } catch let error as MarkupError {
                throw input.error(error.message, line: error.line, column: error.column)
            }
            return try builder.batch(for: HostArticle.read(page: page, input: input))
        }
        return try builder.batch(for: HostArticle.read(text: text))
    }

    private func looksLikeHTML(_ text: String) -> Bool {
        // Markup names are ASCII: compared bytewise without case, not by lowercasing the head of the page
        // (which cost more than the rest of this importer's sniffing).
        let head = ByteScan.scalarPrefix(text, 4096)
        return ["<html", "<blockquote", "<p", "<!doctype"].contains { ByteScan.containsIgnoringASCIICase(head, $0) }
    }
}

extension HostArticle {
    /// A host with only tweets (API JSON).
    init(items: [Item]) {
        self.init(title: nil, published: nil, canonicalURL: nil, declaredLanguage: nil, publisher: nil, author: nil,
                  items: items)
    }
}
