import Foundation
import Testing
import DiglotImporting
@testable import StaffBulletinImporter
@testable import TweetEmbedImporter
@testable import WireReportImporter
import DiglotTestSupport

/// The byte-level sniffing helpers against the Foundation and character-level forms they replace: the
/// same answers on text with every kind of line break, tags, Cyrillic and combining marks.
@Suite struct ByteScanEquivalenceTests {
    static let samples: [String] = [
        "", "\n", "a\nb", "a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h", "\n\n x \n",
        "<p>Загальні бойові втрати</p>\n<div class=\"aticle-content\">танків ‒ 1637 (+35) од</div>",
        "a < b > c <> d <<e> f < g", "<a\nb>text</a\n>", "no tags at all", "<unclosed and more < text",
        "KYIV, March 2 (Reuters) - Ukraine\r\nsaid", "e\u{301}<b>\u{301}x</b>", "x<\u{338}y>z", "—(@handle)\n(@a) b",
        "<p>Київ</p><b>«Сили»</b>", "\u{600}<b>x</b>", "Київ<br>\u{483}x", "€<b>№</b>™", "👍<b>👍</b>", "<i>\u{200D}x</i>",
    ]

    @Test func linesMatchSplittingAtNewlineCharacters() {
        for sample in Self.samples {
            var lines: [Substring] = []
            ByteScan.forEachLine(of: sample) { lines.append($0); return true }
            #expect(lines == sample.split(whereSeparator: \.isNewline), "\(sample.debugDescription)")
        }
    }

