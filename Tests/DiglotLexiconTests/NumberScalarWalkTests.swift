import Testing
import DiglotTestSupport
@testable import DiglotLexicon

/// Numbers are read by scalars where every scalar is a character of its own; what is read must be what the walk
/// by `Character` reads, at the same places.
@Suite struct NumberScalarWalkTests {
    /// Each answer the walk asks of a unit is the same for a scalar that stands alone and for its `Character`.
    @Test func everyScalarThatStandsAloneAnswersAsItsCharacter() {
        var checked = 0
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(value), SingleScalarText.standsAlone(scalar) else { continue }
            let character = Character(scalar)
            let name = "U+\(String(value, radix: 16))"
            #expect(scalar.isASCIIDigit == character.isASCIIDigit, "\(name)")
            #expect(scalar.isNumeric == character.isNumeric, "\(name)")
            #expect(scalar.isLetterUnit == character.isLetterUnit, "\(name)")
            #expect(scalar.startsCyrillic == character.startsCyrillic, "\(name)")
            #expect(scalar.isGroupSeparator == character.isGroupSeparator, "\(name)")
            checked += 1
        }
        #expect(checked > 1_000)
    }

    /// The scalar offsets of a mention, so that mentions from two walks compare by place and not by index object.
    static func described(_ mentions: [NumberMention], in text: String) -> [String] {
        mentions.map { mention in
            let scalars = text.unicodeScalars
            let start = scalars.distance(from: text.startIndex, to: mention.range.lowerBound)
            let end = scalars.distance(from: text.startIndex, to: mention.range.upperBound)
            return "\(mention.value) \(mention.kind) \(mention.text.debugDescription) \(start)..<\(end) "
                + "\(mention.month.map(String.init) ?? "-") \(mention.year.map(String.init) ?? "-")"
        }
    }

    /// Seeded texts of digits, every separator the reader knows, dates, times, scale words in three languages,
    /// Cyrillic and Latin words, CR LF, and now and then a combining mark, a joiner, an emoji or a non-ASCII digit
    /// (which send the text the old way): the same mentions at the same places.
    @Test func numbersAreReadWhereCharactersReadThem() {
        var generator = SeededGenerator(seed: 26)
        let pieces: [String] = ["1", "2", "0", "7", "12", "24", "637", "2022", "1 020", " ", " ", "  ", ",", ".", ":",
                                "\u{00A0}", "\u{2009}", "\u{202F}", "тис.", "тис", "млн", "million", "k", "m", "bn",
                                "тисяч", "танки", "Kyiv", "\r\n", "\n", "(+", ")", "½", "—", "-", "24.02", "06:00",
                                "1,5", "3.75", "№", "€", "ґ"]
        let rare: [String] = ["1\u{301}", "\u{301}", "а\u{200D}б", "👍🏽", "\u{0663}", "🇺🇦", "\u{FE0F}", "5\u{20E3}"]
        var byScalars = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<20, using: &generator) {
                text += Int.random(in: 0..<40, using: &generator) == 0
                    ? rare.randomElement(using: &generator)! : pieces.randomElement(using: &generator)!
            }
            let expected = Self.described(NumberNormalizer.numbersByCharacters(in: text), in: text)
            let found = Self.described(NumberNormalizer.numbers(in: text), in: text)
            #expect(found == expected, "\(text.debugDescription)")
            if SingleScalarText.scalars(of: text) != nil { byScalars += 1 }
        }
        #expect(byScalars > 2_500, "most texts are read by scalars")
        #expect(SingleScalarText.scalars(of: "5\u{20E3} танків") == nil)
    }

    /// The scalars and indices read from UTF-8 bytes are those of the scalar view, for every scalar below U+3000
    /// between letters (one-, two- and three-byte neighbours) and a few beyond; a text with a scalar that may join
    /// its neighbour is refused both ways.
    @Test func scalarsFromBytesAreTheViewsScalars() {
        var compared = 0
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["Ж" + String(scalar) + "k", String(scalar), "\u{2009}" + String(scalar) + "№1", String(scalar) + "👍"] {
                let bytes = SingleScalarText.scalars(of: text), view = SingleScalarText.scalarsByView(text)
                #expect(bytes?.scalars == view?.scalars, "U+\(String(value, radix: 16))")
                #expect(bytes?.indices == view?.indices, "U+\(String(value, radix: 16))")
                #expect(bytes?.indices.map { text.utf8.distance(from: text.startIndex, to: $0) }
                        == view?.indices.map { text.utf8.distance(from: text.startIndex, to: $0) })
                compared += 1
            }
        }
        #expect(compared > 40_000)
        #expect(SingleScalarText.scalars(of: "")?.indices == ["".endIndex])
    }

    @Test func aTextWithoutAnASCIIDigitHasNoNumber() {
        #expect(NumberNormalizer.numbers(in: "п'ять танків, ½ і \u{0663}").map(\.value) == [])
        #expect(NumberNormalizer.numbersByCharacters(in: "п'ять танків, ½ і \u{0663}").map(\.value) == [])
        #expect(NumberNormalizer.numbers(in: "1\u{301} і 2").map(\.value) == [2])
    }
}
