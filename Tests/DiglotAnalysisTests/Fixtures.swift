import DiglotAnalysis

/// Analyzers shared by the tests: the Debian dictionaries load once per test process.
enum Fixtures {
    static let dictionaries: MorphologyDictionaries = {
        do { return try MorphologyDictionaries.debian() } catch {
            preconditionFailure("\(error)")  // the test setup installs hunspell-uk and hunspell-ru
        }
    }()

    /// An analyzer with dictionaries, allowed to use them for queries too, and its vocabulary.
    static func analyzer(store: InMemoryLemmaStore = InMemoryLemmaStore(),
                         lexicon: any AnalysisLexicon = MorphologyOnlyLexicon(),
                         queriesUseDictionaries: Bool = true) -> MorphologicalAnalyzer {
        MorphologicalAnalyzer(configuration: .init(dictionaries: dictionaries, lemmaStore: store, lexicon: lexicon,
                                                   loadsDictionariesForQueries: queriesUseDictionaries))
    }

    static let shared = analyzer()

    /// Terms at each position: the surface form first, then its colocated terms.
    static func positions(_ tokens: [AnalyzedToken]) -> [[String]] {
        var result: [[String]] = []
        for token in tokens {
            if token.isColocated, !result.isEmpty { result[result.count - 1].append(token.term) } else { result.append([token.term]) }
        }
        return result
    }
}
