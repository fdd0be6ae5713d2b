import DiglotModel
/// A deliberately light suffix stripper, enough to match glossary lemmas against inflected text.
///
/// Full morphology (hunspell, Snowball) lives in DiglotAnalysis; here the point is only that "втратами", "втрат"
/// and "втрати" meet, and "losses", "loss" meet, without loading dictionaries.
///
/// ```swift
/// LightStemmer.stem("окупантів", language: .ukrainian) == LightStemmer.stem("окупанти", language: .ukrainian)
/// ```
public enum LightStemmer {
    /// Inflectional endings of Ukrainian and Russian nouns, adjectives and participles, longest first.
    static let slavicEndings: [String] = [
        "ією", "ией", "ями", "ами", "ові", "еві", "єві", "ого", "ому", "ему", "ими", "ыми", "іми", "его",
        "ій", "ої", "ою", "ею", "єю", "ям", "ам", "ах", "ях", "ів", "їв", "ов", "ев", "ей", "ом", "ем", "им", "ым",
        "ім", "их", "ых", "іх", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ія", "ії", "ію", "ия", "ии",
        "ию", "ья", "ьи", "ью",
        "а", "я", "у", "ю", "і", "ї", "и", "ы", "е", "є", "о", "ь", "й",
    ].sorted { $0.count > $1.count }

    /// The endings as scalar arrays, longest first, for a comparison that allocates nothing.
    static let slavicEndingScalars: [[Unicode.Scalar]] = slavicEndings.map { Array($0.unicodeScalars) }

    /// The shortest stem left after stripping: protects abbreviations (ЗСУ, ППО) and short words.
    static let minimumStem = 3

    /// The stem of one word, folded with `TextFolding.fold`.
    public static func stem(_ word: String, language: LanguageGuess) -> String {
        let folded = TextFolding.fold(word)
        switch language {
        case .slavic: return stemSlavic(folded)
        case .english: return stemEnglish(folded)
        }
    }

    /// Which stemmer a word needs, told from its script.
    public enum LanguageGuess: Sendable {
        case slavic, english

        public init(word: String) {
            self = word.unicodeScalars.contains(where: TextFolding.isCyrillic) ? .slavic : .english
        }
    }

    /// The stem, choosing the stemmer by the word's script.
    public static func stem(_ word: String) -> String { stem(word, language: LanguageGuess(word: word)) }

    static func stemSlavic(_ word: String) -> String {
        let scalars = word.unicodeScalarArray
        for ending in slavicEndingScalars where scalars.count - ending.count >= minimumStem
            && scalars[(scalars.count - ending.count)...].elementsEqual(ending) {
            return String(scalars: scalars[..<(scalars.count - ending.count)])
        }
        return word
    }

    static func stemEnglish(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") { w.removeLast(2) }
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        for suffix in ["ing", "ed", "es", "s"] where w.hasSuffix(suffix) && w.count - suffix.count >= minimumStem {
            if suffix == "s", w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") { break }
            if suffix == "es", !(w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes")) {
                continue
            }
            w.removeLast(suffix.count)
            break
        }
        if w.hasSuffix("e"), w.count > minimumStem { w.removeLast() }
        if w.count > minimumStem, let last = w.last, let before = w.dropLast().last, last == before, last != "s", last != "l" {
            w.removeLast()
        }
        return w
    }
}
