import Testing
@testable import DiglotAnalysis

/// The retrieval check across scripts and languages, with DiglotLexicon's name keys, names table and glossary.
@Suite struct CrossLanguageRetrievalTests {
    static let analyzer = Fixtures.analyzer(lexicon: .diglot)
    let index = TinyIndex(RetrievalTests.snippets, analyzer: Self.analyzer)
    let compiler = QueryCompiler(analyzer: Self.analyzer)

    func found(_ text: String) throws -> Set<Int> {
        let compiled = compiler.compile(try SearchQuery.parse(text).get())
        return index.matches(compiled.broadest.expression)
    }

    @Test func englishWordsAndLatinNamesFindUkrainianText() throws {
        #expect(try found("tanks Kharkiv").isSuperset(of: [1, 12]))
        #expect(try found("Kiev").isSuperset(of: [2, 8, 13, 16, 22, 29]))
        #expect(try found("Kyiv") == found("Київ"))
        #expect(try found("Kharkov") == found("Харків"))
    }

    @Test func theGlossaryCarriesWordsAcrossLanguages() throws {
        #expect(try found("losses").isSuperset(of: [0, 4, 6, 23, 7, 9, 11, 15, 27]))
        #expect(try found("tanks").isSuperset(of: [1, 4, 7, 12, 15]))
        #expect(try found("втрати").isSuperset(of: [11, 15, 27]), "and back from Ukrainian to English")
        let compiled = compiler.compile(try SearchQuery.parse("losses").get())
        #expect(compiled.stages.last?.tier == .translation)
        #expect(!index.matches(compiled.stages[0].expression).contains(0), "translations only in the last stage")
    }

    @Test func nameVariantsMeetAcrossScripts() throws {
        #expect(try found("Zelensky").isSuperset(of: [3, 10, 14]))
        #expect(try found("Zelenskyy") == found("Зеленський"))
        #expect(try found("Bakhmut").isSuperset(of: [18, 19, 28]))
    }

    @Test func exactFormsStillComeFirst() throws {
        let compiled = compiler.compile(try SearchQuery.parse("Kharkiv").get())
        let first = index.matches(compiled.stages[0].expression)
        #expect(first == [12, 14])
        #expect(index.matches(compiled.broadest.expression).isSuperset(of: [1, 3, 8]))
    }
}
