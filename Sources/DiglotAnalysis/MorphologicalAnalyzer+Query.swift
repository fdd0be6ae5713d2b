import DiglotModel

extension MorphologicalAnalyzer {
    /// Tokens for one FTS5 query string as `QueryCompiler` writes it: whitespace separates positions,
    /// `|` separates alternatives at one position (returned as colocated tokens, which FTS5 reads as
    /// "any of these"), and terms with a tier prefix (`~lemma`, `#key`) pass verbatim. Anything else is
    /// normalised like document text, so a raw user string still gives its folded surface forms.
    ///
    /// ```swift
    /// analyzer.queryTokens("танків|~танк харкові|#kharkiv")
    /// // танків, ~танк (colocated), харкові, #kharkiv (colocated)
    /// ```
    public func queryTokens(_ text: String) -> [AnalyzedToken] {
        let utf8 = text.utf8
        var tokens: [AnalyzedToken] = []
        for position in text.split(whereSeparator: \.isWhitespace) {
            let alternatives = position.split(separator: "|")
            for (index, alternative) in alternatives.enumerated() {
                let start = utf8.distance(from: utf8.startIndex, to: alternative.startIndex)
                let range = start..<(start + alternative.utf8.count)
                if IndexTerms.isPrefixed(alternative) {
                    tokens.append(AnalyzedToken(term: String(alternative), byteRange: range, isColocated: index > 0))
                    continue
                }
                for (offset, token) in BasicAnalyzer.tokenize(String(alternative)).enumerated() {
                    let shifted = (token.byteRange.lowerBound + start)..<(token.byteRange.upperBound + start)
                    let colocated = index > 0 || (offset > 0 && alternatives.count > 1)
                    tokens.append(AnalyzedToken(term: IndexTerms.fold(token.term), byteRange: shifted,
                                                isColocated: colocated))
                }
            }
        }
        return tokens
    }

    /// The forms of query words (spellings as `BasicAnalyzer` folds them), read from this process's cache,
    /// then the archive's vocabulary (`LemmaStore`), then, when allowed, the dictionaries; a word nowhere
    /// known gets the lemmas recorded for words sharing its light stem, and the stem itself.
    ///
    /// No dictionary is loaded unless `Configuration.loadsDictionariesForQueries` is set.
    public func forms(of spellings: Set<String>) -> [String: WordForms] {
        var analyses: [String: WordAnalysis] = [:]
        var cyrillic: [String: String] = [:]  // folded word → spelling
        var result: [String: WordForms] = [:]
        let cached = cachedAnalyses(of: spellings)
        for spelling in spellings {
            switch WordMorphology.script(of: spelling) {
            case .other:
                result[spelling] = WordForms(surface: spelling, lemmas: [], nameKeys: [], languages: [])
            case .latin:
                result[spelling] = latinForms(spelling)
            case .cyrillic:
                if let known = cached[spelling] { analyses[spelling] = known } else {
                    cyrillic[IndexTerms.fold(spelling)] = spelling
                }
            }
        }
        if !cyrillic.isEmpty {
            let stored = configuration.lemmaStore.analyses(for: Set(cyrillic.keys))
            var unknown: [String: String] = [:]
            for (folded, spelling) in cyrillic {
                if let found = stored[folded] {
                    analyses[spelling] = found
                } else if configuration.loadsDictionariesForQueries, configuration.dictionaries != nil {
                    let analysis = WordMorphology(dictionaries: configuration.dictionaries).analyseCyrillic(spelling)
                    if analysis.isUnknown { unknown[folded] = spelling } else { analyses[spelling] = analysis }
                } else {
                    unknown[folded] = spelling
                }
            }
            let stems = Set(unknown.keys.map(CyrillicStemmer.stem))
            let byStem = stems.isEmpty ? [:] : configuration.lemmaStore.analyses(forStems: stems)
            for (folded, spelling) in unknown {
                let stem = CyrillicStemmer.stem(folded)
                let related = byStem[stem]
                analyses[spelling] = WordAnalysis(word: folded, lemmas: (related?.lemmas ?? []).union([stem]),
                                                  names: related?.names ?? [], stem: stem)
            }
        }
        for (spelling, analysis) in analyses { result[spelling] = cyrillicForms(analysis) }
        return result
    }

    private func cachedAnalyses(of spellings: Set<String>) -> [String: WordAnalysis] {
        cachedNameAnalyses(spellings).compactMapValues(\.analysis).filter { !$0.value.isUnknown }
    }

    private func latinForms(_ spelling: String) -> WordForms {
        let name = WordMorphology.withoutPossessive(spelling)
        return WordForms(surface: spelling, lemmas: [WordMorphology.stemLatin(spelling)],
                         nameKeys: nameKeys(of: [name]), languages: [.english])
    }

    private func cyrillicForms(_ analysis: WordAnalysis) -> WordForms {
        let languages: [LanguageTag]
        switch CyrillicStemmer.variant(of: Array(analysis.word.unicodeScalars)) {
        case .ukrainian: languages = [.ukrainian]
        case .russian: languages = [.russian]
        case .either: languages = [.ukrainian, .russian]
        }
        return WordForms(surface: analysis.word, lemmas: analysis.effectiveLemmas,
                         nameKeys: nameKeys(of: [analysis.word, analysis.stem] + analysis.names),
                         languages: languages)
    }

    /// Keys of names and of their exonym variants, without empties and repeats.
    func nameKeys(of names: [String]) -> [String] {
        let lexicon = configuration.lexicon
        let spellings = names.union(names.flatMap(lexicon.nameVariants))
        return [String]().union(spellings.map(lexicon.nameKey).filter { !$0.isEmpty })
    }
}
