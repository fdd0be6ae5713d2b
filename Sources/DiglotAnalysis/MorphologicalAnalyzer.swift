import DiglotModel
import Synchronization

/// Diglot's search analysis: `BasicAnalyzer` normalisation plus lemmas and name keys as colocated tokens.
///
/// Each surface token is followed at the same position by its lemmas (`~танк`) and, for names, by name
/// keys (`#kharkiv`); see `IndexTerms` for the scheme. Words are analysed once per process (a word cache;
/// import texts repeat words massively) and Hunspell runs only for words not seen before; what it finds
/// is recorded in the `LemmaStore` so that queries later read it from the archive instead of loading a
/// dictionary.
///
/// ```swift
/// let analyzer = MorphologicalAnalyzer(configuration: .init(dictionaries: try .debian(),
///                                                           lemmaStore: InMemoryLemmaStore()))
/// analyzer.indexTokens("танків у Харкові").map(\.term)
/// // ["танків", "~танк", "~танок", "у", "харкові", "~харко", "~харків", "#…"]
/// ```
public final class MorphologicalAnalyzer: TextAnalyzer {
    /// What the analyzer works with.
    public struct Configuration: Sendable {
        /// Hunspell dictionaries; nil analyses Cyrillic with the light stemmer alone.
        public var dictionaries: MorphologyDictionaries?
        /// The archive's vocabulary: written at index time, read at query time.
        public var lemmaStore: any LemmaStore
        /// Name keys, exonyms and the glossary.
        public var lexicon: any AnalysisLexicon
        /// Whether query analysis may load a dictionary for a word the vocabulary lacks. Off for a
        /// `diglot search` process (which must answer in 100 ms); on for long-running processes and tests.
        public var loadsDictionariesForQueries: Bool
        /// Words kept in the in-process cache before it is emptied and refilled.
        public var cacheLimit: Int

        public init(dictionaries: MorphologyDictionaries?, lemmaStore: any LemmaStore,
                    lexicon: any AnalysisLexicon = DiglotLexiconBridge(),
                    loadsDictionariesForQueries: Bool = false, cacheLimit: Int = 500_000) {
            self.dictionaries = dictionaries
            self.lemmaStore = lemmaStore
            self.lexicon = lexicon
            self.loadsDictionariesForQueries = loadsDictionariesForQueries
            self.cacheLimit = cacheLimit
        }
    }

    public let configuration: Configuration
    private let morphology: WordMorphology
    private let cache = Mutex<[String: CachedWord]>([:])

    public init(configuration: Configuration) {
        self.configuration = configuration
        morphology = WordMorphology(dictionaries: configuration.dictionaries)
    }

    /// One analysed spelling: what to emit after its surface form.
    ///
    /// A class: every token of every text takes a cached word from the cache, and a struct of five fields
    /// (strings, arrays, an analysis) cost a retain and a release of each at every copy.
    final class CachedWord: Sendable {
        let surface: String
        /// Lemma terms and Cyrillic name keys, written after every occurrence.
        let colocated: [String]
        /// Name keys of a Latin word, written only where the word is capitalised.
        let latinNames: [String]
        /// The dictionary analysis of a Cyrillic word, kept for query analysis.
        let analysis: WordAnalysis?
        /// Whether a Cyrillic word was also looked up as a name (capitalised).
        let checkedAsName: Bool
        var isCyrillic: Bool { analysis != nil }

        init(surface: String, colocated: [String], latinNames: [String], analysis: WordAnalysis?, checkedAsName: Bool) {
            self.surface = surface
            self.colocated = colocated
            self.latinNames = latinNames
            self.analysis = analysis
            self.checkedAsName = checkedAsName
        }
    }

    public func indexTokens(_ text: String) -> [AnalyzedToken] {
        let base = BasicAnalyzer.tokenize(text)
        let bytes = Array(text.utf8)
        var resolved = [CachedWord?](repeating: nil, count: base.count)
        var missing: [String: Bool] = [:]  // spelling → written capitalised somewhere in this text
        cache.withLock { cache in
            for (index, token) in base.enumerated() where !Self.isNumber(token.term) {
                let known = cache[token.term]
                if let known, known.checkedAsName || !known.isCyrillic { resolved[index] = known; continue }
                let capitalised = Self.startsWithCapital(bytes, at: token.byteRange)
                if let known, !capitalised { resolved[index] = known; continue }
                missing[token.term] = capitalised || missing[token.term] == true
            }
        }
        if !missing.isEmpty {
            let analysed = analyse(missing)
            for index in base.indices where resolved[index] == nil { resolved[index] = analysed[base[index].term] }
        }
        var tokens: [AnalyzedToken] = []
        tokens.reserveCapacity(base.count * 2)
        for (index, token) in base.enumerated() {
            guard let word = resolved[index] else {
                tokens.append(token)  // a number: nothing to add
                continue
            }
            tokens.append(AnalyzedToken(term: word.surface, byteRange: token.byteRange))
            for term in word.colocated {
                tokens.append(AnalyzedToken(term: term, byteRange: token.byteRange, isColocated: true))
            }
            if !word.latinNames.isEmpty {
                if Self.startsWithCapital(bytes, at: token.byteRange) {
                    for key in word.latinNames {
                        tokens.append(AnalyzedToken(term: key, byteRange: token.byteRange, isColocated: true))
                    }
                }
            }
        }
        return tokens
    }

