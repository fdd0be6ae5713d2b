import DiglotModel

/// Short word lists looked up by a word's UTF-8 bytes, telling which lists hold it.
///
/// The language detector looks up every word of every document and many passages in four lists. As
/// `Set<String>` that meant a string made (a heap allocation for a Cyrillic word of eight letters or more) and
/// hashed with SipHash per word and per list: the lookups were half of detecting (callgrind, session 9). Here
/// one open-addressing table, hashed with FNV-1a over the bytes, answers all four lists at once.
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

    /// Each distinct word's bytes and lists; `slots` index into it.
    private let entries: [(bytes: [UInt8], lists: Lists)]
    /// Open addressing, linear probing; -1 is an empty slot. At most half full.
    private let slots: [Int32]
    private let mask: Int

    init(_ lists: [(words: Set<String>, list: Lists)]) {
        var merged: [String: Lists] = [:]
        for (words, list) in lists {
            for word in words { merged[word, default: []].insert(list) }
        }
        let entries = merged.sorted { $0.key < $1.key }.map { (bytes: Array($0.key.utf8), lists: $0.value) }
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (index, entry) in entries.enumerated() {
            var slot = entry.bytes.withUnsafeBufferPointer { Self.hash($0) } & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.entries = entries
        self.slots = slots
        mask = capacity - 1
    }

    /// The lists holding the word whose UTF-8 bytes are `word`; empty for a word in none.
    func lists(holding word: UnsafeBufferPointer<UInt8>) -> Lists {
        var slot = Self.hash(word) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return [] }
            let entry = entries[Int(index)]
            if entry.bytes.count == word.count, entry.bytes.withUnsafeBufferPointer({ $0.elementsEqual(word) }) {
                return entry.lists
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a, as the word cache hashes (`ByteKeyedTable`).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { ByteKeyedTable<Never>.hash(bytes) }
}
