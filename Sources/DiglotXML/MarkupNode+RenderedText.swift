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
    static func tidyLines(_ raw: String) -> String {
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
}