    @Test func componentsMatchFoundationsNewlineSplit() {
        for sample in Self.samples + ["\r\n", "a\r\n\r\nb\n", "\u{2028}\u{2029}\u{85}", "x\n\u{301}y\r", "end\n"] {
            #expect(ByteScan.componentsSeparatedByNewlines(sample) == sample.components(separatedBy: .newlines),
                    "\(sample.debugDescription)")
        }
    }

    @Test func tagReplacementMatchesThePattern() {
        for sample in Self.samples {
            let expected = sample.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
            #expect(WireReportImporter.tagsReplacedByNewlines(sample) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func tagStrippingMatchesTheCharacterWalk() {
        for sample in Self.samples {
            for line in sample.split(separator: "\n") {
                var expected = ""
                var inTag = false
                for ch in line {
                    if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { expected.append(ch) }
                }
                #expect(StaffBulletinImporter.stripTags(line) == expected, "\(line.debugDescription)")
            }
        }
    }

    /// The bracket's neighbours decide the byte path: seeded mixes of brackets with Cyrillic and Latin
    /// letters, combining marks, a prepended mark, joiners, emoji and line breaks.
    @Test func tagStrippingMatchesTheCharacterWalkOnGeneratedLines() {
        let pieces = ["<", ">", "<p>", "</b>", "К", "ї", "a", " ", "\u{301}", "\u{483}", "\u{600}", "\u{200D}", "👍",
                      "\u{FE0F}", "\r", "—", "€", "é", "\u{1F1FA}", "\u{1F1E6}", "ᄀ", "ᅡ"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let line = (0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            var expected = ""
            var inTag = false
            for ch in line {
                if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { expected.append(ch) }
            }
            #expect(StaffBulletinImporter.stripTags(Substring(line)) == expected, "\(line.debugDescription)")
        }
    }

    /// `BulletinLineSketch` against the checks it stands in for, run on `stripTags`'s text: hand-picked lines,
    /// 20,000 seeded mixes of brackets, digits, dots, every dash and non-ASCII letters, and every line of the
    /// samples and of ../shared/reference (when present). A sketch may refuse a line (nil), never differ.
    @Test func bulletinLineSketchMatchesTheChecksOnStrippedText() throws {
        // The checks detection made on the stripped text before the sketch, as they were.
        func expected(_ line: Substring) -> BulletinLineSketch {
            let text = StaffBulletinImporter.stripTags(line)
            var sketch = BulletinLineSketch(UnsafeBufferPointer(start: nil, count: 0))!
            sketch.hasDigit = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            sketch.hasSeparator = text.utf8.contains(0x2D) || text.utf8.contains(0x3A)
                || text.unicodeScalars.contains { $0.value >= 0x2010 && BulletinText.dashes.contains($0) }
            sketch.mayHoldDayMonth = BulletinReader.mayHoldDayMonth(text)
            return sketch
        }
        var lines: [Substring] = Self.samples.flatMap { $0.split(whereSeparator: \.isNewline) } + [
            "танків ‒ 1637 (+35) од", "Загальні бойові втрати противника з 24.02.22 по 08.07.22", "a.<b>1</b>", "x.<i>ї</i>",
            "tanks \u{2212} 5", "tanks \u{2015}5", "tanks \u{2016}5", "<a href=\"2022-03-01\">x</a>", "1<:>", "<p>7</p>:",
            "12.", ".", "..5", "a.\u{301}", "<b>Київ</b>.<i>5", "ppo: 3", "€.5", "\u{E2}", "—", "‒", "-",
        ]
        let pieces = ["<", ">", "<p>", "</b>", "<a href=\"x-1:2\">", ".", "5", "0", "9", "-", ":", "‒", "–", "—", "―", "\u{2010}",
                      "\u{2011}", "\u{2016}", "\u{2212}", "\u{2213}", "€", "К", "ї", "a", " ", "\u{301}", "\u{600}", "👍", "/"]
        var generator = SeededGenerator(seed: 1616)
        var generated: [Substring] = []
        for _ in 0..<20_000 {
            generated.append(Substring((0..<generator.below(10)).map { _ in pieces[generator.below(pieces.count)] }.joined()))
        }
        var folders = [TestPaths.samples]
        if let reference = TestPaths.reference { folders.append(reference) } else {
            print("bulletinLineSketchMatchesTheChecksOnStrippedText: ../shared/reference is absent; samples and generated lines only")
        }
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["html", "htm", "txt"].contains(file.pathExtension) {
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                ByteScan.forEachLine(of: text) { lines.append($0); return true }
            }
        }
        #expect(lines.count > 500)
        // How often the byte sketch gives up is a question about real lines; the generated ones pile up marks
        // and joiners on purpose (and without ../shared/reference they would be most of the lines).
        var refused = 0
        for (index, line) in (lines + generated).enumerated() {
            // The sketch of the stripped text, which detection uses when the page's bytes are refused.
            #expect(BulletinLineSketch(text: StaffBulletinImporter.stripTags(line)) == expected(line), "\(line.debugDescription)")
            guard let sketch = ByteScan.withBytes(line, BulletinLineSketch.init) else {
                if index < lines.count { refused += 1 }
                continue
            }
            #expect(sketch == expected(line), "\(line.debugDescription)")
        }
        #expect(refused < lines.count / 4, "the sketch refused \(refused) of \(lines.count) real lines")
    }

    /// The byte checks in front of the dateline and signature patterns only pass over text the patterns would
    /// not match: seeded mixes of leads, agencies, dashes, handles and Cyrillic, each parsed both ways.
    @Test func patternPrefiltersNeverChangeAMatch() {
        let pieces = ["KYIV", "Kyiv", "MOSCOW", ", ", "March 2", " ", "(Reuters)", "(AP)", "(", ")", " - ", " — ", " – ", "—",
                      "Ukraine", "the", "said", "Київ", "(@", "DefenceU", "@x", ") ", "February 25, 2022", "pic.twitter.com/a",
                      "-- ", "&mdash; ", "Defence of Ukraine ", "\n", "e\u{301}", "1", "(@DefenceU) ", "— Defence of Ukraine ",
                      " (@KyivIndependent)"]
        var generator = SeededGenerator(seed: 3030)
        var matched = (dateline: 0, signature: 0)
        for _ in 0..<20_000 {
            let text = (0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let dateline = Dateline.matchingPatterns(text)
            #expect(Dateline.parse(text) == dateline, "\(text.debugDescription)")
            let signature = Signature.matchingPattern(text)
            #expect(Signature.parse(text) == signature, "\(text.debugDescription)")
            if dateline != nil { matched.dateline += 1 }
            if signature != nil { matched.signature += 1 }
        }
        // The mixes must reach the patterns' matches, or the comparison says nothing.
        #expect(matched.dateline > 100 && matched.signature > 100, "\(matched)")
    }

    @Test func linesHoldingANeedleMatchSplitting() {
        for sample in Self.samples {
            let expected = sample.split(separator: "\n").filter { $0.contains("(@") }.map(String.init)
            #expect(TweetEmbedImporter.linesHolding("(@", in: sample) == expected, "\(sample.debugDescription)")
        }
    }

    /// The case-blind search, found from a caseless byte's occurrences, against folding both sides' ASCII
    /// letters and comparing at every position: needles with the caseless byte first, inside, last or absent.
    @Test func caseBlindSearchMatchesFoldingAtEveryPosition() {
        func fold(_ text: String) -> [UInt8] { text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        let needles = ["/status", "<html", "a/b", "ab", "x<", "<!DOCTYPE", "ї/", "STATUS", "/", "s/", "//"]
        let pieces = ["/", "<", "!", "a", "B", "x", "X", "/Status", "<HTML", "ї", "s", "TATUS", "doctype", " "]
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<5_000 {
            let text = (0..<generator.below(14)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let haystack = fold(text)
            for needle in needles {
                let pattern = fold(needle)
                let expected = pattern.count <= haystack.count && (0...(haystack.count - pattern.count)).contains {
                    Array(haystack[$0..<($0 + pattern.count)]) == pattern
                }
                #expect(ByteScan.containsIgnoringASCIICase(text, needle) == expected, "\(text) \(needle)")
            }
        }
    }

    @Test func containsMatchesFoundation() {
        let needles = ["twitter-tweet", "(Reuters)", "втрат", "", "LOSSES"]
        for sample in Self.samples + ["embed twitter-tweet here", "the losses, втрати"] {
            for needle in needles {
                #expect(ByteScan.contains(sample, needle) == (needle.isEmpty || sample.contains(needle)))
                #expect(ByteScan.containsIgnoringASCIICase(sample, needle)
                        == (needle.isEmpty || sample.lowercased().contains(needle.lowercased())))
            }
        }
    }
    /// The one-pass label normalisation against the split/join/replace form it replaced, on hand-picked
    /// labels and on 5,000 seeded random strings over the characters that matter (spaces of every kind,
    /// slashes, quotes, apostrophes, emoji, trailing punctuation, Cyrillic).
    @Test func labelNormalisationMatchesTheSplitJoinForm() {
        func reference(_ label: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in label.lowercased().unicodeScalars {
                switch scalar {
                case "\"", "«", "»", "“", "”", "„", "#": continue
                case "’", "ʼ", "`", "‘": scalars.append("'")
                default:
                    if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { scalars.append(" ") }
                    else if scalar.properties.isEmojiPresentation || scalar.value == 0xFE0F || scalar == "•" { continue }
                    else { scalars.append(scalar) }
                }
            }
            var text = String(scalars).split(separator: " ").joined(separator: " ")
            text = text.replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
            while let last = text.last, ",.;:".contains(last) { text.removeLast() }
            return text.trimmingCharacters(in: .whitespaces)
        }
        let fixed = ["Танки", "  бойові  броньовані машини ", "ББМ / БМП", "a / / b", "«Шахеди» 🔥", "ППО.,", "x ,",
                     "гелікоптери ;", "крилаті ракети / cruise missiles", "/ lead", "trail /", "літаки\u{A0}/\u{2009}БпЛА",
                     "КОРАБЛІ / КАТЕРИ:", "#Втрати", "РСЗВ \u{FE0F}", "об'єкти ’ ʼ", "x\u{200B}y", "\u{3000}ж\u{3000}"]
        for label in fixed {
            #expect(BulletinVocabulary.normalizedLabel(label) == reference(label), "\(label.debugDescription)")
        }
        let alphabet: [Character] = [" ", " ", "\u{A0}", "\u{2009}", "\u{200B}", "\t", "/", "/", "\"", "«", "»", "’", "`",
                                     "#", "🔥", "•", "\u{FE0F}", ",", ".", ";", ":", "а", "Б", "ї", "x", "Y", "1", "-", "‒"]
        var generator = SeededGenerator(seed: 20_221_122)
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 12)
            let label = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(BulletinVocabulary.normalizedLabel(label) == reference(label), "\(label.debugDescription)")
        }
    }

    /// The space test's fast answers below U+2000 agree with Unicode's White_Space for every scalar there.
    @Test func spaceTestAgreesWithUnicode() {
        for value in UInt32(0)..<0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
            #expect(BulletinText.isSpace(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// `ImportInput.sniffedCharset` as it was, on the lowercased `String` of the first 2 KB.
    static func stringSniffedCharset(_ bytes: Data) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.range(of: marker) else { continue }
            let rest = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    @Test func charsetSniffingMatchesTheStringForm() {
        var heads = [
            #"<meta charset="windows-1251">"#, #"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=KOI8-U">"#,
            #"<?xml version="1.0" encoding='UTF-16'?>"#, "charset= utf_8 ", "charset=", "charset=\"\"encoding=iso-8859-5",
            "no marker here", "<p>Загальні бойові втрати charset=cp1251</p>", String(repeating: "я", count: 1_100) + "charset=utf-8",
        ] + Self.samples
        var generator = SeededGenerator(seed: 2048)
        let pieces = ["charset=", "encoding=", "CHARSET=", "utf-8", "windows-1251", "\"", "'", " ", "-", "_", "я", "<", ">", ";", "x"]
        for _ in 0..<2_000 {
            heads.append((0..<generator.below(8)).map { _ in pieces[generator.below(pieces.count)] }.joined())
        }
        for head in heads {
            let bytes = Data(head.utf8)
            #expect(ImportInput(bytes: bytes, fileName: "t").sniffedCharset() == Self.stringSniffedCharset(bytes), "\(head)")
        }
    }

    @Test func citationCuesMatchTheFoundationSearch() {
        let pieces = ["reuters", "tass", " ", "told", "report", "’s ", "'s ", "according to", "via", "news agency", "said",
                      "cannot", "verify", "київ", "—", "e\u{301}", "s\u{301}", "“", ".", "r", "eport", "ap", "\r\n"]
        var generator = SeededGenerator(seed: 4242)
        for _ in 0..<3_000 {
            let sentence = (0..<generator.below(10)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            for outlet in ["reuters", "tass", "ap"] {
                let rest = sentence.replacingOccurrences(of: outlet, with: " ")
                let expected = ["report", "told", "according to", "not been able to", "could not", "cannot", "verify",
                                "cited", "citing", "quoted", "news agency", "in an interview", "via", "’s ", "'s ", "said",
                                "says", "wrote", "published"].contains { rest.contains($0) || sentence.contains(outlet + $0) }
                #expect(CitationFinder.hasCue(sentence, outlet: outlet) == expected, "\(sentence.debugDescription) \(outlet)")
            }
        }
    }

    /// File extensions cut by hand against `NSString.lastPathComponent`: slashes at the end, hidden files,
    /// dots in folder names, non-ASCII names, "-" for standard input.
    @Test func fileExtensionsMatchTheNSStringPath() {
        let names = ["", "-", "/", "//", "a", "a.HTML", "dir.d/a", "dir.d/a.txt", "/x/y/z.Json/", "a.b.c", ".hidden",
                     "dir/.hidden", "dir/.a.rss", "Київ.HTM", "a//", "a.txt//", "./a", "../b.xml", "a.", "dir/a.", "x.tar.gz"]
        for name in names {
            let base = (name as NSString).lastPathComponent
            let expected: String
            if let dot = base.lastIndex(of: "."), dot != base.startIndex {
                expected = String(base[base.index(after: dot)...]).lowercased()
            } else {
                expected = ""
            }
            #expect(ImportInput(bytes: Data(), fileName: name).fileExtension == expected, "\(name)")
            // Renaming an input gives it the new name's extension (it is worked out when the name is set).
            var renamed = ImportInput(bytes: Data(), fileName: "first.tmx")
            renamed.fileName = name
            #expect(renamed.fileExtension == expected, "renamed to \(name)")
        }
    }

    /// Sniffing windows counted in scalars: the byte count against the scalar view's `prefix`, at every
    /// length around every sample's size and on seeded mixes of one- to four-byte scalars.
    @Test func scalarPrefixMatchesTheScalarView() {
        let pieces = ["a", "К", "ї", "\u{301}", "€", "👍", "\u{1F1FA}", "\r\n", "<p>", " "]
        var generator = SeededGenerator(seed: 11)
        let generated = (0..<2_000).map { _ in
            (0..<generator.below(40)).map { _ in pieces[generator.below(pieces.count)] }.joined()
        }
        for text in Self.samples + generated {
            let scalars = text.unicodeScalars.count
            for count in Set([0, 1, 2, 3, scalars / 2, scalars - 1, scalars, scalars + 1, scalars + 9]) where count >= 0 {
                let expected = Substring(text.unicodeScalars.prefix(count))
                let found = ByteScan.scalarPrefix(text, count)
                #expect(found == expected && found.endIndex == expected.endIndex, "\(text.debugDescription) \(count)")
                // A substring that starts past the first scalar, as the wire importer's trimmed text does.
                let tail = text.unicodeScalars.isEmpty ? text[...] : Substring(text.unicodeScalars.dropFirst())
                let expectedTail = Substring(tail.unicodeScalars.prefix(count))
                let foundTail = ByteScan.scalarPrefix(tail, count)
                #expect(foundTail == expectedTail && foundTail.endIndex == expectedTail.endIndex, "\(text.debugDescription) \(count)")
            }
        }
    }

    /// `ImportInput.head` decodes once per length and input, and answers as decoding the prefix does:
    /// lengths that cut a character, lengths past the end, invalid bytes, and new bytes set on the input.
    @Test func headsAreTheDecodedPrefixes() {
        let text = "Київ 👍 (Reuters) - e\u{301}"
        var bytes = Array(text.utf8)
        bytes.insert(0xFF, at: 3)
        var input = ImportInput(bytes: Data(bytes), fileName: "head.txt")
        for count in [0, 1, 2, 3, 4, 5, 9, 10, 11, bytes.count - 1, bytes.count, bytes.count + 1, 256 << 10, -1] {
            for _ in 0..<2 {
                #expect(input.head(count) == String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self), "\(count)")
            }
        }
        let copy = input
        input.bytes = Data("<rss>".utf8)
        #expect(input.head(512 << 10) == "<rss>")
        #expect(copy.head(512 << 10) == String(decoding: bytes, as: UTF8.self))
    }
}
