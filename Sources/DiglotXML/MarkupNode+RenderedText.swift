import CLibXML2

public extension MarkupNode {
    /// The text a reader sees: `<br>` and block elements become line breaks, runs of spaces collapse, each
    /// line is trimmed and blank lines beyond one are dropped.
    ///
    /// `text` concatenates raw text nodes, which glues "line one<br>line two" into one word; tweets and
    /// captions need the breaks.
    ///
    /// ```swift
    /// node.renderedText // "Сьогодні …\n\nВірте у ЗСУ!"
    /// ```
    var renderedText: String {
        var raw = ""
        var stack: [(xmlNodePtr, Bool)] = []
        var k = pointer.pointee.children
        var kids: [xmlNodePtr] = []
        while let n = k { kids.append(n); k = n.pointee.next }
        stack.append(contentsOf: kids.reversed().map { ($0, false) })
        while let (node, closing) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if closing {
                raw += "\n"
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { raw += String(cString: content) }
            case XML_ELEMENT_NODE:
                if name == "br" { raw += "\n"; continue }
                if name == "script" || name == "style" { continue }
                let isBlock = MarkupNode.blockNames.contains(name)
                if isBlock {
                    raw += "\n"
                    stack.append((node, true))
                }
                var grand: [xmlNodePtr] = []
                var g = node.pointee.children
                while let n = g { grand.append(n); g = n.pointee.next }
                stack.append(contentsOf: grand.reversed().map { ($0, false) })
            default:
                continue
            }
        }
        return MarkupNode.tidyLines(raw)
    }

    /// Element names that start a new line when rendered.
    static let blockNames: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "figure",
        "section", "article", "header", "footer", "tr", "table", "pre", "dd", "dt",
    ]

    /// Collapses spaces within lines, trims lines, keeps at most one blank line in a row.
    ///
    /// Lines and spaces are told apart as characters (grapheme clusters): "\r\n" is one character that is
    /// neither a line break nor a space here, and a space followed by a combining mark is not a space. Text in
    /// which neither can happen (no carriage return, every scalar one that never joins a cluster: ASCII,
    /// Latin, Cyrillic letters, common punctuation) is tidied byte by byte with the same result; walking
    /// characters was a fourteenth of an import.
    static func tidyLines(_ raw: String) -> String {
        if let tidied = tidyLinesByBytes(raw) { return tidied }
        var lines: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            let tidy = words.joined(separator: " ")
            if tidy.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(tidy)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `tidyLines` over UTF-8 bytes, or nil when the text holds a scalar that could make characters differ
    /// from scalars (see `tidyLines`).
    static func tidyLinesByBytes(_ raw: String) -> String? {
        for scalar in raw.unicodeScalars where !scalar.isStandaloneInGraphemes { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(raw.utf8.count)
        var lineStart = 0           // where the current line starts in `output`
        var pendingSpace = false    // a space seen since the last word of the line
        var previousBlank = true    // the last line kept was blank, or none is kept yet
        var bytes = Array(raw.utf8)
        bytes.append(0x0A)          // the last line ends like the others
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                // A blank line is kept only after a line that is not (so never first, never two in a row).
                let blank = output.count == lineStart
                if !(blank && previousBlank) {
                    output.append(0x0A)
                    previousBlank = blank
                }
                lineStart = output.count
                pendingSpace = false
                index += 1
            } else if byte == 0x20 || byte == 0x09 {
                pendingSpace = true
                index += 1
            } else if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
            } else {
                if pendingSpace && output.count > lineStart { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
                index += 1
            }
        }
        // Drop the final separator, then trailing blank lines.
        while let last = output.last, last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }
}
