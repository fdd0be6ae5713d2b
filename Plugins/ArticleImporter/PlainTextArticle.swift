/// Reads a plain-text article: blocks separated by blank lines, the first line a title when it looks like one.
///
/// ```
/// Ukraine says Russian losses pass 1,000        <- title: one short line, no closing punctuation
///
/// Ukraine's Defence Ministry said on Friday...  <- paragraph
/// ```
/// A text with no blank lines at all (a chat post, a pasted list) takes each line as its own paragraph.
enum PlainTextArticle {
    /// The longest first line still taken for a title.
    static let maximumTitleLength = 150

    static func parse(_ text: String) -> ArticleContent {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { collapseWhitespace(String($0)) }
        var blocks: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        blocks.removeAll(where: \.isEmpty)
        let hasBlankLines = blocks.count > 1
        var paragraphs: [String] = hasBlankLines ? blocks.map { $0.joined(separator: " ") } : (blocks.first ?? [])
        var content = ArticleContent()
        if let first = blocks.first?.first, looksLikeTitle(first, wholeBlock: blocks.first!.count == 1 || !hasBlankLines),
           paragraphs.count > 1 {
            content.title = first
            paragraphs.removeFirst()
        }
        content.paragraphs = paragraphs.map { ArticleContent.Block(text: $0, role: .paragraph) }
        return content
    }

    /// A title is a single short line that does not end like a sentence or lead into a list.
    static func looksLikeTitle(_ line: String, wholeBlock: Bool) -> Bool {
        guard wholeBlock, line.count <= maximumTitleLength, line.contains(where: \.isLetter),
              let last = line.last else { return false }
        return !".:;,".contains(last)
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
