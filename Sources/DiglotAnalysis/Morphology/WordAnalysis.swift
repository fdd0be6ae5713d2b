/// What morphology found for one folded word: the record the archive keeps in its vocabulary table so
/// that a `diglot search` process never has to load a dictionary.
///
/// ```swift
/// WordAnalysis(word: "харкові", lemmas: ["харко", "харків"], names: ["харків"], stem: "харк")
/// ```
public struct WordAnalysis: Sendable, Hashable, Codable {
    /// The word as the index holds it (folded: lowercase, NFC, ґ→г, ё→е, apostrophe U+0027).
    public var word: String
    /// Dictionary lemmas, folded the same way; empty when no dictionary knows the word.
    public var lemmas: [String]
    /// The lemmas that are proper names (capitalised in the dictionary): they get a name key.
    public var names: [String]
    /// The light stem (`CyrillicStemmer`) of the word, used when a query word is not in the vocabulary.
    public var stem: String

    public init(word: String, lemmas: [String], names: [String], stem: String) {
        self.word = word
        self.lemmas = lemmas
        self.names = names
        self.stem = stem
    }

    /// The lemmas to index and search: the dictionary's, or the light stem when it knows none.
    public var effectiveLemmas: [String] { lemmas.isEmpty ? [stem] : lemmas }

    /// True when no dictionary knows the word (a name, a new word): such words get a name key.
    public var isUnknown: Bool { lemmas.isEmpty }

    /// The union of two analyses of the same folded word (e.g. "ґанку" and "ганку" both fold to "ганку").
    public func merged(with other: WordAnalysis) -> WordAnalysis {
        WordAnalysis(word: word, lemmas: lemmas.union(other.lemmas), names: names.union(other.names), stem: stem)
    }

    /// A one-line text form for a vocabulary table column: `lemma lemma|name name`.
    ///
    /// Folded words never contain a space or `|`, so the form is unambiguous.
    public var encodedLemmas: String { lemmas.joined(separator: " ") + "|" + names.joined(separator: " ") }

    /// Rebuilds an analysis from its table row (`word`, `stem`, `encodedLemmas`); nil for a malformed column.
    public init?(word: String, stem: String, encodedLemmas: String) {
        let parts = encodedLemmas.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        self.init(word: word, lemmas: parts[0].split(separator: " ").map(String.init),
                  names: parts[1].split(separator: " ").map(String.init), stem: stem)
    }
}

extension Array where Element == String {
    /// Order-preserving union.
    func union(_ other: [String]) -> [String] {
        var seen = Set(self)
        return self + other.filter { seen.insert($0).inserted }
    }
}
