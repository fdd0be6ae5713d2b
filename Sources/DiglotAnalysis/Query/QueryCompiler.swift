import DiglotModel

/// Compiles a `SearchQuery` into FTS5 MATCH expressions over the terms `MorphologicalAnalyzer` indexes.
///
/// Each query word becomes an OR of its forms, widened tier by tier (exact surface, lemmas, name keys,
/// glossary translations, see `CompiledQuery.Tier`); a phrase keeps its words in sequence with each
/// position's surface, lemma and name alternatives; exclusions always use surface, lemmas and names, so
/// `-Росія` also removes "Росії".
///
/// ```swift
/// let compiler = QueryCompiler(analyzer: analyzer)
/// let compiled = compiler.compile(try SearchQuery.parse("tanks Kharkiv").get())
/// compiled.broadest.match   // (("tanks" OR "~tank" OR "tank" OR "#tanks" OR "танк" …) AND (…))
/// ```
public struct QueryCompiler: Sendable {
    public let analyzer: MorphologicalAnalyzer

    public init(analyzer: MorphologicalAnalyzer) { self.analyzer = analyzer }

    /// Compiles `query`; every word is analysed in two batched vocabulary look-ups (the query's words,
    /// then its glossary translations).
    public func compile(_ query: SearchQuery) -> CompiledQuery {
        let words = Set(query.words)
        var forms = analyzer.forms(of: words)
        let translations = translationTokens(of: words, forms: forms)
        let translated = Set(translations.values.flatMap { $0.flatMap { $0 } }).subtracting(forms.keys)
        if !translated.isEmpty { forms.merge(analyzer.forms(of: translated), uniquingKeysWith: { first, _ in first }) }
        let context = Context(forms: forms, translations: translations)
        var stages: [CompiledQuery.Stage] = []
        for tier in CompiledQuery.Tier.allCases where tier <= .translation {
            let expression = context.expression(query.root, tier: tier)
            if stages.last?.expression != expression {
                stages.append(CompiledQuery.Stage(tier: tier, expression: expression))
            }
        }
        if let relaxed = Self.someWords(of: query.root) {
            stages.append(CompiledQuery.Stage(tier: .someWords, expression: context.expression(relaxed, tier: .translation)))
        }
        return CompiledQuery(stages: stages, notes: query.notes)
    }

    /// The query with its top-level AND turned into OR, or nil when it has a single positive part (nothing
    /// to relax) or the user wrote OR at the top level themselves. Exclusions still apply.
    static func someWords(of root: SearchQuery.Node) -> SearchQuery.Node? {
        switch root {
        case .all(let nodes) where nodes.count > 1:
            return .any(nodes)
        case .excluding(let kept, let excluded):
            return someWords(of: kept).map { .excluding($0, excluded) }
        default:
            return nil
        }
    }

    /// For each word, its glossary translations as lists of spellings (a translation may be several words).
    private func translationTokens(of words: Set<String>, forms: [String: WordForms]) -> [String: [[String]]] {
        let lexicon = analyzer.configuration.lexicon
        let all: [LanguageTag] = [.english, .ukrainian, .russian]
        var result: [String: [[String]]] = [:]
        for word in words {
            guard let form = forms[word], !form.languages.isEmpty else { continue }
            var seen: Set<[String]> = []
            var expansions: [[String]] = []
            for source in form.languages {
                for target in all where !form.languages.contains(target) {
                    for term in [word].union(form.lemmas) {
                        for translation in lexicon.translations(of: term, from: source, to: target) {
                            let tokens = BasicAnalyzer.tokenize(translation).map(\.term)
                            if !tokens.isEmpty, tokens != [word], seen.insert(tokens).inserted {
                                expansions.append(tokens)
                            }
                        }
                    }
                }
            }
            if !expansions.isEmpty { result[word] = expansions }
        }
        return result
    }

    /// The analysed forms the expressions are built from.
    struct Context {
        let forms: [String: WordForms]
        let translations: [String: [[String]]]

        func expression(_ node: SearchQuery.Node, tier: CompiledQuery.Tier) -> MatchExpression {
            switch node {
            case .word(let word):
                var alternatives = terms(word, tier: tier).map(MatchExpression.term)
                if tier >= .translation {
                    alternatives += (translations[word] ?? []).map { phrase($0, tier: .name) }
                }
                return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
            case .phrase(let words):
                return phrase(words, tier: min(tier, .name))
            case .all(let nodes):
                return .all(nodes.map { expression($0, tier: tier) })
            case .any(let nodes):
                return .any(nodes.map { expression($0, tier: tier) })
            case .excluding(let kept, let excluded):
                let removed = excluded.map { expression($0, tier: .name) }
                return .excluding(expression(kept, tier: tier), removed.count == 1 ? removed[0] : .any(removed))
            }
        }

        func phrase(_ words: [String], tier: CompiledQuery.Tier) -> MatchExpression {
            .phrase(words.map { terms($0, tier: tier) })
        }

        /// The index terms a word may match up to `tier` (translations excluded).
        func terms(_ word: String, tier: CompiledQuery.Tier) -> [String] {
            guard let form = forms[word] else { return [IndexTerms.fold(word)] }
            var terms = form.exactTerms
            if tier >= .lemma { terms = terms.union(form.lemmaTerms) }
            if tier >= .name { terms = terms.union(form.nameTerms) }
            return terms
        }
    }
}
