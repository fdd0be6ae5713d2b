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

    /// A word is capitalised exactly when its first `Character` is upper case: every scalar below U+3000 alone,
    /// followed by a letter, and followed by each combining mark, joiner or emoji that joins it into one
    /// character.
    @Test func capitalisedIsTheFirstCharactersCase() {
        let joiners = ["\u{301}", "\u{483}", "\u{200D}", "\u{FE0F}", "\u{1F3FD}", "\u{0308}"]
        var checked = 0
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for word in [String(scalar), String(scalar) + "ка", String(scalar) + "x"] + joiners.map({ String(scalar) + $0 + "a" }) {
                let expected = word.first?.isUppercase == true
                #expect(NameSpotter.isCapitalised(Substring(word)) == expected, "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
                checked += 1
            }
        }
        #expect(!NameSpotter.isCapitalised(""))
        #expect(checked > 80_000)
    }

    /// The byte walk cuts the words the scalar view's walk cuts, or refuses the same texts: every scalar below
    /// U+3000 and a few beyond, alone, inside words and between apostrophes.
    @Test func wordsFromBytesAreTheScalarViewsWords() {
        var compared = 0
        for value in Array(UInt32(0)..<0x3000) + [0x1F44D, 0x1F3FD, 0xFE0F, 0x200D, 0x20E3, 0x10400, 0x3042] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            for text in [s, "ab" + s + "cd", "п'" + s + "ять", s + "'Ж", " " + s + "Київ 12"] {
                let fromBytes = NameSpotter.wordsByScalars(text), fromView = NameSpotter.wordsByScalarView(text)
                #expect(fromBytes.map { Self.offsets($0, in: text) } == fromView.map { Self.offsets($0, in: text) },
                        "U+\(String(value, radix: 16))")
                #expect(fromBytes?.map(String.init) == fromView?.map(String.init))
                compared += 1
            }
        }
        #expect(compared > 50_000)
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

    /// The keys as they were found before they were remembered: every capitalised word judged and keyed anew.
    static func keysJudgedAnew(_ text: String) -> [String] {
        var keys: [String] = []
        for word in characterWords(text) where word.first?.isUppercase == true && word.count >= 3 {
            let lower = word.lowercased()
            if NameSpotter.stopwords.contains(lower) || MonthNames.month(from: lower) != nil { continue }
            if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
            let key = NameKey.key(String(word))
            if key.count >= 3 { keys.append(key) }
        }
        return keys
    }

    /// Remembered keys are the keys: seeded texts of names, stopwords, months, abbreviations and short words,
    /// each read twice (the second time from the memo), give the keys judged anew; a memo past its limit
    /// starts again and still answers alike.
    @Test func rememberedKeysAreTheKeys() {
        var generator = SplitMix64(seed: 2026)
        let pieces = ["Київ", "Харкові", "Kharkov", "Зеленський", "Zelensky's", "ЗСУ", "NATO", "The", "Загальні",
                      "Лютого", "February", "Ok", "Бахмут", "Artemovsk", "танки", " ", ", ", ". ", "Е\u{301}кран",
                      "Mykolaiv", "Nikolaev", "Вугледар", "UAVs", "Ї", "П'ятихатки"]
        var texts: [String] = []
        for _ in 0..<400 {
            texts.append((0..<Int.random(in: 1..<16, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)! }.joined(separator: " "))
        }
        for text in texts + texts {
            #expect(NameSpotter.nameKeys(in: text) == Self.keysJudgedAnew(text), "\(text.debugDescription)")
        }
        let small = WordMemo(limit: 5) { NameSpotter.key(ofCapitalised: $0) }
        let words: [Substring] = ["Київ", "Харкові", "ЗСУ", "Ok", "The", "Бахмут", "Kharkov", "Київ"]
        #expect(small.values(of: words) == words.map { NameSpotter.key(ofCapitalised: String($0)) })
        #expect(small.values(of: ["Одеса", "Odesa"]) == [NameSpotter.key(ofCapitalised: "Одеса"),
                                                        NameSpotter.key(ofCapitalised: "Odesa")])
        #expect(small.count == 2, "forgotten past the limit, then the new words kept")
        #expect(small.values(of: words) == words.map { NameSpotter.key(ofCapitalised: String($0)) })
    }

    @Test func namesAreFoundInPlainAndCombiningTexts() {
        #expect(NameSpotter.nameKeys(in: "Загальні втрати біля Харкова. Zelensky met Macron in Kyiv.").count == 4)
        #expect(NameSpotter.nameKeys(in: "Бахмут e\u{301} Soledar") == NameSpotter.nameKeys(in: "Бахмут, Soledar"))
    }
}
