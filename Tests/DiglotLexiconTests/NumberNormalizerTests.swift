import Testing
import DiglotLexicon

@Suite struct NumberNormalizerTests {
    private func values(_ text: String) -> [Double] { NumberNormalizer.numbers(in: text).map(\.value) }
    private func quantities(_ text: String) -> [Double] {
        NumberNormalizer.numbers(in: text).filter(\.isQuantity).map(\.value)
    }

    @Test(arguments: [
        ("1 тис.", 1000.0), ("1,5 тис", 1500), ("2 млн", 2_000_000), ("1 thousand", 1000), ("1.5 million", 1_500_000),
        ("1 020 010", 1_020_010), ("1\u{00A0}020\u{00A0}010", 1_020_010), ("1\u{2009}020\u{2009}010", 1_020_010),
        ("1\u{202F}020", 1020), ("1,020,010", 1_020_010), ("(+1 070)", 1070), ("3,2 млрд", 3_200_000_000),
        ("понад 40 тисяч", 40_000), ("2,5 мільйона", 2_500_000), ("12 тыс.", 12_000), ("$1.2bn", 1_200_000_000),
        ("20k", 20_000), ("1,500 тис.", 1500), ("3.05 million", 3_050_000), ("1 637", 1637),
    ])
    func singleValues(text: String, expected: Double) {
        #expect(values(text) == [expected], "\(text)")
    }

    @Test func keepsSeparateNumbersApart() {
        #expect(values("1637, 3811") == [1637, 3811])
        #expect(values("у 2022 120 танків") == [2022, 120])
        #expect(values("5 m") == [5])
        #expect(values("1 2 3") == [1, 2, 3])
        #expect(values("12 1234") == [12, 1234])
        #expect(values("1 0200") == [1, 200])
    }

    @Test func datesAndTimesAreNotQuantities() throws {
        let found = NumberNormalizer.numbers(in: "з 24.02 по 08.07.2022 (станом на 06:00) танки ‒ 1 637 (+12)")
        #expect(found.map(\.kind) == [.date, .date, .time, .cardinal, .cardinal])
        #expect(found[0].value == 24 && found[0].month == 2 && found[0].year == nil)
        #expect(found[1].value == 8 && found[1].month == 7 && found[1].year == 2022)
        #expect(found.filter(\.isQuantity).map(\.intValue) == [1637, 12])
        #expect(found[3].text == "1 637")
    }

    @Test func decimalsAndRanges() throws {
        let text = "about 3.5 km and 99,9 %"
        let found = NumberNormalizer.numbers(in: text)
        #expect(found.map(\.value) == [3.5, 99.9])
        #expect(found.map(\.kind) == [.decimal, .decimal])
        #expect(found[0].intValue == nil)
        #expect(String(text[found[0].range]) == "3.5")
    }

    @Test func bulletinLine() {
        let uk = "особового складу ‒ близько 37400 (+100) осіб, танків ‒ 1637 (+5), ББМ ‒ 3811 (+14)"
        #expect(quantities(uk) == [37400, 100, 1637, 5, 3811, 14])
        let en = "personnel ‒ about 37,400 (+100), tanks ‒ 1,637 (+5), APV ‒ 3,811 (+14)"
        #expect(quantities(en) == quantities(uk))
    }

    @Test func modelNamesAndOrdinals() {
        #expect(values("Су-25 і Ка-52") == [25, 52])
        #expect(values("24-го лютого") == [24])
    }

    @Test func hugeDigitStringsDoNotOverflow() throws {
        let found = NumberNormalizer.numbers(in: "status/1500000000000000000000000001 and 12")
        #expect(found.count == 2)
        #expect(found[0].intValue == nil)
        #expect(found[1].intValue == 12)
    }

    @Test func englishNumberWordsOnlyWhenAsked() {
        let text = "Fifty people were killed, five of them children, and twenty-three wounded; 100 evacuated."
        #expect(NumberNormalizer.numbers(in: text).map(\.value) == [100])
        let all = NumberNormalizer.numbers(in: text, includingWords: true)
        #expect(all.map(\.value) == [50, 5, 23, 100])
        #expect(all.map(\.isSpelledOut) == [true, true, true, false])
        #expect(NumberNormalizer.numbers(in: "someone, nonetheless", includingWords: true).isEmpty)
    }

    @Test func emptyText() {
        #expect(NumberNormalizer.numbers(in: "").isEmpty)
        #expect(NumberNormalizer.numbers(in: "без цифр").isEmpty)
    }
}
