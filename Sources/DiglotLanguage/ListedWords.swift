import DiglotModel

/// Short word lists looked up by a word's UTF-8 bytes, telling which lists hold it.
///
/// The language detector looks up every word of every document and many passages in four lists. As
/// `Set<String>` that meant a string made (a heap allocation for a Cyrillic word of eight letters or more) and
/// hashed with SipHash per word and per list: the lookups were half of detecting (callgrind, session 9). Here
/// one table keyed by the bytes (`ByteKeyedTable`, FNV-1a) answers all four lists at once.
///
/// ```swift
/// let words = ListedWords([(["та", "що"], .ukrainian), (["the"], .english)])
/// Array("що".utf8).withUnsafeBufferPointer { words.lists(holding: $0) }   // [.ukrainian]
/// ```
struct ListedWords: Sendable {
    /// Which lists hold a word.
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt8
        static let ukrainian = Lists(rawValue: 1)
        static let russian = Lists(rawValue: 2)
        static let english = Lists(rawValue: 4)
        static let otherLatin = Lists(rawValue: 8)
    }

    /// Each distinct word's lists, by its bytes (the word cache's table, `ByteKeyedTable`).
    private let table: ByteKeyedTable<Lists>

    init(_ lists: [(words: Set<String>, list: Lists)]) {
        var table = ByteKeyedTable<Lists>()
        for (words, list) in lists {
            for word in words { table[word] = (table[word] ?? []).union(list) }
        }
        self.table = table
    }

    /// The lists holding the word whose UTF-8 bytes are `word`; empty for a word in none.
    func lists(holding word: UnsafeBufferPointer<UInt8>) -> Lists {
        table.value(forUTF8: word) ?? []
    }
}
