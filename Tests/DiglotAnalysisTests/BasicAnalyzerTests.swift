import Testing
@testable import DiglotAnalysis

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
