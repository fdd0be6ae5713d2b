import DiglotModel

/// What analysis needs from DiglotLexicon: name keys across scripts, exonym variants and the glossary.
///
/// Kept as a protocol so the analyzer stays testable in isolation; `DiglotLexiconBridge` (the one file
/// that calls DiglotLexicon) is the implementation Diglot uses.
public protocol AnalysisLexicon: Sendable {
    /// A script-independent key for a name, equal for "Харків", "Kharkiv" and "Kharkov". Empty for none.
    func nameKey(_ name: String) -> String
    /// Other spellings of a name no rule derives (exonyms: "Kiev" for "Київ"); may be empty.
    func nameVariants(_ name: String) -> [String]
    /// Glossary translations of a term ("tanks", en → uk: ["танк"]); may be empty.
    func translations(of term: String, from source: LanguageTag, to target: LanguageTag) -> [String]
}

/// A lexicon that knows no names and no translations: morphology only, no cross-script or
/// cross-language matching. For indexes that must not carry name keys, and for tests of morphology alone.
public struct MorphologyOnlyLexicon: AnalysisLexicon {
    public init() {}
    public func nameKey(_ name: String) -> String { "" }
    public func nameVariants(_ name: String) -> [String] { [] }
    public func translations(of term: String, from source: LanguageTag, to target: LanguageTag) -> [String] { [] }
}
