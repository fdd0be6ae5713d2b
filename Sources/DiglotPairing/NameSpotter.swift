import DiglotLexicon
import DiglotModel

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

    /// The name keys of the capitalised words of `text` that are taken for names, in order.
    static func nameKeys(in text: String) -> [String] {
        let capitalised = words(in: text).filter(isCapitalised)
        return keyMemo.values(of: capitalised).filter { !$0.isEmpty }
    }

    /// Whether the word's first character is upper case, as `Character.isUppercase` answers. A word beginning
    /// with an ASCII or basic Cyrillic letter that stands alone as its first character is answered from ranges:
    /// making that character and asking its properties was 1.7 of the 29 G instructions of `diglot pair` over
    /// 10,000 documents (session 27).
    static func isCapitalised(_ word: Substring) -> Bool {
        // Read from the UTF-8 bytes: stepping the substring's scalar view (index validation, retains) cost
        // four hundred instructions a word.
        let answered = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let lead = bytes.first else { return false }
            let first: UInt32, width: Int
            if lead < 0x80 {
                (first, width) = (UInt32(lead), 1)
            } else if lead == 0xD0 || lead == 0xD1, bytes.count >= 2 {
                (first, width) = (UInt32(lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F), 2)   // U+0400-U+047F
            } else {
                return nil
            }
            guard first < 0x80 || first <= 0x045F else { return nil }
            if bytes.count > width {
                guard SingleScalarText.standsAlone(UTF8Decoding.scalar(in: bytes, at: width).scalar) else { return nil }
            }
            return (first >= 0x41 && first <= 0x5A) || (first >= 0x0400 && first <= 0x042F)
        }
        if let answered, let answered { return answered }
        return word.first?.isUppercase == true
    }

    /// `key(ofCapitalised:)` of the words met so far: the same few hundred names recur across a day's sources.
    static let keyMemo = WordMemo { key(ofCapitalised: $0) }

    /// The `NameKey` of a capitalised word, or "" when the word is not taken for a name: shorter than three
    /// letters, a stopword or a month, an abbreviation, or a key shorter than three symbols.
    static func key(ofCapitalised word: String) -> String {
        guard word.count >= 3 else { return "" }
        let lower = word.lowercased()
        if stopwords.contains(lower) || MonthNames.month(from: lower) != nil { return "" }
        if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return "" }  // abbreviations: glossary's job
        let key = NameKey.key(word)
        return key.count >= 3 ? key : ""
    }

    /// The text's runs of letters and apostrophes, cut between characters.
    ///
    /// Why two ways: the cut by `Character` (grapheme clusters) was 12 of the 26 G instructions names took in a
    /// `diglot pair` over 10,000 documents (docs/performance.md, session 25). A text made only of scalars that
    /// always stand alone as a character (`SingleScalarText.standsAlone`: Latin, Greek and Cyrillic letters
    /// without combining marks, ASCII, common punctuation) is cut by scalars, with the same cuts; any other text
    /// the old way.
    static func words(in text: String) -> [Substring] {
        wordsByScalars(text) ?? text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "ʼ") })
    }

    /// `words(in:)` by scalars, or nil when a scalar might join its neighbour into one character. Read from the
    /// UTF-8 bytes (`UTF8Decoding`) when the text has them contiguous, else by stepping the scalar view.
    static func wordsByScalars(_ text: String) -> [Substring]? {
        let utf8 = text.utf8
        if let cut = utf8.withContiguousStorageIfAvailable({ wordsByScalars(text, bytes: $0) }) { return cut }
        return wordsByScalarView(text)
    }

    private static func wordsByScalars(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Substring]? {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var words: [Substring] = []
        var start: Int?
        var offset = 0
        while offset < bytes.count {
            let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: offset)
            guard SingleScalarText.standsAlone(scalar) else { return nil }
            if isWordScalar(scalar) {
                if start == nil { start = offset }
            } else if let first = start {
                words.append(text[index(first)..<index(offset)])
                start = nil
            }
            offset += width
        }
        if let first = start { words.append(text[index(first)..<text.endIndex]) }
        return words
    }

    /// `wordsByScalars(_:)` by stepping the scalar view (the reference for tests).
    static func wordsByScalarView(_ text: String) -> [Substring]? {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard SingleScalarText.standsAlone(scalar) else { return nil }
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let first = start {
                words.append(text[first..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let first = start { words.append(text[first..<text.endIndex]) }
        return words
    }

    /// What the `Character` test calls a word character, for a scalar that stands alone
    /// (`SingleScalarText.standsAlone`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x27, 0x2019, 0x2BC: true
        case 0..<0x80: false
        default: ScalarLetters.isAlphabetic(scalar)
        }
    }
}
