import DiglotModel
import DiglotLexicon

/// What pairing compares without reading a document again: its numbers, names, glossary concepts and length.
///
/// It is language-neutral: "1 637" and "1,637" give the same number, Харків and Kharkiv the same name key, танків
/// and tanks the same glossary entry. The store may persist it (it is Codable) so a large archive is not re-read.
public struct CandidateSignature: Sendable, Hashable, Codable {
    /// Quantities (not dates or times), as values ×10 rounded so "1.5" and "1,5" agree; sorted, repeats kept.
    public var numbers: [Int]
    /// Name keys (`NameKey.key`) of capitalised words, sorted, unique.
    public var names: [String]
    /// Glossary entry ids, sorted, unique.
    public var glossary: [Int]
    /// Letters and digits in the text: the length Gale–Church style ratios use.
    public var length: Int

    public init(numbers: [Int], names: [String], glossary: [Int], length: Int) {
        self.numbers = numbers.sorted()
        self.names = Array(Set(names)).sorted()
        self.glossary = Array(Set(glossary)).sorted()
        self.length = length
    }

    /// A signature read back in the order `init(numbers:names:glossary:length:)` leaves it (numbers sorted,
    /// names and glossary ids sorted and unique), kept as it is; parts not in that order are put in it.
    ///
    /// Why: a pairing run reads back every candidate it is offered, and re-sorting names already sorted was
    /// most of the cost of reading one (docs/performance.md, session 26). Checking the order is one pass.
    public init(storedNumbers numbers: [Int], names: [String], glossary: [Int], length: Int) {
        if Self.isSorted(numbers, strictly: false), Self.isSorted(names, strictly: true),
           Self.isSorted(glossary, strictly: true) {
            self.init(inOrder: numbers, names: names, glossary: glossary, length: length)
        } else {
            self.init(numbers: numbers, names: names, glossary: glossary, length: length)
        }
    }

    private init(inOrder numbers: [Int], names: [String], glossary: [Int], length: Int) {
        self.numbers = numbers
        self.names = names
        self.glossary = glossary
        self.length = length
    }

    private static func isSorted<T: Comparable>(_ values: [T], strictly: Bool) -> Bool {
        guard values.count > 1 else { return true }
        for i in 1..<values.count {
            if strictly ? !(values[i - 1] < values[i]) : values[i] < values[i - 1] { return false }
        }
        return true
    }

    /// Computes the signature of a document's title and text.
    public init(title: String?, text: String, language: LanguageTag) {
        let full = [title, text].compactMap { $0 }.joined(separator: "\n")
        let features = TextFeatures(full, language: language)
        self.init(numbers: features.numbers, names: features.names, glossary: features.glossary, length: features.length)
    }

    /// Index tokens for blocking: numbers of at least three digits, and name keys. A store can keep them in a
    /// table and answer `CandidateIndex.candidates(…sharing:…)` with one indexed lookup per token.
    public var blockingTokens: [String] {
        var tokens = Set<String>()
        for n in numbers where n >= 1000 { tokens.insert("n:\(n / 10)") }
        for name in names where name.count >= 4 { tokens.insert("k:\(name)") }
        return tokens.sorted()
    }
}

/// Numbers, names, glossary entries and length of one text or sentence.
struct TextFeatures {
    var numbers: [Int]
    var names: [String]
    var glossary: [Int]
    var length: Int

    init(_ text: String, language: LanguageTag) {
        // Ids inside links (tweet status ids) are not figures; values beyond 10^14 are ids or noise either way.
        numbers = NumberNormalizer.numbers(in: LinkExtractor.removingURLs(from: text))
            .filter { $0.isQuantity && abs($0.value) < 1e14 }
            .map { Int(($0.value * 10).rounded()) }
        var glossaryLanguage = language
        if !language.isEastSlavic && language != .english {
            glossaryLanguage = text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } ? .ukrainian : .english
        }
        glossary = Glossary.shared.matches(in: text, language: glossaryLanguage).map(\.entry.id)
        names = NameSpotter.nameKeys(in: text)
        length = text.unicodeScalars.reduce(0) { $0 + ((ScalarLetters.isAlphabetic($1) || $1.value &- 0x30 < 10) ? 1 : 0) }
    }
}
