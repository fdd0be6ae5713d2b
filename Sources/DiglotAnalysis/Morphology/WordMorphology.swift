/// Finds the lemmas of one word: Hunspell for Ukrainian and Russian, the light stemmer when no
/// dictionary knows the word, Snowball for English.
struct WordMorphology: Sendable {
    /// The alphabet a token is written in, which decides how it is analysed.
    enum Script: Sendable { case cyrillic, latin, other }

    let dictionaries: MorphologyDictionaries?

    static func script(of spelling: String) -> Script {
        var sawCyrillic = false, sawLatin = false
        for scalar in spelling.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: return .other
            case 0x400...0x52F: sawCyrillic = true
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: sawLatin = true
            case 0x27: continue
            default: return .other
            }
        }
        return sawCyrillic == sawLatin ? .other : sawCyrillic ? .cyrillic : .latin
    }

    /// The analysis of a lowercase Cyrillic spelling (ґ and ё still as written, since Hunspell needs them).
    ///
    /// Hunspell is asked for the word as given and, when `asName` is set or it knows no lower-case word,
    /// capitalised ("харкові" is only known as "Харкові"; "Києві" is the city, "києві" the stick); short
    /// unknown words are also tried in capitals (abbreviations such as "ЗСУ"). Each Hunspell call costs
    /// 10–15 µs, so the capitalised attempt is kept for words written capitalised and unknown words. A word with letters only
    /// Ukrainian uses goes to the Ukrainian dictionary, one with letters only Russian uses to the Russian
    /// one; others try Ukrainian, then Russian.
    func analyseCyrillic(_ spelling: String, asName: Bool = true) -> WordAnalysis {
        let folded = IndexTerms.fold(spelling)
        let stem = CyrillicStemmer.stem(folded)
        guard let dictionaries else { return WordAnalysis(word: folded, lemmas: [], names: [], stem: stem) }
        let scalars = Array(spelling.unicodeScalars)
        let candidates: [HunspellDictionary?]
        switch CyrillicStemmer.variant(of: scalars) {
        case .ukrainian: candidates = [dictionaries.ukrainian]
        case .russian: candidates = [dictionaries.russian]
        case .either: candidates = [dictionaries.ukrainian, dictionaries.russian]
        }
        for case let dictionary? in candidates {
            var found = dictionary.stems(of: spelling)
            if asName || found.isEmpty { found = found.union(dictionary.stems(of: Self.capitalised(spelling))) }
            if found.isEmpty && scalars.count <= 5 { found = dictionary.stems(of: spelling.uppercased()) }
            guard !found.isEmpty else { continue }
            let names = found.filter { $0.first?.isUppercase == true }
            return WordAnalysis(word: folded, lemmas: Self.foldedUnique(found), names: Self.foldedUnique(names),
                                stem: stem)
        }
        return WordAnalysis(word: folded, lemmas: [], names: [], stem: stem)
    }

    /// The Snowball stem of a Latin word, possessive "'s" removed.
    static func stemLatin(_ spelling: String) -> String {
        let word = withoutPossessive(spelling)
        return SnowballStemmer.english?.stem(word) ?? word
    }

    /// "kharkiv's" → "kharkiv": the form a name key is made from.
    static func withoutPossessive(_ spelling: String) -> String {
        spelling.hasSuffix("'s") && spelling.count > 3 ? String(spelling.dropLast(2)) : spelling
    }

    static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    static func foldedUnique(_ words: [String]) -> [String] {
        [String]().union(words.map { IndexTerms.fold(BasicAnalyzer.fold($0)) })
    }
}
