import Testing
@testable import DiglotAnalysis

@Suite struct MorphologicalAnalyzerTests {
    let analyzer = Fixtures.shared

    func positions(_ text: String) -> [[String]] { Fixtures.positions(analyzer.indexTokens(text)) }
    func surfaces(_ text: String) -> [String] { positions(text).map { $0[0] } }
    func lemmas(_ word: String) -> Set<String> { Set(positions(word).first?.dropFirst() ?? []) }

    @Test func surfaceFormsAreNormalised() {
        #expect(surfaces("Об’єкт обʼєкт ОБ'ЄКТ об`єкт об´єкт") == Array(repeating: "об'єкт", count: 5))
        #expect(surfaces("Ки\u{0301}їв пере\u{00AD}мога") == ["київ", "перемога"])
        #expect(surfaces("Ґанок ганок ґАНОК") == ["ганок", "ганок", "ганок"])
        #expect(surfaces("самолётов самолетов") == ["самолетов", "самолетов"])
        #expect(surfaces("1 020 010 1\u{00A0}020\u{2009}010 1,020,010") == ["1020010", "1020010", "1020010"])
        #expect(surfaces("Кие\u{0301}в") == ["киев"])
        // NFD input composes: и + combining breve is й.
        #expect(surfaces("Кии\u{0306}в") == ["кийв"])
    }

    @Test func ukrainianInflectionsShareALemma() {
        #expect(lemmas("втратами").contains("~втрата"))
        #expect(lemmas("втрати").contains("~втрата"))
        #expect(lemmas("танків").contains("~танк"))
        #expect(lemmas("Харкові").contains("~харків"))
        #expect(lemmas("харкові").contains("~харків"), "a lower-case proper noun still gets its lemma")
        #expect(lemmas("безпілотників") == ["~безпілотник"])
    }

    @Test func aWordMetCapitalisedIsAlsoReadAsAName() {
        let fresh = Fixtures.analyzer()
        let lower = Set(Fixtures.positions(fresh.indexTokens("києві"))[0])
        let capitalised = Set(Fixtures.positions(fresh.indexTokens("Києві"))[0])
        #expect(lower.contains("~кий") && !lower.contains("~київ"), "lower case: the common word only")
        #expect(capitalised.isSuperset(of: ["~кий", "~київ"]))
        #expect(Set(Fixtures.positions(fresh.indexTokens("києві"))[0]) == lower, "what was read before changes nothing")
    }

    /// The tokens of a text depend on the text alone, not on what the analyzer read before (an import's parsing
    /// threads analyse files in no fixed order): "дані" (data) in lower case never takes the name readings of a
    /// capitalised "Дані" met earlier, in another text or in the same one.
    @Test func aTextsTokensDoNotDependOnWhatWasAnalysedBefore() {
        let text = "Нові дані про втрати. Дані уточнюються; дані Генштабу."
        let alone = Fixtures.analyzer().indexTokens("за даними Генштабу, дані уточнюються")
        let seasoned = Fixtures.analyzer()
        _ = seasoned.indexTokens(text)
        _ = seasoned.indexTokens("Дані Києві Харкові Зеленський")
        #expect(seasoned.indexTokens("за даними Генштабу, дані уточнюються") == alone)
        let fresh = Fixtures.analyzer()
        #expect(fresh.indexTokens(text) == Fixtures.analyzer().indexTokens(text))
        let positions = Fixtures.positions(fresh.indexTokens(text))
        #expect(Set(positions[1]) == Set(positions[6]), "both lower-case \"дані\" read alike")
        #expect(Set(positions[4]).isSuperset(of: positions[1]), "the capitalised one reads as a word and a name")
    }

    @Test func aLemmaEqualToTheSurfaceIsNotRepeated() {
        #expect(positions("танк") == [["танк"]])
    }

    @Test func russianInflectionsShareALemma() {
        #expect(lemmas("танков").contains("~танк"))
        #expect(lemmas("потерями").contains("~потеря"))
        #expect(lemmas("потери").contains("~потеря"))
        #expect(lemmas("самолётов") == lemmas("самолетов"))
        #expect(lemmas("Харькове").contains("~харьков"))
    }

