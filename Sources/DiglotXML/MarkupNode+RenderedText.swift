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
    var renderedText: String { renderedText(byBytes: true) }

    /// `renderedText`; `byBytes: false` always takes the node-by-node way, which tests compare the bytes with.
    internal func renderedText(byBytes: Bool) -> String {
        // The text nodes' bytes are gathered as they are and tidied in one pass: building a `String` for every
        // node and every element name, lowercasing each name and appending strings was a third of reading an
        // article's blocks (callgrind, docs/performance.md "Session 16"). Text that is not valid UTF-8 throughout,
        // or holds a scalar that may join a cluster, goes the way it went before, node by node as strings.
        var raw: [UInt8] = []
        raw.reserveCapacity(512)
        var bytesWillDo = byBytes
        walkRendered(text: { content in
            guard bytesWillDo else { return }
            let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
            // Each node on its own, as `String(cString:)` repairs each node on its own.
            guard MarkupNode.isValidUTF8(bytes) else { bytesWillDo = false; return }
            raw.append(contentsOf: bytes)
        }, lineBreak: { raw.append(0x0A) })
        if bytesWillDo, raw.withUnsafeBufferPointer(MarkupNode.isTidyableByBytes) { return MarkupNode.tidyLines(ofCheckedBytes: raw) }
        var text = ""
        walkRendered(text: { text += String(cString: $0) }, lineBreak: { text += "\n" })
        return MarkupNode.tidyLines(text)
    }

    /// Walks the node's rendering in document order: `text` for each text or CDATA node's content, `lineBreak`
    /// for a `<br>` and on both sides of a block element; scripts and styles are left out.
    private func walkRendered(text: (UnsafePointer<xmlChar>) -> Void, lineBreak: () -> Void) {
        var stack: [(xmlNodePtr, Bool)] = []
        func pushChildren(of parent: xmlNodePtr) {
            let first = stack.count
            var child = parent.pointee.children
            while let node = child { stack.append((node, false)); child = node.pointee.next }
            stack[first...].reverse()
        }
        pushChildren(of: pointer)
        while let (node, closing) = stack.popLast() {
            if closing {
                lineBreak()
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { text(content) }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { MarkupNode.lowercasedName($0) } ?? ""
                if name == "br" { lineBreak(); continue }
                if name == "script" || name == "style" { continue }
                if MarkupNode.blockNames.contains(name) {
                    lineBreak()
                    stack.append((node, true))
                }
                pushChildren(of: node)
            default:
                continue
            }
        }
    }

    /// An element's name in lowercase; libxml2's HTML parser already gives lowercase names, which are then
    /// not lowercased again.
    static func lowercasedName(_ name: UnsafePointer<xmlChar>) -> String {
        let length = Int(xmlStrlen(name))
        let bytes = UnsafeBufferPointer(start: name, count: length)
        if !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(cString: name).lowercased()
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
    /// which neither can happen (`isTidyableByBytes`) is tidied byte by byte with the same result; walking
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

    /// `tidyLines` over UTF-8 bytes, or nil when the text holds a scalar that could make its spaces or line
    /// breaks differ as characters (see `isTidyableByBytes`).
    static func tidyLinesByBytes(_ raw: String) -> String? {
        tidyLinesByBytes(Array(raw.utf8))
    }

    /// `tidyLines` over the UTF-8 bytes `raw`, or nil when `isTidyableByBytes` refuses them.
    static func tidyLinesByBytes(_ raw: [UInt8]) -> String? {
        guard raw.withUnsafeBufferPointer(isTidyableByBytes) else { return nil }
        return tidyLines(ofCheckedBytes: raw)
    }

    /// `tidyLines` over UTF-8 bytes `isTidyableByBytes` accepted.
    private static func tidyLines(ofCheckedBytes raw: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var lineStart = 0           // where the current line starts in `output`
        var pendingSpace = false    // a space seen since the last word of the line
        var previousBlank = true    // the last line kept was blank, or none is kept yet
        var bytes = raw
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

    /// Whether `bytes` are valid UTF-8 (shortest forms, no surrogates, nothing past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        forEachScalar(in: bytes) { _ in true }
    }

    /// Whether `tidyLines` may tidy `bytes` byte by byte: they are valid UTF-8, hold no carriage return (CR LF
    /// is one character), no scalar after a space or a no-break space may extend it and none before one may be
    /// a prepended mark.
    ///
    /// Why only beside spaces: the character walk splits lines at LF and words at space, tab and no-break
    /// space. LF and tab are controls, which never join a cluster; a space does, with a combining mark or a
    /// joiner after it or a prepended mark before it. Inside a word any scalar may stand (an emoji with its
    /// variation selector, a flag): the word's bytes are kept either way. (Requiring every scalar to stand alone
    /// sent every paragraph with an emoji the character way, 270,000 instructions a text.)
    static func isTidyableByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: Unicode.Scalar?
        return forEachScalar(in: bytes) { scalar in
            defer { previous = scalar }
            if scalar == "\r" { return false }
            let isSpace = scalar == " " || scalar == "\u{A0}"
            if isSpace, let previous, mayJoinWhatFollows(previous) { return false }
            if let previous, previous == " " || previous == "\u{A0}", mayJoinWhatPrecedes(scalar) { return false }
            return true
        }
    }

    /// Whether `scalar` may be a prepended mark (Grapheme_Cluster_Break=Prepend), which joins the character
    /// after it, a space included. False for the scalars that stand alone and for the marks, selectors,
    /// joiners and emoji that follow a letter in real text, none of which is a prepended mark; true for the
    /// rest, to be safe.
    static func mayJoinWhatFollows(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isStandaloneInGraphemes { return false }
        switch scalar.value {
        case 0x0300...0x036F, 0x200D, 0x20E3, 0xFE00...0xFE0F, 0x1F000...0x1FAFF, 0xE0020...0xE007F: return false
        default: return true
        }
    }

    /// Whether `scalar` may extend the character before it (a combining mark, a joiner, a spacing mark, an emoji
    /// skin tone: Grapheme_Cluster_Break Extend, ZWJ or SpacingMark), which joins a space before it into one
    /// character. False for the scalars that stand alone and for emoji, flags' letters and the symbols and
    /// dingbats blocks, none of which extends; true for the rest, to be safe.
    static func mayJoinWhatPrecedes(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isStandaloneInGraphemes { return false }
        switch scalar.value {
        case 0x2600...0x27BF, 0x1F000...0x1F3FA, 0x1F400...0x1FAFF: return false
        default: return true  // 0x1F3FB...0x1F3FF, the skin tones, extend
        }
    }

    /// Decodes `bytes` as UTF-8, calling `body` with each scalar until it returns false; false when `body` did or
    /// the bytes are not valid UTF-8. ASCII is taken byte by byte; every other scalar goes through the standard
    /// library's decoder, which validates it.
    static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                guard body(Unicode.Scalar(byte)) else { return false }
                i += 1
                continue
            }
            var decoder = UTF8()
            var iterator = bytes[i...].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), body(scalar) else { return false }
            i += UTF8.width(scalar)
        }
        return true
    }
}
