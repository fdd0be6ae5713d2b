import DiglotModel

/// One concept of the bilingual glossary, in English, Ukrainian and Russian.
public struct GlossaryEntry: Hashable, Sendable, Identifiable {
    /// The line of `glossary.tsv` the entry comes from: stable while the file is only appended to.
    public var id: Int
    /// English renderings, the preferred one first.
    public var english: [String]
    public var ukrainian: [String]
    public var russian: [String]
    /// English renderings known to be wrong for this term (ООС is never "Environmental Protection Agency").
    public var conflicts: [String]
    /// `losses`, `weapons`, `civil`...
    public var domain: String

    /// The terms of this entry in `language`; empty for a language the glossary does not cover.
    public func terms(in language: LanguageTag) -> [String] {
        switch language {
        case .english: return english
        case .ukrainian: return ukrainian
        case .russian: return russian
        default: return []
        }
    }
}

/// A glossary term found in a text.
public struct GlossaryMatch: Hashable, Sendable {
    public var entry: GlossaryEntry
    /// The glossary form that matched (a lemma), and the text as written there.
    public var term: String
    public var surface: String
    public var language: LanguageTag
    public var range: Range<String.Index>
}
