import Foundation
import DiglotImporting
import DiglotXML

/// Finds an HTML page's metadata and main text.
///
/// The main text is found the way readability tools do it, without a list of sites: boilerplate subtrees
/// are skipped (`nav`, `header`, `footer`, `aside`, `form`, scripts, and elements whose class, id or ARIA role
/// say cookie banner, share bar, newsletter box, related links...); every remaining block of text is scored
/// (`ContentScorer`); the container whose paragraphs score highest is the article, and its blocks, minus
/// link lists, are the main text in reading order.
///
/// ```swift
/// let article = try HTMLArticleExtractor(fileName: "page.html").extract(html: source)
/// article.title; article.paragraphs
/// ```
struct HTMLArticleExtractor {
    let fileName: String
    var maximumDepth: Int = 256

    /// - Throws: `ImportError` when libxml2 yields no document or the nesting exceeds the limit.
    func extract(html: String) throws -> ArticleContent {
        let page: MarkupDocument
        do {
            page = try MarkupDocument.html(Data(html.utf8), fileName: fileName, encoding: "UTF-8",
                                           limits: .init(maximumDepth: maximumDepth))
        } catch let error as MarkupError {
            throw ImportError(file: fileName, line: error.line, message: error.message)
        }
        guard let root = page.root else { throw ImportError(file: fileName, message: "the page has no elements") }
        let metadata = HTMLArticleMetadata(root: root)
        var content = ArticleContent(
            title: metadata.title, author: metadata.author, publisher: metadata.siteName,
            published: metadata.published, canonicalURL: metadata.canonicalURL,
            declaredLanguage: metadata.declaredLanguage)
        let body = root.first(named: "body") ?? root
        let blocks = ContentScorer.mainText(of: body)
        content.paragraphs = blocks.filter { block in
            // The title is the document's headline already; drop its repetition as the page's <h1>.
            !(block.role == .headline && block.text == content.title)
        }
        if content.title == nil, let first = content.paragraphs.first, first.role == .headline {
            content.title = first.text
            content.paragraphs.removeFirst()
        }
        return content
    }
}
