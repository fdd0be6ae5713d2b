import Testing
import DiglotTestSupport
@testable import DiglotXML

/// `MarkupNode.tidyLines` by bytes against the character walk it shortcuts, on text with every kind of space,
/// line break and cluster-joining scalar.
@Suite struct TidyLinesTests {
    /// `tidyLines` as it was: lines and spaces as characters (grapheme clusters).
    static func byCharacters(_ raw: String) -> String {
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

    @Test func tidyingMatchesTheCharacterWalk() {
        var samples = ["", "\n", "\n\n\n", " a ", "a\n\n\nb\n\n", "\n\n a \t b \u{A0} c \n\n\n d\n", "Київ —  «Генштаб»\n\n\n№ 5 €",
                       "a\r\nb", "a \u{301}b", "x\u{A0}\u{301}y", "e\u{301} f", "tab\there", "\u{85}next\u{2028}line"]
        var generator = SeededGenerator(seed: 1414)
        let pieces = ["a", "Київ", "word", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{A0}", " \u{301}", "—", "€", "\u{200B}",
                      "\u{85}", "e\u{301}", "«", "…", "1 020"]
        for _ in 0..<3_000 { samples.append((0..<generator.below(14)).map { _ in pieces[generator.below(pieces.count)] }.joined()) }
        for sample in samples {
            #expect(MarkupNode.tidyLines(sample) == Self.byCharacters(sample), "\(sample.debugDescription)")
        }
    }

    @Test func everydayTextTakesTheByteWay() {
        #expect(MarkupNode.tidyLinesByBytes("  Знищено 12 танків —\n\n\n Reuters, «Kyiv»  ") == "Знищено 12 танків —\n\nReuters, «Kyiv»")
        #expect(MarkupNode.tidyLinesByBytes("a\r\nb") == nil, "a carriage return goes the character way")
        #expect(MarkupNode.tidyLinesByBytes("a \u{301}") == nil, "a combining mark goes the character way")
    }
}
