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
    /// The word cache, by spelling's UTF-8 bytes (`ByteKeyedTable`: a token is looked up without a `String`).
    private let cache = Mutex(ByteKeyedTable<CachedSpelling>())

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

    /// The analyses of one spelling: as written in lower case, and capitalised (a possible name). A Cyrillic word's
    /// two may differ ("києві" the stick, "Києві" the city); any other word's, and an unknown word's, are one.
    struct CachedSpelling: Sendable {
        var plain: CachedWord?
        var capitalised: CachedWord?

        subscript(capitalised capitalised: Bool) -> CachedWord? { capitalised ? self.capitalised : plain }
    }

    /// Each occurrence is analysed by its spelling and whether it is capitalised, nothing else: the index of a
    /// text never depends on which texts this process analysed before it, so parsing threads may analyse in any
    /// order (and an archive imported in one run or in several gets the same index).
    public func indexTokens(_ text: String) -> [AnalyzedToken] {
        var text = text
        return text.withUTF8 { indexTokens(utf8: $0) }
    }

    /// One `BasicAnalyzer` token: its byte range, its cached analysis or, for a number or a word the cache
    /// lacked, its term.
    private struct Occurrence {
        let byteRange: Range<Int>
        var word: CachedWord?
        var term: String?
        let capitalised: Bool
    }

    /// The tokens of `bytes`: the cached words found by the terms' bytes under one lock, the missing ones
    /// analysed after it (Hunspell never runs under the lock), then every occurrence's forms in order.
    private func indexTokens(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [AnalyzedToken] {
        var occurrences: [Occurrence] = []
        occurrences.reserveCapacity(bytes.count / 6)
        var missing = Set<WordKey>()
        cache.withLock { cache in
            BasicAnalyzer.forEachTerm(in: bytes) { term, range in
                if Self.isNumber(term) {
                    occurrences.append(Occurrence(byteRange: range, word: nil, term: String(decoding: term, as: UTF8.self),
                                                  capitalised: false))
                    return
                }
                let capitalised = Self.startsWithCapital(bytes, at: range)
                if let known = cache.value(forUTF8: term)?[capitalised: capitalised] {
                    occurrences.append(Occurrence(byteRange: range, word: known, term: nil, capitalised: capitalised))
                    return
                }
                let spelling = String(decoding: term, as: UTF8.self)
                missing.insert(WordKey(spelling: spelling, capitalised: capitalised))
                occurrences.append(Occurrence(byteRange: range, word: nil, term: spelling, capitalised: capitalised))
            }
        }
        if !missing.isEmpty {
            let analysed = analyse(missing)
            for index in occurrences.indices where occurrences[index].word == nil {
                guard let spelling = occurrences[index].term, !Self.isNumber(spelling) else { continue }
                occurrences[index].word = analysed[WordKey(spelling: spelling, capitalised: occurrences[index].capitalised)]
            }
        }
        var tokens: [AnalyzedToken] = []
        tokens.reserveCapacity(occurrences.count * 2)
        for occurrence in occurrences {
            guard let word = occurrence.word else {
                // a number: nothing to add
                tokens.append(AnalyzedToken(term: occurrence.term ?? "", byteRange: occurrence.byteRange))
                continue
            }
            tokens.append(AnalyzedToken(term: word.surface, byteRange: occurrence.byteRange))
            for term in word.colocated {
                tokens.append(AnalyzedToken(term: term, byteRange: occurrence.byteRange, isColocated: true))
            }
            if !word.latinNames.isEmpty, occurrence.capitalised {
                for key in word.latinNames {
                    tokens.append(AnalyzedToken(term: key, byteRange: occurrence.byteRange, isColocated: true))
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

    /// `isNumber` of a term's UTF-8 bytes.
    static func isNumber(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        term.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }

    /// A spelling and whether one occurrence of it is capitalised: what an occurrence's analysis depends on.
    struct WordKey: Hashable, Sendable {
        let spelling: String
        let capitalised: Bool
    }

    /// Analyses the occurrences the cache lacks, records new dictionary findings, and caches the results.
    /// A Cyrillic word in lower case is analysed as a common word (one Hunspell call), capitalised also as a
    /// possible name; an analysis that does not depend on it (a Latin word, an unknown word) fills both.
    private func analyse(_ keys: Set<WordKey>) -> [WordKey: CachedWord] {
        var analysed: [WordKey: CachedWord] = [:]
        var discovered: [WordAnalysis] = []
        for key in keys {
            let word = cachedWord(for: key.spelling, asName: key.capitalised)
            analysed[key] = word
            if let analysis = word.analysis, !analysis.lemmas.isEmpty { discovered.append(analysis) }
        }
        if !discovered.isEmpty { configuration.lemmaStore.record(discovered) }
        let limit = configuration.cacheLimit
        cache.withLock { cache in
            if cache.count + analysed.count > limit { cache.removeAll() }
            for (key, word) in analysed {
                var entry = cache[key.spelling] ?? CachedSpelling()
                if key.capitalised || word.checkedAsName { entry.capitalised = word }
                if !key.capitalised || !word.isCyrillic || word.analysis?.isUnknown == true { entry.plain = word }
                cache[key.spelling] = entry
            }
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

    /// The cached analyses of those `spellings` this process has already analysed as possible names.
    func cachedNameAnalyses(_ spellings: Set<String>) -> [String: CachedWord] {
        cache.withLock { cache in
            var found: [String: CachedWord] = [:]
            for spelling in spellings { found[spelling] = cache[spelling]?.capitalised }
            return found
        }
    }

    /// Whether the token at `range` begins with a capital letter. Asked for every word, so ASCII and the
    /// two-byte scalars (Latin-1, Latin Extended, Greek, Cyrillic) are read by their bytes; the rest as a Character.
    static func startsWithCapital(_ bytes: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> Bool {
        let start = range.lowerBound
        guard start < bytes.count else { return false }
        let lead = bytes[start]
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        if lead & 0xE0 == 0xC0, start + 1 < bytes.count, bytes[start + 1] & 0xC0 == 0x80,
           let scalar = Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)) {
            return scalar.properties.isUppercase
        }
        let end = min(range.upperBound, start + 4)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).first?.isUppercase == true
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
