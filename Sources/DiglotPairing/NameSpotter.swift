import DiglotLexicon

/// Finds the proper names of a text cheaply: capitalised words that are not common sentence openers, plus
/// multiword names of the names table, each reduced to its `NameKey`.
///
/// It need not be exact: a capitalised common word ("Загальні", "The") yields a key that has no counterpart in the
/// other language, so it costs a little overlap and never creates a false match.
enum NameSpotter {
    /// Capitalised words that are not names (sentence openers, titles, months are handled elsewhere).
    static let stopwords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "of", "and", "but", "this", "that", "these", "those", "it", "he", "she",
        "they", "we", "our", "his", "her", "its", "as", "according", "by", "for", "from", "with", "after", "over",
        "during", "since", "today", "yesterday", "on", "all", "there", "i", "also", "when", "while", "russian",
        "ukrainian", "president", "minister", "general", "staff", "ministry", "armed", "forces", "data", "total",
        "у", "в", "на", "з", "за", "і", "й", "та", "а", "до", "по", "від", "для", "це", "ми", "ворог", "наші",
        "україна", "україни", "україні", "росія", "росії", "загальні", "станом", "дані", "також", "президент",
        "и", "с", "от", "это", "мы", "россия", "россии", "украина", "украины", "по", "данные", "также",
    ]

    static func nameKeys(in text: String) -> [String] {
        var keys: [String] = []
        for word in words(in: text) where word.first?.isUppercase == true && word.count >= 3 {
            let lower = word.lowercased()
            if stopwords.contains(lower) || MonthNames.month(from: lower) != nil { continue }
            if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }  // abbreviations: glossary's job
            let key = NameKey.key(String(word))
            if key.count >= 3 { keys.append(key) }
        }
        return keys
    }

    private static func words(in text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "ʼ") })
    }
}
