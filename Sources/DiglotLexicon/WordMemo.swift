import Synchronization

/// What a pure function of a word gave for the words already seen, shared by the threads that ask it.
///
/// Why: pairing derives something from every word of every text it examines (a glossary stem, a name key), most
/// of them words seen many times before. Stemming each word anew was 12.9 of the 21 G instructions
/// `Glossary.matches` took in a `diglot pair` over 10,000 documents (docs/performance.md, session 25); keying
/// each capitalised word anew was 8.4 of the 16 G names took (session 26). `derive` must be a pure function of
/// the word, so a remembered value is the value.
/// The memo forgets everything when it reaches `limit` words, so its memory stays bounded however many texts
/// pass; the lock is taken twice a text (to look its words up, then to add those it lacked), not once a word.
public final class WordMemo: Sendable {
    private let known: Mutex<[String: String]> = Mutex([:])
    private let derive: @Sendable (String) -> String
    let limit: Int

    public init(limit: Int = 50_000, derive: @escaping @Sendable (String) -> String) {
        self.limit = limit
        self.derive = derive
    }

    /// `derive` of each word, in order.
    public func values(of words: [Substring]) -> [String] {
        let keys = words.map(String.init)
        var values = known.withLock { known in keys.map { known[$0] } }
        var learned: [(word: String, value: String)] = []
        for (i, key) in keys.enumerated() where values[i] == nil {
            let value = derive(key)
            values[i] = value
            learned.append((key, value))
        }
        if !learned.isEmpty {
            known.withLock { known in
                if known.count + learned.count > limit { known.removeAll(keepingCapacity: true) }
                for (word, value) in learned { known[word] = value }
            }
        }
        return values.map { $0! }
    }

    /// How many words it remembers (for tests).
    public var count: Int { known.withLock { $0.count } }
}
