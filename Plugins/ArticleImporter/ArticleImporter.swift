import Foundation
import DiglotImporting
import DiglotLanguage
import DiglotModel

/// The fallback importer: any readable web page or plain-text file becomes one `article` document.
///
/// HTML pages go through `HTMLArticleExtractor` (metadata from meta tags, JSON-LD and `<time>`, the main text
/// found by a readability-style scorer); plain text is split into paragraphs at blank lines. Its confidence
/// is deliberately modest (0.3 for HTML, 0.2 for text) so that every specialised importer wins when it
/// recognises its format.
///
/// ```swift
/// let batch = try ArticleImporter(configuration: .default).read(ImportInput(bytes: data, fileName: "page.html"))
/// batch.documents[0].kind // .article
/// ```
public struct ArticleImporter: Importer {
    public static let identifier = "article"
    public static let summary = "Any readable web page (main text extracted) or plain-text file, as one article"
    public static let version = "1"
    public static let mediaTypes = ["text/html", "application/xhtml+xml", "text/plain"]

    /// Confidence for a page that looks like HTML.
    static let htmlConfidence = 0.3
    /// Confidence for a file that is plain text.
    static let textConfidence = 0.2
    /// Confidence for text whose name promises nothing (no extension): possible, but anything else wins.
    static let unnamedTextConfidence = 0.1

    /// Extensions of structured formats that are text but never an article.
    static let structuredExtensions: Set<String> = [
        "json", "jsonl", "ndjson", "xml", "tmx", "xlf", "xliff", "csv", "tsv", "yaml", "yml", "sqlite", "db",
        "zip", "gz", "pdf", "png", "jpg", "jpeg", "gif", "webp", "mp4",
    ]

    private let configuration: ImporterConfiguration

    public init(configuration: ImporterConfiguration) { self.configuration = configuration }

    public static func confidence(for input: ImportInput) -> Double {
        // UTF-16 text (which needs its byte-order mark) holds a zero byte in every ASCII character.
        let isUTF16 = input.bytes.starts(with: [0xFF, 0xFE]) || input.bytes.starts(with: [0xFE, 0xFF])
        guard !input.bytes.isEmpty, !structuredExtensions.contains(input.fileExtension),
              isUTF16 || !Self.holdsZeroByte(input.bytes.prefix(4096)) else { return 0 }
        if isHTML(input) { return htmlConfidence }
        let head = input.head().drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if head.hasPrefix("{") || head.hasPrefix("[") || head.hasPrefix("<?xml") || head.hasPrefix("<") { return 0 }
        if ["txt", "text", "md"].contains(input.fileExtension) || input.declaredMediaType == "text/plain" {
            return textConfidence
        }
        return input.fileExtension.isEmpty ? unnamedTextConfidence : 0
    }

    /// Whether `bytes` hold a zero byte, read in place (iterating `Data` byte by byte cost 50 instructions a
    /// byte, for every file detection looks at).
    static func holdsZeroByte(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { $0.contains(0) }
    }

    /// Whether the input is an HTML page, by declared media type, extension or its first bytes.
    static func isHTML(_ input: ImportInput) -> Bool {
        if let declared = input.declaredMediaType, ["text/html", "application/xhtml+xml"].contains(declared) { return true }
        if ["html", "htm", "xhtml", "shtml"].contains(input.fileExtension) { return true }
        let head = input.head(1024)
        return ["<!doctype html", "<html", "<body"].contains { ByteScan.containsIgnoringASCIICase(head, $0) }
    }

    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard !input.bytes.isEmpty else { throw input.error("the file is empty") }
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("the file has \(input.bytes.count) bytes, more than the limit of \(configuration.maximumInputBytes)")
        }
        let text = try input.text()
        let article: ArticleContent
        if Self.isHTML(input) {
            article = try HTMLArticleExtractor(fileName: input.fileName,
                                               maximumDepth: configuration.maximumNestingDepth).extract(html: text)
        } else {
            article = PlainTextArticle.parse(text)
        }
        guard article.paragraphs.contains(where: { $0.text.contains(where: \.isLetter) }) else {
            throw input.error(Self.isHTML(input) ? "the page has no readable text (no paragraph outside navigation and boilerplate)"
                                                 : "the file holds no readable text")
        }
        return ArticleDocumentBuilder(input: input, article: article).batch()
    }
}
