/// Diglot's own light suffix stemmer for Ukrainian and Russian words the dictionaries do not know
/// (names, new words, slang): it strips one noun or adjective ending, then a toponymic/possessive `-ов/-ів`.
///
/// It is deliberately conservative (a stem keeps at least three letters) and the same function runs at
/// index and query time, so "Бахмута", "Бахмуті" and "Бахмут" share the stem "бахмут", and
/// "Харків", "Харкова", "Харкові" share "харк".
///
/// ```swift
/// CyrillicStemmer.stem("втратами")   // "втрат"
/// ```
public enum CyrillicStemmer {
    /// Which endings apply: chosen from the letters only one of the two languages uses.
    enum Variant { case ukrainian, russian, either }

    /// The stem of a folded Cyrillic word (lowercase, apostrophe as U+0027).
    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > minimumStem else { return word }
        let endings: [[Unicode.Scalar]]
        switch variant(of: scalars) {
        case .ukrainian: endings = ukrainianEndings
        case .russian: endings = russianEndings
        case .either: endings = eitherEndings
        }
        var stem = strip(scalars, endings: endings)
        stem = strip(stem, endings: toponymicEndings)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: stem)
        return String(result)
    }

    static func variant(of scalars: [Unicode.Scalar]) -> Variant {
        if scalars.contains(where: { ukrainianLetters.contains($0) }) { return .ukrainian }
        if scalars.contains(where: { russianLetters.contains($0) }) { return .russian }
        return .either
    }

    private static func strip(_ scalars: [Unicode.Scalar], endings: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        for ending in endings where scalars.count - ending.count >= minimumStem && scalars.ends(with: ending) {
            return Array(scalars.dropLast(ending.count))
        }
        return scalars
    }

    static let minimumStem = 3
    static let ukrainianLetters: Set<Unicode.Scalar> = ["і", "ї", "є", "ґ", "'"]
    static let russianLetters: Set<Unicode.Scalar> = ["ы", "э", "ъ", "ё"]

    private static func endings(_ list: [String]) -> [[Unicode.Scalar]] {
        Set(list).map { Array($0.unicodeScalars) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1, by: { $0.value < $1.value }) }
    }

    /// Noun and adjective case endings, longest first. Verb endings are left out on purpose: "-ати",
    /// "-ли" would cut nouns ("втрати", "школи"), and the words it serves are mostly names.
    static let ukrainianList = [
        "ями", "ами", "ові", "еві", "єві", "ого", "ому", "ими", "іми", "ього", "ьому",
        "ій", "ий", "их", "іх", "ах", "ях", "ою", "ею", "єю", "ом", "ем", "єм", "ів", "їв", "ей",
        "ам", "ям", "ої", "ім", "им",
        "а", "я", "у", "ю", "і", "ї", "и", "о", "е", "є", "ь", "й",
    ]
    static let russianList = [
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ов", "ев", "ёв", "ей", "ой", "ом", "ем",
        "ём", "ах", "ях", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их", "ым", "им",
        "ам", "ям",
        "а", "я", "у", "ю", "ы", "и", "о", "е", "ь", "й",
    ]
    static let ukrainianEndings = endings(ukrainianList)
    static let russianEndings = endings(russianList)
    static let eitherEndings = endings(ukrainianList + russianList)
    /// "-ов/-ев/-ів" of place and family names (Харків/Харкова, Петров), removed after the case ending.
    static let toponymicEndings = endings(["ов", "ев", "єв", "ів", "їв", "ёв"])
}

extension Array where Element == Unicode.Scalar {
    func ends(with suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
