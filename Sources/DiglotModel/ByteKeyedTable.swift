/// A hash table keyed by UTF-8 bytes, looked up without making a `String`.
///
/// Inlinable, so each user (the word cache, the detector's word lists) gets it specialised for its value type:
/// unspecialised across modules, every lookup went through the generic witness tables.
///
/// Why: analysis looks up every token of every text in a word cache. As `[String: …]` each lookup needed the
/// token as a `String` (a heap allocation for a Cyrillic word of eight letters or more) hashed with SipHash:
/// 1,060 instructions a token to make the strings and 420 to find them (callgrind, 5,000 documents). Here the
/// token's bytes, still in the tokenizer's buffer, are hashed with FNV-1a and compared with `memcmp`-like
/// equality against one arena holding every key.
///
/// ```swift
/// var table = ByteKeyedTable<Int>()
/// table["київ"] = 1
/// Array("київ".utf8).withUnsafeBufferPointer { table.value(forUTF8: $0) }   // 1
/// ```
public struct ByteKeyedTable<Value> {
    /// Every key's bytes, one after another.
    @usableFromInline var arena: [UInt8] = []
    /// Each key's place in `arena` and its hash, in insertion order (apart from the values, so probing copies
    /// no reference).
    @usableFromInline var keys: [(start: Int, count: Int, hash: Int)] = []
    /// The values, in the order of `keys`.
    @usableFromInline var values: [Value] = []
    /// Open addressing, linear probing: an index into `keys`, or -1. At most half full.
    @usableFromInline var slots: [Int32] = [Int32](repeating: -1, count: 16)

    @inlinable public init() {}

    /// How many keys the table holds.
    @inlinable public var count: Int { keys.count }

    /// The value stored for the key whose UTF-8 is `bytes`, or nil.
    @inlinable public func value(forUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let (slot, found) = find(bytes, hash: Self.hash(bytes))
        return found ? values[Int(slots[slot])] : nil
    }

    /// The value stored for `key`; setting nil is not supported (the cache only ever empties whole).
    @inlinable public subscript(key: String) -> Value? {
        get {
            var key = key
            return key.withUTF8 { value(forUTF8: $0) }
        }
        set {
            guard let newValue else { return }
            var key = key
            key.withUTF8 { set(newValue, forUTF8: $0) }
        }
    }

    /// Stores `value` for the key whose UTF-8 is `bytes`, replacing any value it had.
    @inlinable public mutating func set(_ value: Value, forUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(bytes)
        let (slot, found) = find(bytes, hash: hash)
        if found {
            values[Int(slots[slot])] = value
            return
        }
        slots[slot] = Int32(keys.count)
        keys.append((arena.count, bytes.count, hash))
        values.append(value)
        arena.append(contentsOf: bytes)
        if keys.count * 2 > slots.count { grow() }
    }

    /// Empties the table, keeping its storage.
    @inlinable public mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    /// The slot holding `bytes` (found) or the empty slot where it would go.
    @inlinable func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = hash & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let index = slots[slot]
                if index < 0 { return (slot, false) }
                let entry = keys[Int(index)]
                if entry.hash == hash, entry.count == bytes.count,
                   bytes.count == 0 || memoryEqual(arena.baseAddress! + entry.start, bytes.baseAddress!, bytes.count) {
                    return (slot, true)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable mutating func grow() {
        let capacity = slots.count * 2
        var grown = [Int32](repeating: -1, count: capacity)
        for (index, entry) in keys.enumerated() {
            var slot = entry.hash & (capacity - 1)
            while grown[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            grown[slot] = Int32(index)
        }
        slots = grown
    }

    /// FNV-1a over the bytes, 64 bits folded to a non-negative `Int`.
    @inlinable static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32)) & Int.max
    }
}

extension ByteKeyedTable: Sendable where Value: Sendable {}

/// Whether `count` bytes at `a` and `b` are equal.
@inlinable @inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) {
            return false
        }
        index += 8
    }
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
