import Testing
import DiglotModel
import DiglotLexicon

@Suite struct MonthNamesTests {
    @Test func loads() { #expect(MonthNames.loadProblem == nil) }

    @Test(arguments: [
        ("липня", 7), ("лип.", 7), ("Липень", 7), ("июля", 7), ("July", 7), ("jul", 7), ("лютого", 2), ("февраля", 2),
        ("Feb.", 2), ("грудня", 12), ("декабря", 12), ("травня", 5), ("мая", 5), ("May", 5), ("вересня", 9),
        ("sept", 9), ("листопада", 11), ("ноября", 11), ("січня", 1), ("січні", 1), ("жовтня", 10), ("октябре", 10),
        ("серпня", 8), ("квітня", 4), ("червня", 6), ("июня", 6), ("березня", 3), ("марта", 3),
    ])
    func parsesForms(word: String, month: Int) {
        #expect(MonthNames.month(from: word) == month)
    }

    @Test func rejectsOtherWords() {
        #expect(MonthNames.month(from: "танків") == nil)
        #expect(MonthNames.month(from: "") == nil)
    }

    @Test func everyMonthInEveryLanguage() {
        for month in 1...12 {
            for language in [LanguageTag.ukrainian, .russian, .english] {
                #expect(!MonthNames.names(of: month, in: language).isEmpty)
            }
        }
    }
}

