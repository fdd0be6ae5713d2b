/// The UTF-8 of the term a tokenizer is folding, appended a byte at a time into memory of its own.
///
/// Why not an `[UInt8]`: each `append` went through the array's uniqueness and capacity checks, out of line
/// (5.4 M appends, about 300 M instructions of a 5,000-document import by callgrind, session 29); here an
/// append is a comparison and a store. The owner deallocates it (`deallocate()`), once per text tokenized.
struct TermBytes {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        start = .allocate(capacity: self.capacity)
    }

    func deallocate() { start.deallocate() }

    /// The bytes appended since the last `removeAll()`, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        start[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of a scalar value below U+10000 (what the tokenizer's lowercasing gives).
    @inline(__always) mutating func appendUTF8(_ value: UInt32) {
        if value < 0x80 {
            append(UInt8(value))
        } else if value < 0x800 {
            append(UInt8(0xC0 | (value >> 6))); append(UInt8(0x80 | (value & 0x3F)))
        } else {
            append(UInt8(0xE0 | (value >> 12))); append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Doubles the memory, keeping the bytes: a term longer than any seen so far in this text.
    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }
}
