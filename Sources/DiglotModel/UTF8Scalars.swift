/// Walking UTF-8 text by Unicode scalars, the unit of the model's offsets, without `String.UnicodeScalarView`'s
/// index arithmetic: finding which passages repeat their spans (`ImportBatch.passagesStoredAsSpans`) walks every
/// byte of each document before its passages, so it goes a machine word at a time.

/// A position in a UTF-8 text, counted both in scalars and in bytes, that only moves forward.
struct ScalarCursor {
    var scalar = 0
    var byte = 0

    /// Moves to the scalar at `offset` (not before the cursor); false when the text ends first.
    ///
    /// Eight bytes at a time while more than eight scalars remain (a word holds at most eight scalar starts, so
    /// it cannot overshoot), then byte by byte: walking each document was most of finding the passages.
    mutating func advance(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let base = bytes.baseAddress {
            while offset - scalar > 8, byte + 8 <= bytes.count {
                scalar += 8 - UTF8Words.continuationBytes(in: UnsafeRawPointer(base + byte).loadUnaligned(as: UInt64.self))
                byte += 8
                // The word may end inside a scalar whose start it counted.
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            }
        }
        while scalar < offset {
            guard byte < bytes.count else { return false }
            byte += 1
            while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            scalar += 1
        }
        return true
    }
}

/// Counting UTF-8 scalars a machine word at a time.
enum UTF8Words {
    /// How many of the word's eight bytes continue a scalar (`10xxxxxx`): bit 7 set and bit 6 clear.
    @inline(__always)
    static func continuationBytes(in word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The scalars of valid UTF-8 bytes: the bytes that do not continue a scalar.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var continuations = 0
        var index = 0
        while index + 8 <= bytes.count {
            continuations += continuationBytes(in: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }
}

/// Texts cut from a text at Unicode scalar offsets, as SQLite's `substr(text, start + 1, end - start)` cuts
/// them: the archive stores most passages as such a span of their document (`passagesStoredAsSpans`).
///
/// Why: `diglot pair` reads the passages of every arrival, whose document text it already holds; SQLite cut
/// each span after looking its document up again by its hashed id, once per passage.
///
/// ```swift
/// ScalarSpans.texts(in: "Київ, 12 травня", spans: [(0, 4), (6, 8)])   // ["Київ", "12"]
/// ```
public enum ScalarSpans {
    /// The text of each span, in order. A span reaching past the text's end is cut at the end, one starting past
    /// it is empty; a span with a negative start or an end before its start is nil (SQLite's rules for those
    /// are its own: ask it).
    public static func texts(in text: String, spans: [(start: Int, end: Int)]) -> [String?] {
        var text = text
        return text.withUTF8 { bytes in
            var cursor = ScalarCursor()
            return spans.map { span -> String? in
                guard span.start >= 0, span.end >= span.start else { return nil }
                if span.start < cursor.scalar { cursor = ScalarCursor() }
                guard cursor.advance(to: span.start, in: bytes) else { return "" }
                var end = cursor
                let endByte = end.advance(to: span.end, in: bytes) ? end.byte : bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor.byte..<endByte]), as: UTF8.self)
            }
        }
    }
}
