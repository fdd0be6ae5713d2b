import Testing
import DiglotModel
import DiglotTestSupport

/// The byte-keyed table against `Dictionary<String, Int>` under the same seeded inserts, replacements,
/// lookups (by bytes and by string), growth and emptying: keys with Cyrillic, emoji, prefixes of one another,
/// eight-byte boundaries and the empty key.
@Suite struct ByteKeyedTableTests {
    @Test func answersAsADictionary() {
        let pieces = ["к", "ї", "a", "b", "👍", "'", "1", "танк", "abcdefgh", "x"]
        var generator = SeededGenerator(seed: 3)
        var table = ByteKeyedTable<Int>()
        var reference: [String: Int] = [:]
        for step in 0..<40_000 {
            let key = (0..<generator.below(6)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            switch generator.below(10) {
            case 0...4:
                table[key] = step
                reference[key] = step
            case 5...8:
                let byBytes = Array(key.utf8).withUnsafeBufferPointer { table.value(forUTF8: $0) }
                #expect(byBytes == reference[key], "\(key)")
                #expect(table[key] == reference[key], "\(key)")
            default:
                if generator.below(200) == 0 {
                    table.removeAll()
                    reference.removeAll()
                }
            }
            #expect(table.count == reference.count)
        }
        for (key, value) in reference { #expect(table[key] == value, "\(key)") }
    }
}
