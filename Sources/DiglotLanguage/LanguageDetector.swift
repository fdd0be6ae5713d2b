import DiglotModel

/// Tells Ukrainian, Russian and English apart; anything else, or too little text, is `und`.
///
/// Ukrainian and Russian share most of their alphabet, so "Cyrillic means Russian" is wrong a third of the
/// time on real data. The detector scores the letters only one of the two uses (і ї є ґ and the apostrophe
/// between letters against ы э ъ ё), then their most frequent function words, which separate even short
/// texts with none of the distinctive letters. English is told from other Latin-script languages by its own
/// function words.
///
/// ```swift
/// LanguageDetector.detect("Загальні бойові втрати противника") // .ukrainian
/// ```
public enum LanguageDetector {
    /// Fewer letters than this give `und`: below it the signals are too weak to trust.
    public static let minimumLetters = 20

    public static func detect(_ text: String) -> LanguageTag {
        detailed(text).language
    }

    /// The decision with its evidence, for tests and for `--explain` style diagnostics.
    public struct Decision: Sendable, Equatable {
        public var language: LanguageTag
        public var cyrillicLetters: Int
        public var latinLetters: Int
        public var ukrainianScore: Double
        public var russianScore: Double
    }

    public static func detailed(_ text: String) -> Decision {
        var cyrillic = 0, latin = 0, otherLetters = 0
        var ukrainianLetters = 0, russianLetters = 0
        var previousWasLetter = false
        var apostrophesInWords = 0
        var pendingApostrophe = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isLetter = isAlphabetic(scalar)
            if (0x0400...0x04FF).contains(v) {
                cyrillic += 1
                switch v {
                case 0x0456, 0x0406, 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: ukrainianLetters += 1
                case 0x044B, 0x042B, 0x044D, 0x042D, 0x044A, 0x042A, 0x0451, 0x0401: russianLetters += 1
                default: break
                }
                if pendingApostrophe { apostrophesInWords += 1 }
            } else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) {
                latin += 1
            } else if isLetter {
                otherLetters += 1
            }
            pendingApostrophe = previousWasLetter && (v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x60)
            previousWasLetter = isLetter
        }
        let letters = cyrillic + latin + otherLetters
        var decision = Decision(language: .undetermined, cyrillicLetters: cyrillic, latinLetters: latin,
                                ukrainianScore: 0, russianScore: 0)
        guard letters >= minimumLetters else { return decision }

        if cyrillic >= latin && cyrillic * 2 >= letters {
            var uk = Double(ukrainianLetters) * 2 + Double(apostrophesInWords) * 2
            var ru = Double(russianLetters) * 2
            forEachWordBytes(of: text, upTo: longestListedWord) { word in
                guard let word else { return }
                let lists = listedWords.lists(holding: word)
                if lists.contains(.ukrainian) { uk += 3 }
                if lists.contains(.russian) { ru += 3 }
            }
            decision.ukrainianScore = uk
            decision.russianScore = ru
            if uk == 0 && ru == 0 { return decision }
            decision.language = uk >= ru ? .ukrainian : .russian
            return decision
        }
        if latin * 2 >= letters {
            var words = 0, english = 0, foreign = 0
            forEachWordBytes(of: text, upTo: longestListedWord) { word in
                words += 1
                guard let word else { return }
                let lists = listedWords.lists(holding: word)
                if lists.contains(.english) { english += 1 }
                if lists.contains(.otherLatin) { foreign += 1 }
            }
            guard words > 0 else { return decision }
            // English prose runs at 30-50% function words; a name list or a headline at less. Accept a
            // headline-length text with a couple of function words, refuse text that has other languages' ones.
            if english > foreign && (english >= 2 || Double(english) / Double(words) >= 0.1) {
                decision.language = .english
            } else if english > 0 && foreign == 0 && words < 12 {
                decision.language = .english
            } else if english == 0 && foreign == 0 && words >= 4 && latin == letters
                        && text.unicodeScalars.allSatisfy({ $0.isASCII || !$0.properties.isAlphabetic }) {
                // A headline of content words only ("Ukraine says Russian forces shelled Kharkiv"): plain
                // ASCII letters and no other language's function words is English in this archive's world.
                decision.language = .english
            }
        }
        return decision
    }

    /// Calls `body` once for every word of `text` lowercased (letters and apostrophes; the words of
    /// `text.lowercased()`), with the word when its UTF-8 is at most `limit` bytes and nil for a longer one.
    ///
    /// Why: detection runs on every document and many passages, and it only looks words up in short lists.
    /// `String.lowercased()` of the whole text was five sixths of detecting (it maps every scalar through the
    /// Unicode tables); here ASCII and basic Cyrillic letters are lowercased by arithmetic and only other
    /// scalars go through the tables, and a word longer than any listed one is counted without being made.
    static func forEachWord(of text: String, upTo limit: Int, _ body: (String?) -> Void) {
        forEachWordBytes(of: text, upTo: limit) { body($0.map { String(decoding: $0, as: UTF8.self) }) }
    }

    /// `forEachWord`, lending each word's UTF-8 bytes: the lists are looked up by bytes (`listedWords`), so no
    /// string is made and hashed for each word of every document and passage.
    static func forEachWordBytes(of text: String, upTo limit: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var inWord = false
        var tooLong = false
        func endWord() {
            guard inWord else { return }
            if tooLong { body(nil) } else { word.withUnsafeBufferPointer { body($0) } }
            word.removeAll(keepingCapacity: true)
            inWord = false
            tooLong = false
        }
        func take(_ scalar: Unicode.Scalar) {
            guard isAlphabetic(scalar) || scalar == "'" || scalar == "’" || scalar == "ʼ" else { return endWord() }
            inWord = true
            guard !tooLong else { return }
            let v = scalar.value
            if v < 0x80 {
                word.append(UInt8(v))
            } else if v < 0x800 {
                word.append(UInt8(0xC0 | (v >> 6)))
                word.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                word.append(contentsOf: String(scalar).utf8)
            }
            if word.count > limit { tooLong = true }
        }
        for scalar in text.unicodeScalars {
            if let lowered = scalar.quickLowercase {
                take(lowered)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered) }
            }
        }
        endWord()
    }

    /// The four word lists in one table keyed by UTF-8 bytes.
    static let listedWords = ListedWords([
        (ukrainianWords, .ukrainian), (russianWords, .russian), (englishWords, .english), (otherLatinWords, .otherLatin),
    ])

    /// The longest word of the lists, in UTF-8 bytes: a longer word is in none of them.
    static let longestListedWord = [ukrainianWords, russianWords, englishWords, otherLatinWords]
        .flatMap { $0 }.map(\.utf8.count).max() ?? 0

    /// `Unicode.Scalar.Properties.isAlphabetic`, answered without the property table for ASCII and the
    /// basic Cyrillic letters, which are most of what the detector reads.
    @inline(__always)
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0x0400 && v <= 0x0481 { return true }  // Cyrillic letters Ѐ…ҁ
        return scalar.properties.isAlphabetic
    }

    /// Frequent words that exist in Ukrainian and not (in that spelling) in Russian.
    static let ukrainianWords: Set<String> = [
        "і", "та", "що", "це", "як", "але", "або", "від", "до", "на", "про", "щодо", "також", "який", "яка", "які",
        "якщо", "він", "вона", "воно", "вони", "ми", "ви", "ще", "вже", "тому", "було", "були", "буде", "між",
        "після", "через", "під", "над", "його", "її", "їх", "цей", "ця", "ці", "цього", "коли", "де", "так",
        "ні", "чи", "усі", "всі", "року", "тисяч", "українських", "України", "україни", "ворога", "противника",
        "окупантів", "склали", "орієнтовно", "близько", "понад", "зазнав", "напрямку", "уточнюються", "разом",
        "переможемо", "наша", "сила", "правді", "одиниць", "осіб", "ліквідовано", "загальні", "бойові", "втрати",
        "зсу", "генштаб", "сьогодні", "вчора", "буде", "можуть", "має", "мають", "зараз", "тут", "наш", "свою",
    ]

    /// Frequent words that exist in Russian and not (in that spelling) in Ukrainian.
    static let russianWords: Set<String> = [
        "и", "что", "это", "как", "но", "или", "от", "о", "об", "также", "который", "которая", "которые", "если",
        "он", "она", "оно", "они", "мы", "вы", "еще", "ещё", "уже", "потому", "было", "были", "будет", "между",
        "после", "через", "под", "над", "его", "ее", "её", "их", "этот", "эта", "эти", "этого", "когда", "где",
        "так", "нет", "ли", "все", "всё", "года", "тысяч", "украины", "против", "сегодня", "вчера", "могут",
        "имеет", "сейчас", "здесь", "наш", "свою", "чтобы", "только", "очень", "может", "быть", "был", "была",
        "россии", "российских", "войска", "потери", "противника", "сообщает", "заявил", "время", "того", "для",
    ]

    static let englishWords: Set<String> = [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
        "not", "he", "she", "they", "we", "this", "are", "or", "his", "her", "from", "at", "which", "but",
        "have", "has", "had", "an", "were", "their", "been", "its", "who", "will", "would", "there", "said",
        "about", "more", "than", "into", "after", "over", "also", "losses", "enemy", "total", "were", "approximately",
    ]

    /// Function words of other Latin-script languages that share no spelling with English ones.
    static let otherLatinWords: Set<String> = [
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "le", "la", "les", "et", "est", "des", "une",
        "el", "los", "las", "y", "es", "del", "que", "il", "di", "che", "non", "per", "una", "w", "z", "się",
        "jest", "nie", "na", "do", "i", "o", "de", "och", "att", "het", "een", "van", "ir", "yra", "ja", "ka",
    ]
}
