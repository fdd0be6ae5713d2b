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
        var text = text
        let tally = text.withUTF8 { Tally(utf8: $0) }
        let letters = tally.cyrillic + tally.latin + tally.otherLetters
        var decision = Decision(language: .undetermined, cyrillicLetters: tally.cyrillic, latinLetters: tally.latin,
                                ukrainianScore: 0, russianScore: 0)
        guard letters >= minimumLetters else { return decision }

        if tally.cyrillic >= tally.latin && tally.cyrillic * 2 >= letters {
            // Whole numbers far below 2^53: the sums are those of adding 2 and 3 one at a time.
            let uk = Double(tally.ukrainianLetters) * 2 + Double(tally.apostrophesInWords) * 2 + Double(tally.ukrainianWords) * 3
            let ru = Double(tally.russianLetters) * 2 + Double(tally.russianWords) * 3
            decision.ukrainianScore = uk
            decision.russianScore = ru
            if uk == 0 && ru == 0 { return decision }
            decision.language = uk >= ru ? .ukrainian : .russian
            return decision
        }
        if tally.latin * 2 >= letters {
            let words = tally.words, english = tally.englishWords, foreign = tally.otherLatinWords
            guard words > 0 else { return decision }
            // English prose runs at 30-50% function words; a name list or a headline at less. Accept a
            // headline-length text with a couple of function words, refuse text that has other languages' ones.
            if english > foreign && (english >= 2 || Double(english) / Double(words) >= 0.1) {
                decision.language = .english
            } else if english > 0 && foreign == 0 && words < 12 {
                decision.language = .english
            } else if english == 0 && foreign == 0 && words >= 4 && tally.latin == letters && !tally.sawNonASCIILetter {
                // A headline of content words only ("Ukraine says Russian forces shelled Kharkiv"): plain
                // ASCII letters and no other language's function words is English in this archive's world.
                decision.language = .english
            }
        }
        return decision
    }

    /// What the decision is made from, read in one walk over the text's UTF-8: the letters of each script
    /// (of the text as written), and the words of the text lowercased with the lists that hold them.
    ///
    /// Why one walk over the bytes: detection runs on every document, passage and quotation, and was 4.6 % of
    /// an import's instructions (callgrind, 5,000 documents, session 19) as two walks over the unicode
    /// scalars, the second building each word in an array. The lookups of a text that turns out too short
    /// to decide are wasted, but such a text is short.
    struct Tally {
        var cyrillic = 0, latin = 0, otherLetters = 0
        var ukrainianLetters = 0, russianLetters = 0, apostrophesInWords = 0
        var words = 0, ukrainianWords = 0, russianWords = 0, englishWords = 0, otherLatinWords = 0
        /// Whether any letter is outside ASCII (a headline of ASCII content words may be English).
        var sawNonASCIILetter = false

        init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            var previousWasLetter = false
            var pendingApostrophe = false
            var splitter = WordSplitter(limit: LanguageDetector.longestListedWord)
            defer { splitter.release() }
            LanguageDetector.forEachScalar(in: bytes) { v in
                let isLetter = LanguageDetector.isAlphabetic(v)
                if v >= 0x0400 && v <= 0x04FF {
                    cyrillic += 1
                    switch v {
                    case 0x0456, 0x0406, 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: ukrainianLetters += 1
                    case 0x044B, 0x042B, 0x044D, 0x042D, 0x044A, 0x042A, 0x0451, 0x0401: russianLetters += 1
                    default: break
                    }
                    if pendingApostrophe { apostrophesInWords += 1 }
                } else if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F) {
                    latin += 1
                } else if isLetter {
                    otherLetters += 1
                }
                if isLetter && v >= 0x80 { sawNonASCIILetter = true }
                pendingApostrophe = previousWasLetter && (v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x60)
                previousWasLetter = isLetter
                splitter.takeLowercased(v) { count($0) }
            }
            splitter.end { count($0) }
        }

        private mutating func count(_ word: UnsafeBufferPointer<UInt8>?) {
            words += 1
            guard let word else { return }
            let lists = LanguageDetector.listedWords.lists(holding: word)
            if lists.contains(.ukrainian) { ukrainianWords += 1 }
            if lists.contains(.russian) { russianWords += 1 }
            if lists.contains(.english) { englishWords += 1 }
            if lists.contains(.otherLatin) { otherLatinWords += 1 }
        }
    }

    /// Calls `body` with each scalar value of valid UTF-8 `bytes` (a native string's), decoded in place.
    @inline(__always)
    static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 {
                body(b0); i += 1
            } else if b0 < 0xE0 {
                body((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)); i += 2
            } else if b0 < 0xF0 {
                body((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)); i += 3
            } else {
                body((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                     | UInt32(bytes[i + 3] & 0x3F)); i += 4
            }
        }
    }

    /// Cuts lowercased text into words (letters and apostrophes) scalar by scalar, each word's UTF-8 gathered in
    /// a buffer of the longest listed word's size: a longer word is reported as nil, without its bytes.
    struct WordSplitter {
        private let buffer: UnsafeMutablePointer<UInt8>
        private let limit: Int
        private var count = 0
        private var inWord = false
        private var tooLong = false

        init(limit: Int) {
            self.limit = limit
            buffer = .allocate(capacity: limit + 4)
        }

        func release() { buffer.deallocate() }

        /// Takes the scalar `v` of the text as written, lowercased as `String.lowercased()` lowercases it.
        @inline(__always)
        mutating func takeLowercased(_ v: UInt32, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
            let scalar = Unicode.Scalar(v).unsafelyUnwrapped
            if let lowered = scalar.quickLowercase {
                take(lowered.value, body)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered.value, body) }
            }
        }

        @inline(__always)
        private mutating func take(_ v: UInt32, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
            guard LanguageDetector.isAlphabetic(v) || v == 0x27 || v == 0x2019 || v == 0x2BC else { return end(body) }
            inWord = true
            guard !tooLong else { return }
            let width = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            guard count + width <= limit else { tooLong = true; return }
            switch width {
            case 1:
                buffer[count] = UInt8(v)
            case 2:
                buffer[count] = UInt8(0xC0 | (v >> 6)); buffer[count + 1] = UInt8(0x80 | (v & 0x3F))
            case 3:
                buffer[count] = UInt8(0xE0 | (v >> 12)); buffer[count + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                buffer[count + 2] = UInt8(0x80 | (v & 0x3F))
            default:
                buffer[count] = UInt8(0xF0 | (v >> 18)); buffer[count + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                buffer[count + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[count + 3] = UInt8(0x80 | (v & 0x3F))
            }
            count += width
        }

        /// Ends the current word, if any, reporting it.
        mutating func end(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
            guard inWord else { return }
            body(tooLong ? nil : UnsafeBufferPointer(start: buffer, count: count))
            count = 0
            inWord = false
            tooLong = false
        }
    }

    /// Calls `body` once for every word of `text` lowercased (letters and apostrophes; the words of
    /// `text.lowercased()`), with the word when its UTF-8 is at most `limit` bytes and nil for a longer one:
    /// `detailed`'s word splitting, for the tests that hold it to the string form it replaced.
    static func forEachWord(of text: String, upTo limit: Int, _ body: (String?) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var splitter = WordSplitter(limit: min(limit, bytes.count * 3 + 8))  // lowercasing at most triples a text
            defer { splitter.release() }
            withoutActuallyEscaping(body) { body in
                let report: (UnsafeBufferPointer<UInt8>?) -> Void = { body($0.map { String(decoding: $0, as: UTF8.self) }) }
                forEachScalar(in: bytes) { splitter.takeLowercased($0, report) }
                splitter.end(report)
            }
        }
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
    static func isAlphabetic(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0x0400 && v <= 0x0481 { return true }  // Cyrillic letters Ѐ…ҁ
        return Unicode.Scalar(v).unsafelyUnwrapped.properties.isAlphabetic
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