    /// One token per `BasicAnalyzer` token, as `indexTokens` emits surface forms, without any analysis:
    /// snippets in a search process never touch Hunspell.
    public func forEachPositionRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        BasicAnalyzer.forEachTokenRange(in: text, body)
    }

    /// Numbers are emitted as they are and kept out of the word cache (they rarely repeat).
    static func isNumber(_ term: String) -> Bool {
        term.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }

    /// Analyses spellings the cache lacks, records new dictionary findings, and caches the results.
    /// A Cyrillic word first met in lower case is analysed as a common word only (one Hunspell call);
    /// met capitalised later, it is analysed again as a possible name and the cache entry replaced.
    private func analyse(_ spellings: [String: Bool]) -> [String: CachedWord] {
        var analysed: [String: CachedWord] = [:]
        var discovered: [WordAnalysis] = []
        for (spelling, capitalised) in spellings {
            let word = cachedWord(for: spelling, asName: capitalised)
            analysed[spelling] = word
            if let analysis = word.analysis, !analysis.lemmas.isEmpty { discovered.append(analysis) }
        }
        if !discovered.isEmpty { configuration.lemmaStore.record(discovered) }
        let limit = configuration.cacheLimit
        cache.withLock { cache in
            if cache.count + analysed.count > limit { cache.removeAll(keepingCapacity: true) }
            cache.merge(analysed, uniquingKeysWith: { _, new in new })
        }
        return analysed
    }

    private func cachedWord(for spelling: String, asName: Bool) -> CachedWord {
        let lexicon = configuration.lexicon
        switch WordMorphology.script(of: spelling) {
        case .other:
            return CachedWord(surface: spelling, colocated: [], latinNames: [], analysis: nil, checkedAsName: true)
        case .latin:
            let stem = WordMorphology.stemLatin(spelling)
            let key = lexicon.nameKey(WordMorphology.withoutPossessive(spelling))
            return CachedWord(surface: spelling, colocated: stem == spelling ? [] : [IndexTerms.lemma(stem)],
                              latinNames: key.isEmpty ? [] : [IndexTerms.name(key)], analysis: nil, checkedAsName: true)
        case .cyrillic:
            let analysis = morphology.analyseCyrillic(spelling, asName: asName)
            let lemmaTerms = analysis.effectiveLemmas.filter { $0 != analysis.word }.map(IndexTerms.lemma)
            let nameSources = analysis.isUnknown ? [analysis.word, analysis.stem] : analysis.names
            let nameTerms = [String]().union(nameSources.map(lexicon.nameKey).filter { !$0.isEmpty }.map(IndexTerms.name))
            return CachedWord(surface: analysis.word, colocated: [String]().union(lemmaTerms + nameTerms),
                              latinNames: [], analysis: analysis, checkedAsName: asName || analysis.isUnknown)
        }
    }

    /// The cached analyses of those `spellings` this process has already seen.
    func cachedWords(_ spellings: Set<String>) -> [String: CachedWord] {
        cache.withLock { cache in
            var found: [String: CachedWord] = [:]
            for spelling in spellings { found[spelling] = cache[spelling] }
            return found
        }
    }

    static func startsWithCapital(_ bytes: [UInt8], at range: Range<Int>) -> Bool {
        guard range.lowerBound < bytes.count else { return false }
        let end = min(range.upperBound, range.lowerBound + 4)
        return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self).first?.isUppercase == true
    }
}

extension TextAnalyzer where Self == MorphologicalAnalyzer {
    /// Diglot's search analysis with Debian's Hunspell dictionaries.
    ///
    /// ```swift
    /// let analyzer: any TextAnalyzer = try .morphological(lemmaStore: vocabulary)
    /// ```
    /// - Parameters:
    ///   - lemmaStore: the archive's vocabulary (see `LemmaStore`).
    ///   - loadsDictionariesForQueries: false for a short-lived search process.
    /// - Throws: `MorphologyError.dictionaryMissing` when hunspell-uk or hunspell-ru is not installed.
    public static func morphological(lemmaStore: any LemmaStore, lexicon: any AnalysisLexicon = DiglotLexiconBridge(),
                                     loadsDictionariesForQueries: Bool = false) throws(MorphologyError) -> MorphologicalAnalyzer {
        MorphologicalAnalyzer(configuration: .init(dictionaries: try .debian(), lemmaStore: lemmaStore, lexicon: lexicon,
                                                   loadsDictionariesForQueries: loadsDictionariesForQueries))
    }
}
