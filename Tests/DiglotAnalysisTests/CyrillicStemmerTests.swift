import Testing
@testable import DiglotAnalysis

@Suite struct CyrillicStemmerTests {
    @Test(arguments: [
        ("втратами", "втрат"), ("втрати", "втрат"), ("танків", "танк"), ("бахмута", "бахмут"),
        ("бахмуті", "бахмут"), ("бахмут", "бахмут"), ("харків", "харк"), ("харкова", "харк"), ("харкові", "харк"),
        ("харькове", "харьк"), ("потерями", "потер"), ("потери", "потер"), ("біловодська", "біловодськ"),
    ])
    func stems(word: String, stem: String) {
        #expect(CyrillicStemmer.stem(word) == stem)
    }

    @Test func shortWordsAreKept() {
        #expect(CyrillicStemmer.stem("зсу") == "зсу")
        #expect(CyrillicStemmer.stem("ока") == "ока")
        #expect(CyrillicStemmer.stem("київ") == "київ", "stripping -їв would leave fewer than three letters")
    }

    @Test func theLanguageIsReadFromItsOwnLetters() {
        #expect(CyrillicStemmer.variant(of: Array("їжак".unicodeScalars)) == .ukrainian)
        #expect(CyrillicStemmer.variant(of: Array("высота".unicodeScalars)) == .russian)
        #expect(CyrillicStemmer.variant(of: Array("танка".unicodeScalars)) == .either)
    }

    @Test func analysesSurviveTheirTableForm() {
        let analysis = WordAnalysis(word: "харкові", lemmas: ["харко", "харків"], names: ["харків"], stem: "харк")
        #expect(WordAnalysis(word: "харкові", stem: "харк", encodedLemmas: analysis.encodedLemmas) == analysis)
        #expect(WordAnalysis(word: "x", stem: "x", encodedLemmas: "no separator") == nil)
    }
}
