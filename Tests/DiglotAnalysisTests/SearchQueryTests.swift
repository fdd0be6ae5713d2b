import Testing
@testable import DiglotAnalysis

@Suite struct SearchQueryTests {
    func parse(_ text: String) throws -> SearchQuery { try SearchQuery.parse(text).get() }

    @Test func wordsAreAndedAndFolded() throws {
        #expect(try parse("Танків  Харкові").root == .all([.word("танків"), .word("харкові")]))
        #expect(try parse("об’єкт").root == .word("об'єкт"))
    }

    @Test func phrasesKeepTheirWordsInOrder() throws {
        #expect(try parse("\"Збройні сили\" втрати").root == .all([.phrase(["збройні", "сили"]), .word("втрати")]))
        #expect(try parse("Харків-Київ").root == .phrase(["харків", "київ"]))
    }

    @Test func exclusionsApplyToTheWholeQuery() throws {
        #expect(try parse("втрати -росія").root == .excluding(.word("втрати"), [.word("росія")]))
        #expect(try parse("втрати -\"сили оборони\"").root == .excluding(.word("втрати"), [.phrase(["сили", "оборони"])]))
        #expect(try parse("(танки -росія) втрати").root == .excluding(.all([.word("танки"), .word("втрати")]), [.word("росія")]))
    }

    @Test func orBindsTighterThanAnd() throws {
        #expect(try parse("tanks Kharkiv OR Kyiv").root == .all([.word("tanks"), .any([.word("kharkiv"), .word("kyiv")])]))
        #expect(try parse("a OR b OR c").root == .any([.word("a"), .word("b"), .word("c")]))
        #expect(try parse("(tanks OR armor) Kyiv").root == .all([.any([.word("tanks"), .word("armor")]), .word("kyiv")]))
        #expect(try parse("tanks or Kyiv").root == .all([.word("tanks"), .word("or"), .word("kyiv")]), "lower-case or is a word")
    }

    @Test func groupedNumbersStayOneWord() throws {
        #expect(try parse("1 020 010 танків").root == .all([.word("1020010"), .word("танків")]))
        #expect(try parse("2024 рік").root == .all([.word("2024"), .word("рік")]))
    }

    @Test func malformedSyntaxIsReadAsWordsWithANote() throws {
        let quote = try parse("\"танків Харкові")
        #expect(quote.root == .all([.word("танків"), .word("харкові")]))
        #expect(quote.notes == ["An unmatched quote was ignored."])
        #expect(try parse("OR танків OR").root == .word("танків"))
        #expect(try parse("танків OR OR Харкові").root == .any([.word("танків"), .word("харкові")]))
        #expect(try parse("танків - Харкові").root == .all([.word("танків"), .word("харкові")]))
        #expect(try parse("танків)) ((Харкові").root == .all([.word("танків"), .word("харкові")]))
        #expect(try parse("NEAR(танків Харкові, 5) танк* title:втрати ^Київ").words
                == ["near", "танків", "харкові", "5", "танк", "title", "втрати", "київ"])
        #expect(try parse("танків OR -Харкові").notes.contains("An OR before an exclusion was ignored."))
    }

    @Test func queriesWithNothingToSearchAreRefused() {
        #expect(SearchQuery.parse("").failure == .nothingToSearch)
        #expect(SearchQuery.parse("\" * : ^ ( ) - OR").failure == .nothingToSearch)
        #expect(SearchQuery.parse("-росія -\"сили оборони\"").failure == .onlyExclusions)
        #expect(SearchQuery.parse("(-росія)").failure == .onlyExclusions)
        let long = Array(repeating: "слово", count: SearchQuery.wordLimit + 1).joined(separator: " ")
        #expect(SearchQuery.parse(long).failure == .tooManyWords(SearchQuery.wordLimit + 1))
        #expect(SearchQueryError.onlyExclusions.description.hasSuffix("."))
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
