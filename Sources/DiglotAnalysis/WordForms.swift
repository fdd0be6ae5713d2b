import DiglotModel

/// Every index term a query word may match, by tier: its surface form, its lemmas, its name keys.
///
/// ```swift
/// // "танків" → surface "танків", lemmas ["танк", "танок"], lemmaTerms ["~танк", "танк", "~танок", "танок"]
/// ```
public struct WordForms: Sendable, Hashable {
    /// The folded surface form: the exact tier.
    public var surface: String
    /// Lemmas (unprefixed, folded): dictionary lemmas, vocabulary lemmas found through the light stem,
    /// the light stem itself, or the Snowball stem.
    public var lemmas: [String]
    /// Name keys (unprefixed): of the word, its stem, its proper-noun lemmas and their exonym variants.
    public var nameKeys: [String]
    /// Languages the word may be in, for the glossary (Latin: English; Cyrillic: Ukrainian and/or Russian).
    public var languages: [LanguageTag]

    public init(surface: String, lemmas: [String], nameKeys: [String], languages: [LanguageTag]) {
        self.surface = surface
        self.lemmas = lemmas
        self.nameKeys = nameKeys
        self.languages = languages
    }

    /// The exact tier's one term.
    public var exactTerms: [String] { [surface] }

    /// The lemma tier's terms: `~lemma` and the lemma as a surface form (the index does not repeat a lemma
    /// equal to the surface form), without the surface form itself.
    public var lemmaTerms: [String] {
        [String]().union(lemmas.flatMap { [IndexTerms.lemma($0), $0] }).filter { $0 != surface }
    }

    /// The name tier's terms: `#key`.
    public var nameTerms: [String] { nameKeys.map(IndexTerms.name) }
}
