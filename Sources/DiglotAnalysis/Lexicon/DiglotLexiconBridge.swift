import DiglotLexicon
import DiglotModel

/// The one file that calls DiglotLexicon: name keys (`NameKey`), exonyms (`NamesTable`) and the
/// bilingual glossary (`Glossary`) as analysis sees them.
///
/// ```swift
/// let analyzer = MorphologicalAnalyzer(configuration: .init(dictionaries: try .debian(),
///                                                           lemmaStore: store, lexicon: .diglot))
/// ```
public struct DiglotLexiconBridge: AnalysisLexicon {
    public init() {}

    /// `NameKey.key`, with spaces (multi-word canonical keys) made `_` so a key stays one index term.
    public func nameKey(_ name: String) -> String {
        NameKey.key(name).replacingOccurrences(of: " ", with: "_")
    }

    public func nameVariants(_ name: String) -> [String] {
        NamesTable.shared.entry(for: name)?.allForms ?? []
    }

    public func translations(of term: String, from source: LanguageTag, to target: LanguageTag) -> [String] {
        Glossary.shared.translations(of: term, from: source, to: target)
    }
}

extension AnalysisLexicon where Self == DiglotLexiconBridge {
    /// Diglot's own names table and glossary.
    public static var diglot: DiglotLexiconBridge { DiglotLexiconBridge() }
}
