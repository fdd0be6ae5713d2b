import Testing
import DiglotModel
import DiglotImporting
import DiglotTestSupport

/// Paragraphs split into passages around marked spans, and the shortcut for paragraphs that mark nothing.
@Suite struct PassageBuilderSpanTests {
    static let document = DocumentID(naturalKey: "test:passage-builder")

    @Test func spansBecomePassagesAndTheTextReadsAsTheParagraph() {
        var builder = PassageBuilder(documentID: Self.document, language: .english)
        builder.append("Headline", role: .headline)
        let paragraph = "He said, “We hold.”"
        let ids = builder.appendParagraph(paragraph, spans: [MarkedSpan(start: 10, end: 18, role: .quote)])
        #expect(builder.text == "Headline\n" + paragraph)
        #expect(builder.passages.map(\.text) == ["Headline", "He said,", "We hold."])
        #expect(builder.passages.map(\.role) == [.headline, .paragraph, .quote])
        #expect(ids == [builder.passages[2].id])
        let scalars = Array(builder.text.unicodeScalars)
        for passage in builder.passages {
            #expect(String(String.UnicodeScalarView(scalars[passage.start..<passage.end])) == passage.text)
        }
    }

    /// A paragraph without spans takes the shortcut; a span that marks nothing (start == end) sends the same
    /// paragraph the general way. Both must give the same text and passages, after an empty builder and after
    /// a passage, on seeded paragraphs that start and end with letters, spaces, quotation marks or CR LF.
    @Test func unmarkedParagraphsMatchTheGeneralWay() {
        let pieces = ["word", "Київ", " ", "  ", "“", "”", "\"", "«", "»", "\r\n", "\n", "e\u{301}", "—", ".", "👍", "\u{A0}"]
        var generator = SeededGenerator(seed: 4545)
        for _ in 0..<5_000 {
            let paragraph = (0..<generator.below(7)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            for prefix in [nil, "Headline"] {
                var shortcut = PassageBuilder(documentID: Self.document, language: .ukrainian)
                var general = PassageBuilder(documentID: Self.document, language: .ukrainian)
                if let prefix {
                    shortcut.append(prefix, role: .headline)
                    general.append(prefix, role: .headline)
                }
                #expect(shortcut.appendParagraph(paragraph, spans: []).isEmpty)
                _ = general.appendParagraph(paragraph, spans: [MarkedSpan(start: 0, end: 0, role: .quote)])
                #expect(shortcut.text == general.text, "\(paragraph.debugDescription)")
                #expect(shortcut.passages == general.passages, "\(paragraph.debugDescription)")
            }
        }
    }
}
