import Testing
@testable import DiglotAnalysis
import DiglotTestSupport

@Suite struct BasicAnalyzerTests {
    func terms(_ text: String) -> [String] { BasicAnalyzer().indexTokens(text).map(\.term) }

    @Test func unifiesApostrophesAndCase() {
        #expect(terms("Об’єкт обʼєкт ОБ'ЄКТ") == ["об'єкт", "об'єкт", "об'єкт"])
    }

    @Test func numbersWithSeparatorsAreOneToken() {
        #expect(terms("1 020 010 і 1,020,010 та 1\u{00A0}020\u{2009}010") == ["1020010", "і", "1020010", "та", "1020010"])
        #expect(terms("з 24.02 по 28.02") == ["з", "24", "02", "по", "28", "02"])
        #expect(terms("танків ‒ 1637 (+35) од") == ["танків", "1637", "35", "од"])
    }

    @Test func dashesSeparateAndStressMarksVanish() {
        #expect(terms("Ки\u{0301}їв—Харків") == ["київ", "харків"])
        #expect(terms("пере\u{00AD}мога") == ["перемога"])
    }

    @Test func byteRangesPointAtTheSurfaceForm() {
        let text = "Втрати: 1 637"
        let tokens = BasicAnalyzer().indexTokens(text)
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) } == ["Втрати", "1 637"])
    }
}

/// The first, scalar-by-scalar implementation of `BasicAnalyzer.tokenize`, kept as the oracle the fast
/// UTF-8 tokenizer must agree with.
enum ReferenceTokenizer {
    static func tokenize(_ text: String) -> [AnalyzedToken] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(s) }
        var tokens: [AnalyzedToken] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if BasicAnalyzer.isDigit(s) {
                var end = i
                var digits = ""
                var groupLength = 0
                var j = i
                while j < scalars.count {
                    if BasicAnalyzer.isDigit(scalars[j]) {
                        digits.unicodeScalars.append(scalars[j]); groupLength += 1; j += 1; end = j
                    } else if BasicAnalyzer.groupSeparators.contains(scalars[j]), (1...3).contains(groupLength),
                              (1...3).allSatisfy({ j + $0 < scalars.count && BasicAnalyzer.isDigit(scalars[j + $0]) }),
                              j + 4 >= scalars.count || !BasicAnalyzer.isDigit(scalars[j + 4]) {
                        groupLength = 0; j += 1
                    } else { break }
                }
                tokens.append(AnalyzedToken(term: digits, byteRange: offsets[i]..<offsets[end]))
                i = end
            } else if isWordScalar(s) {
                var j = i
                var word = String.UnicodeScalarView()
                while j < scalars.count {
                    let c = scalars[j]
                    if c == "\u{0301}" || c == "\u{00AD}" {
                        j += 1
                    } else if BasicAnalyzer.apostrophes.contains(c) {
                        guard !word.isEmpty, j + 1 < scalars.count, isWordScalar(scalars[j + 1]) else { break }
                        word.append("'"); j += 1
                    } else if isWordScalar(c) || BasicAnalyzer.isDigit(c) {
                        word.append(c); j += 1
                    } else { break }
                }
                let term = BasicAnalyzer.fold(String(word))
                if !term.isEmpty { tokens.append(AnalyzedToken(term: term, byteRange: offsets[i]..<offsets[j])) }
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        !BasicAnalyzer.apostrophes.contains(s) && s != "\u{0301}"
            && (s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark)
    }
}

