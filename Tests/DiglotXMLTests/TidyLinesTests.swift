import Foundation
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
                      "\u{85}", "e\u{301}", "«", "…", "1 020", "\u{301}", "\u{FE0F}", "❤\u{FE0F}", "👍", "👍\u{1F3FB}", "\u{1F3FB}",
                      "\u{200D}", "👨\u{200D}👩", "🇺🇦", "\u{1F1FA}", "\u{600}", "\u{903}", "ᄀ", "ᅡ", "\u{2028}", "\u{110BD}",
                      "\u{0D4E}", "\u{20E3}", "1\u{FE0F}\u{20E3}", "\u{E0067}"]
        for _ in 0..<20_000 { samples.append((0..<generator.below(14)).map { _ in pieces[generator.below(pieces.count)] }.joined()) }
        for sample in samples {
            #expect(MarkupNode.tidyLines(sample) == Self.byCharacters(sample), "\(sample.debugDescription)")
        }
    }

    @Test func everydayTextTakesTheByteWay() {
        #expect(MarkupNode.tidyLinesByBytes("  Знищено 12 танків —\n\n\n Reuters, «Kyiv»  ") == "Знищено 12 танків —\n\nReuters, «Kyiv»")
        #expect(MarkupNode.tidyLinesByBytes("a\r\nb") == nil, "a carriage return goes the character way")
        #expect(MarkupNode.tidyLinesByBytes("a \u{301}") == nil, "a combining mark goes the character way")
        #expect(MarkupNode.tidyLinesByBytes("Вірте  у ЗСУ! 🇺🇦 ❤\u{FE0F} 👍\u{1F3FB}") == "Вірте у ЗСУ! 🇺🇦 ❤\u{FE0F} 👍\u{1F3FB}",
                "emoji inside words take the byte way")
    }

    /// The UTF-8 check against Swift's own validation, on seeded byte strings: valid text of every width,
    /// truncated, overlong and surrogate sequences, stray continuation bytes, bytes that never occur.
    @Test func utf8CheckMatchesSwiftsValidation() {
        let pieces: [[UInt8]] = [[0x61], [0x0D], [0x0A], [0xD0, 0x9A], [0xC3, 0xA9], [0xCC, 0x81], [0xE2, 0x80, 0x94],
                                 [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x94, 0xA5], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x80], [0xF8], [0xFF], [0xC2, 0xA0], [0xEF, 0xBB, 0xBF]]
        var generator = SeededGenerator(seed: 1616)
        for _ in 0..<20_000 {
            let bytes = (0..<generator.below(6)).flatMap { _ in pieces[generator.below(pieces.count)] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(MarkupNode.isValidUTF8) == valid, "\(bytes)")
        }
    }

    /// Every scalar the byte check lets stand beside a space really stays apart from it, by Swift's own
    /// grapheme breaking: checked for each such scalar up to U+1FFFF and among the tags.
    @Test func scalarsLetBesideASpaceNeverJoinIt() {
        var checked = 0
        for value in Array(UInt32(0)...0x1FFFF) + Array(0xE0000...0xE007F) {
            guard let scalar = Unicode.Scalar(value), scalar != "\r", scalar != "\n" else { continue }
            if !MarkupNode.mayJoinWhatPrecedes(scalar) {
                var text = String.UnicodeScalarView([" "])
                text.append(scalar)
                #expect(String(text).count == 2, "U+\(String(value, radix: 16)) after a space")
                checked += 1
            }
            if !MarkupNode.mayJoinWhatFollows(scalar) {
                var text = String.UnicodeScalarView([scalar])
                text.append(" ")
                #expect(String(text).count == 2, "U+\(String(value, radix: 16)) before a space")
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    /// Every element's rendered text by bytes equals the node-by-node way, on every page of Samples and of
    /// ../shared/reference (when present) and on a page with scripts, breaks, upper-case names and CR LF.
    @Test func renderedTextByBytesMatchesTheNodeWay() throws {
        var pages: [(String, Data)] = [("made.html", Data("""
            <HTML><BODY><DIV>Київ <B>—</B> «Генштаб»<BR>line<br/>two<SCRIPT>var x = 1;</SCRIPT><p>a\r\nb</p>
            <p>e\u{301} x</p><Style>p {}</Style><ul><li>one</li><LI>two  \u{A0} three</LI></ul><pre>  keep </pre></DIV></BODY></HTML>
            """.utf8))]
        var folders = [TestPaths.samples]
        if let reference = TestPaths.reference { folders.append(reference) } else {
            print("renderedTextByBytesMatchesTheNodeWay: ../shared/reference is absent; Samples and the made page only")
        }
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["html", "htm"].contains(file.pathExtension.lowercased()) {
                pages.append((file.lastPathComponent, try Data(contentsOf: file)))
            }
        }
        let made = try MarkupDocument.html(pages[0].1, fileName: "made.html")
        let body = try #require(made.root?.first(named: "body"))
        // Upper-case SCRIPT and Style are left out, BR breaks the line, CR LF and the combining mark go the node way.
        #expect(body.renderedText == "Київ — «Генштаб»\nline\ntwo\na\r\nb\n\ne\u{301} x\n\none\n\ntwo three\n\nkeep")
        var elements = 0
        for (name, data) in pages {
            guard let document = try? MarkupDocument.html(data, fileName: name), let root = document.root else { continue }
            for node in [root] + root.descendants() {
                elements += 1
                #expect(node.renderedText(byBytes: true) == node.renderedText(byBytes: false), "\(name) <\(node.name)>")
            }
        }
        // Samples' pages alone hold about 500 elements; with the reference pages, several thousand.
        #expect(elements > (TestPaths.reference == nil ? 400 : 1_000), "\(elements) elements compared")
    }
}
