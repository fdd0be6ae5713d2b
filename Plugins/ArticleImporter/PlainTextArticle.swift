import DiglotImporting
import DiglotModel

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

    /// The lines of `text`, broken at LF, CR LF and a lone CR, empty lines kept: what replacing CR LF and CR by
    /// LF and splitting at LF gives, found on the bytes (Foundation's replacing bridged every article through
    /// `NSString` twice, and splitting a `String` at "\n" walks its graphemes).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(Substring(utf8[start..<index]))
            var next = utf8.index(after: index)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            index = next
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    static func parse(_ text: String) -> ArticleContent {
        let lines = Self.lines(of: text).map { collapseWhitespace(String($0)) }
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

    /// The words of `text` (runs of characters that are not whitespace) joined by single spaces.
    ///
    /// Splitting a `String` by `Character` finds every grapheme's end and asks Unicode's tables of each: for
    /// every line of a plain-text article and every block the HTML scorer weighs, 180 M instructions of a
    /// 5,000-document import (plain-text reading 224 M → 41 M with the bytes).
    /// A text whose every scalar stands alone (`isStandaloneInGraphemes`) has one character per scalar, and
    /// among those scalars the whitespace is ASCII's tab, line feed, vertical tab and form feed, the space,
    /// U+0085 and U+00A0: such a text is split on its bytes.
    static func collapseWhitespace(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return ByteScan.withBytes(text) { bytes in
            // Each space written stands for at least one whitespace byte, so the words fit in the input's size.
            String(unsafeUninitializedCapacity: bytes.count) { output in
                var written = 0
                var index = 0
                var spacePending = false
                while index < bytes.count {
                    let width = whitespaceWidth(bytes, at: index)
                    if width > 0 {
                        spacePending = written > 0
                        index += width
                        continue
                    }
                    if spacePending {
                        output[written] = 0x20
                        written += 1
                        spacePending = false
                    }
                    output[written] = bytes[index]
                    written += 1
                    index += 1
                }
                return written
            }
        }
    }

    /// The byte length of the whitespace scalar starting at `index` (tab to form feed, space, U+0085, U+00A0),
    /// 0 for any other scalar.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0C) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 { return 2 }
        return 0
    }
}