    @Test func englishWordsGetSnowballStems() {
        #expect(lemmas("losses") == ["~loss"])
        #expect(lemmas("tanks") == ["~tank"])
        #expect(lemmas("destroyed") == ["~destroy"])
        #expect(positions("Kharkiv's")[0][0] == "kharkiv's")
    }

    @Test func unknownCyrillicWordsFallBackToTheLightStem() {
        // Not in hunspell-uk: a made-up surname in two cases.
        let nominative = lemmas("Шмаргуненко")
        let genitive = lemmas("Шмаргуненка")
        #expect(!nominative.isEmpty)
        #expect(nominative.intersection(genitive) == ["~шмаргуненк"])
    }

    @Test func numbersAndMixedTokensCarryNoLemmas() {
        #expect(positions("1 637 Су34") == [["1637"], ["су34"]])
    }

    @Test func colocatedTokensShareTheSurfaceByteRange() {
        let text = "Втрати ворога"
        let tokens = analyzer.indexTokens(text)
        let bytes = Array(text.utf8)
        for token in tokens {
            let surface = String(decoding: bytes[token.byteRange], as: UTF8.self)
            #expect(surface == "Втрати" || surface == "ворога")
        }
        #expect(tokens.first?.isColocated == false)
        #expect(tokens.contains { $0.isColocated })
    }

    @Test func newDictionaryFindingsAreRecordedOnce() {
        let store = InMemoryLemmaStore()
        let fresh = Fixtures.analyzer(store: store)
        _ = fresh.indexTokens("Втрати ворога: танків — 12. Втрати зросли.")
        let recorded = store.drain()
        #expect(recorded.map(\.word).contains("втрати"))
        #expect(recorded.first { $0.word == "танків" }?.lemmas.contains("танк") == true)
        #expect(recorded.allSatisfy { !$0.lemmas.isEmpty }, "only dictionary findings are worth keeping")
        _ = fresh.indexTokens("Втрати ворога")
        #expect(store.count == 0, "a word the process has seen is served from its cache, not recorded again")
    }

    @Test func indexAndQueryAgreeThroughTheVocabulary() throws {
        // Index with dictionaries; query from a fresh process that may not load any.
        let store = InMemoryLemmaStore()
        _ = Fixtures.analyzer(store: store).indexTokens("Загальні бойові втрати противника: танків — 3 500.")
        let queryDictionaries = try MorphologyDictionaries(ukrainian: .debian("uk_UA"), russian: .debian("ru_RU"))
        let searcher = MorphologicalAnalyzer(configuration: .init(dictionaries: queryDictionaries, lemmaStore: store))
        let forms = searcher.forms(of: ["втратами", "танків", "противника"])
        #expect(queryDictionaries.loadedCount == 0, "a search must not load a dictionary")
        #expect(forms["втратами"]?.lemmas.contains("втрата") == true, "reached through the stem 'втрат'")
        #expect(forms["танків"]?.lemmas.contains("танк") == true)
        #expect(forms["противника"]?.lemmaTerms.contains("~противник") == true)
    }

    @Test func queryTokensReadTheCompiledSyntax() {
        let tokens = analyzer.queryTokens("танків|~танк Харкові|#kharkiv")
        #expect(tokens.map(\.term) == ["танків", "~танк", "харкові", "#kharkiv"])
        #expect(tokens.map(\.isColocated) == [false, true, false, true])
        #expect(analyzer.queryTokens("Ґанок об’єкт").map(\.term) == ["ганок", "об'єкт"])
    }

    @Test func analysisIsSafeAcrossThreads() async {
        let text = "Генштаб ЗСУ: втрати ворога — танків 3 500, артсистем 6 700, у Харкові та Києві."
        let expected = analyzer.indexTokens(text)
        let results = await withTaskGroup(of: [AnalyzedToken].self) { group in
            for index in 0..<16 {
                group.addTask { (index.isMultiple(of: 2) ? Fixtures.shared : Fixtures.analyzer()).indexTokens(text) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
