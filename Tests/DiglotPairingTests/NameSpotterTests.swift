import Testing
import DiglotLexicon
@testable import DiglotPairing

/// Names cut texts into words by scalars where every scalar is a character of its own; the cuts must be the
/// ones the `Character` test made.
@Suite struct NameSpotterTests {
    static func characterWords(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "ʼ") })
    }

    static func offsets(_ words: [Substring], in text: String) -> [[Int]] {
        words.map { [text.unicodeScalars.distance(from: text.startIndex, to: $0.startIndex),
                     text.unicodeScalars.distance(from: text.startIndex, to: $0.endIndex)] }
    }

    /// Every scalar said to stand alone is a word character exactly when the `Character` made of it is one.
    @Test func everyScalarThatStandsAloneIsJudgedAsItsCharacter() {
        var checked = 0
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(value), SingleScalarText.standsAlone(scalar) else { continue }
            let character = Character(scalar)
            let expected = character.isLetter || character == "'" || character == "’" || character == "ʼ"
            #expect(NameSpotter.isWordScalar(scalar) == expected, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_000)
    }

    /// Seeded texts mixing letters of three scripts, apostrophes, digits, punctuation, CR LF, and now and then a
    /// combining mark, a joiner or an emoji (which send the text the old way): the same words at the same places.
    @Test func wordsAreCutWhereCharactersCutThem() {
        var generator = SplitMix64(seed: 25)
        let pieces: [String] = ["Київ", "Харків", "Zelensky's", "п'ять", "пʼять", "Kyiv’s", "ЗСУ", "tanks", "Ёлка",
                                "Αθήνα", " ", " ", "  ", ", ", ". ", "\r\n", "\n", "12", "1,234", "—", "-", "«", "»",
                                "\u{00A0}", "№5", "€", "(", ")", "'", "’", "ʼ", "é", "ß", "Ї", "ґ"]
        let rare: [String] = ["e\u{301}", "'\u{301}", "а\u{200D}б", "👍🏽", "\u{0483}", "🇺🇦", "\u{FE0F}"]
        var aloneCount = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<24, using: &generator) {
                text += Int.random(in: 0..<40, using: &generator) == 0
                    ? rare.randomElement(using: &generator)! : pieces.randomElement(using: &generator)!
            }
            let expected = Self.characterWords(text)
            let found = NameSpotter.words(in: text)
            #expect(found.map(String.init) == expected.map(String.init), "\(text.debugDescription)")
            #expect(Self.offsets(found, in: text) == Self.offsets(expected, in: text), "\(text.debugDescription)")
            if NameSpotter.wordsByScalars(text) != nil { aloneCount += 1 }
        }
        #expect(aloneCount > 1_500, "most texts are cut by scalars")
        #expect(NameSpotter.wordsByScalars("e\u{301}té") == nil)
    }

    @Test func namesAreFoundInPlainAndCombiningTexts() {
        #expect(NameSpotter.nameKeys(in: "Загальні втрати біля Харкова. Zelensky met Macron in Kyiv.").count == 4)
        #expect(NameSpotter.nameKeys(in: "Бахмут e\u{301} Soledar") == NameSpotter.nameKeys(in: "Бахмут, Soledar"))
    }
}
