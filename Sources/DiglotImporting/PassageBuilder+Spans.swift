import DiglotModel

/// A stretch of a paragraph that is a passage of its own (a quote, a cited sentence), by scalar offsets
/// into the paragraph.
public struct MarkedSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var role: PassageRole
    public var metadata: [String: String]

    public init(start: Int, end: Int, role: PassageRole, metadata: [String: String] = [:]) {
        self.start = start
        self.end = end
        self.role = role
        self.metadata = metadata
    }
}

public extension PassageBuilder {
    /// Appends a paragraph whose marked spans become passages of their own role, the text around them
    /// `role` passages, and the whitespace and quotation marks between them unmarked text, so that the
    /// document text still reads as the paragraph did.
    ///
    /// ```swift
    /// builder.appendParagraph("He said, “We hold.”", spans: [MarkedSpan(start: 10, end: 18, role: .quote)])
    /// // passages: "He said," (paragraph), "We hold." (quote); text unchanged
    /// ```
    /// Overlapping spans keep the earlier one. Returns the ids of the spans' passages, in `spans` order
    /// (nil for a span dropped as overlapping or empty).
    @discardableResult
    mutating func appendParagraph(_ paragraph: String, role: PassageRole = .paragraph, spans: [MarkedSpan],
                                  language: LanguageTag? = nil) -> [PassageID?] {
        // Most paragraphs mark nothing: one passage of the whole paragraph, as the general way below makes it
        // when the paragraph neither starts nor ends with a space or quotation mark (without building the
        // paragraph's scalars and its pieces again: a fifth of reading a wire report, callgrind).
        if spans.isEmpty, let first = paragraph.unicodeScalars.first, isContent(first),
           let last = paragraph.unicodeScalars.last, isContent(last) {
            append(paragraph, role: role, language: language)
            return []
        }
        let scalars = paragraph.unicodeScalarArray
        let ordered = spans.enumerated().sorted { $0.element.start < $1.element.start }
        var ids = [PassageID?](repeating: nil, count: spans.count)
        var cursor = 0
        var pieces: [(text: String, role: PassageRole?, metadata: [String: String], spanIndex: Int?)] = []
        func addGap(_ from: Int, _ to: Int) {
            guard from < to else { return }
            var a = from, b = to
            let leading = String(scalars: scalars[from..<to].prefix { !isContent($0) })
            a += leading.unicodeScalarCount
            while b > a, !isContent(scalars[b - 1]) { b -= 1 }
            if !leading.isEmpty { pieces.append((leading, nil, [:], nil)) }
            if a < b { pieces.append((String(scalars: scalars[a..<b]), role, [:], nil)) }
            if b < to { pieces.append((String(scalars: scalars[b..<to]), nil, [:], nil)) }
        }
        for (index, span) in ordered {
            let start = max(span.start, 0), end = min(span.end, scalars.count)
            guard start >= cursor, start < end else { continue }
            addGap(cursor, start)
            pieces.append((String(scalars: scalars[start..<end]), span.role, span.metadata, index))
            cursor = end
        }
        addGap(cursor, scalars.count)
        let savedSeparator = separator
        if !text.isEmpty { appendUnmarked("") }
        separator = ""
        for piece in pieces {
            if let pieceRole = piece.role {
                let id = append(piece.text, role: pieceRole, language: language, metadata: piece.metadata)
                if let spanIndex = piece.spanIndex { ids[spanIndex] = id }
            } else {
                appendUnmarked(piece.text)
            }
        }
        separator = savedSeparator
        return ids
    }
}

/// Spaces and quotation marks between passages stay unmarked; anything else belongs to a passage.
/// (A switch and ASCII by value: it is asked at both ends of every paragraph.)
private func isContent(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x22, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return false
    case 0x09...0x0D, 0x20: return false
    case 0..<0x80: return true
    default: return !scalar.properties.isWhitespace
    }
}