@Suite struct FastTokenizerAgreementTests {
    @Test func agreesWithTheReferenceOnRandomText() {
        let pieces = ["Ки", "ЇЖ", "ґ", "Ґ", "ё", "Ё", "i", "İ", "ß", "Σ", "ς", "e\u{0301}", "и\u{0306}", "\u{0306}", "\u{0301}",
                      "\u{00AD}", "'", "’", "ʼ", "`", "´", "‘", " ", "\u{00A0}", "\u{2009}", "\u{202F}", ",", "1", "020",
                      "12", "3456", "—", "‒", "-", "😀", "Ǆ", "ﬁ", "Å", "\u{212B}", "日本", "ـ", "\u{0410}\u{0308}",
                      "Ѣ", "Ѳ", "ABC", "xyz", "\t", "\n", "ӏ", "Ӂ"]
        var generator = SeededGenerator(seed: 61)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...12, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BasicAnalyzer.tokenize(text) == ReferenceTokenizer.tokenize(text), "\(text.debugDescription)")
        }
    }
}

/// Terms longer than the tokenizer's first buffer (64 bytes), which it grows while folding: words and
/// numbers of up to 2,000 pieces, alone and among short words, agree with the reference tokenizer.
@Suite struct LongTermTests {
    @Test func longWordsAndNumbersAgreeWithTheReference() {
        let letters = ["Ки", "ЇЖ", "ґ", "Ё", "ABC", "xyz", "'", "е\u{0301}", "ß", "İ", "1", "\u{00AD}"]
        var generator = SeededGenerator(seed: 63)
        for length in [1, 20, 31, 32, 33, 63, 64, 65, 100, 500, 2_000] {
            let word = (0..<length).map { _ in letters.randomElement(using: &generator)! }.joined()
            let number = (0..<length).map { _ in "123" }.joined(separator: " ")
            for text in [word, "а " + word + " б", number, "x " + number + ", y " + word + word] {
                #expect(BasicAnalyzer.tokenize(text) == ReferenceTokenizer.tokenize(text), "\(length)")
            }
        }
    }
}

/// `forEachTokenRange` (snippets on a search connection) gives exactly the byte ranges of `tokenize`, which the
/// index's positions come from: a different count or offset would highlight the wrong words.
@Suite struct TokenRangeTests {
    static func ranges(_ text: String) -> [Range<Int>] {
        var text = text
        var ranges: [Range<Int>] = []
        text.withUTF8 { bytes in BasicAnalyzer.forEachTokenRange(in: bytes) { ranges.append($0); return true } }
        return ranges
    }

    @Test(arguments: [
        "Генштаб: знищено 1 020 010 осіб, 3,456 танків і 12\u{00A0}345 безпілотників.",
        "Зеленський і Зеленский; Kyiv’s mayor, п'ять, п’ять, пʼять, об`єкт, ´test",
        "Наголо\u{0301}шений склад, пере\u{00AD}носи, 2022-09-01 T10:00, №123, 1,2,3 1 2345",
        "Ça coûte ﬁnal naïve İstanbul ǅemal Straße ΣΟΦΙΑ e\u{0301}te\u{0301} ٣٤٥ 中文字",
        "'leading apostrophe and trailing' word' ''double'' -- — – ‑",
        "",
        "\u{0301}\u{00AD}\u{0301}",
    ])
    func rangesAreThoseOfTheTokens(text: String) {
        #expect(Self.ranges(text) == BasicAnalyzer.tokenize(text).map(\.byteRange))
    }

    @Test func rangesAreThoseOfTheTokensForGeneratedText() {
        let pieces = ["танків", "Харкові", " ", "\u{00A0}", "1", "020", ",", "’", "'", "\u{0301}", "\u{00AD}", "é",
                      "e\u{0301}", "ß", "ǅ", "İ", "-", ".", "\n", "٣", "中", "ґ", "Ї", "ё", "ABC", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.ranges(text) == BasicAnalyzer.tokenize(text).map(\.byteRange), "\(text.debugDescription)")
        }
    }

    @Test func stopsWhenTheBodySaysSo() {
        var text = "one two three four"
        var seen = 0
        text.withUTF8 { bytes in BasicAnalyzer.forEachTokenRange(in: bytes) { _ in seen += 1; return seen < 2 } }
        #expect(seen == 2)
    }
}
