import Synchronization

/// The light stems of words already seen, shared by the threads that match glossary terms.
///
/// Why: pairing finds the glossary terms of every text it examines, and stemming each word anew (folding its
/// case and accents, then undoing suffixes) was 12.9 of the 21 G instructions `Glossary.matches` took in a
/// `diglot pair` over 10,000 documents, most of them words seen many times before (docs/performance.md,
/// session 25). `LightStemmer.stem` is a pure function of the word, so a remembered stem is the stem.
/// The memo forgets everything when it reaches `limit` words, so its memory stays bounded however many texts
/// pass; the lock is taken twice a text (to look its words up, then to add those it lacked), not once a word.
final class StemMemo: Sendable {
    private let known: Mutex<[String: String]> = Mutex([:])
    let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    /// `LightStemmer.stem` of each word, in order.
    func stems(of words: [Substring]) -> [String] {
        let keys = words.map(String.init)
        var stems = known.withLock { known in keys.map { known[$0] } }
        var learned: [(word: String, stem: String)] = []
        for (i, key) in keys.enumerated() where stems[i] == nil {
            let stem = LightStemmer.stem(key)
            stems[i] = stem
            learned.append((key, stem))
        }
        if !learned.isEmpty {
            known.withLock { known in
                if known.count + learned.count > limit { known.removeAll(keepingCapacity: true) }
                for (word, stem) in learned { known[word] = stem }
            }
        }
        return stems.map { $0! }
    }

    /// How many words it remembers (for tests).
    var count: Int { known.withLock { $0.count } }
}
