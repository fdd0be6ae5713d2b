import DiglotAnalysis

/// How an archive analyses text for its index and its queries, chosen when it is opened.
///
/// The morphological analysis needs the archive's vocabulary (its `LemmaStore`), which exists only once
/// the store does, so the choice is a recipe the store calls with it.
///
/// ```swift
/// let store = try ArchiveStore(path: "diglot.sqlite", analysis: .morphological())
/// let plain = try ArchiveStore(path: "plain.sqlite", analysis: .fixed(BasicAnalyzer()))
/// ```
public struct SearchAnalysis: Sendable {
    let makeAnalyzer: @Sendable (ArchiveVocabulary) throws -> any TextAnalyzer

    /// Diglot's analysis: surface forms, Hunspell lemmas, name keys across scripts, the glossary.
    ///
    /// - Parameters:
    ///   - dictionaries: the Hunspell dictionaries; Debian's (shared by the whole process) when nil.
    ///   - loadsDictionariesForQueries: whether a query word the vocabulary lacks may load a dictionary;
    ///     off by default so that a `diglot search` process never loads one.
    public static func morphological(dictionaries: MorphologyDictionaries? = nil,
                                     loadsDictionariesForQueries: Bool = false) -> SearchAnalysis {
        SearchAnalysis { vocabulary in
            MorphologicalAnalyzer(configuration: .init(dictionaries: try dictionaries ?? .debian(), lemmaStore: vocabulary,
                                                       loadsDictionariesForQueries: loadsDictionariesForQueries))
        }
    }

    /// A ready analyzer that needs no vocabulary (`BasicAnalyzer`, or a test's own).
    public static func fixed(_ analyzer: any TextAnalyzer) -> SearchAnalysis { SearchAnalysis { _ in analyzer } }

    /// Surface forms only: `BasicAnalyzer`.
    public static var basic: SearchAnalysis { .fixed(BasicAnalyzer()) }
}
