import Foundation

/// Substring searches over UTF-8 bytes, for format sniffing and per-block checks that run on every input.
///
/// Foundation's `range(of:)`/`contains` on Linux bridge through `NSString` and compare by Unicode rules: on
/// a whole page that is most of the time detection takes. The needles sniffers look for are markup and
/// ASCII words, for which a byte comparison is the same test at memchr speed.
///
/// ```swift
/// ByteScan.contains(page, "twitter-tweet")                      // true for an embed
/// ByteScan.containsIgnoringASCIICase(page, "<!doctype html")    // "<!DOCTYPE HTML" too
/// ```
public enum ByteScan {
    /// Whether the UTF-8 bytes of `needle` occur in those of `text`.
    /// The needle's bytes are lent in place (`withBytes`), not copied into an array for every call: detection and
    /// the per-block checks call this with literals, many times a page.
    public static func contains(_ text: some StringProtocol, _ needle: some StringProtocol) -> Bool {
        withBytes(needle) { pattern in withBytes(text) { firstOffset(of: pattern, in: $0) != nil } }
    }

    /// Whether `needle` occurs in `text`, ASCII letters compared without case (other bytes exactly).
    ///
    /// A needle with a byte that has no case (`<html`, `/status`) is found from that byte's occurrences with
    /// `memchr`; sniffing a page for "/status" byte by byte took 85,000 instructions a page.
    public static func containsIgnoringASCIICase(_ text: some StringProtocol, _ needle: some StringProtocol) -> Bool {
        let folded = needle.utf8.map(lowerASCII)
        return withBytes(text) { haystack in
            guard folded.count <= haystack.count else { return false }
            if folded.isEmpty { return true }
            let last = haystack.count - folded.count
            func matches(at i: Int) -> Bool {
                var j = 0
                while j < folded.count, lowerASCII(haystack[i + j]) == folded[j] { j += 1 }
                return j == folded.count
            }
            guard let anchor = folded.firstIndex(where: { ($0 | 0x20) < 0x61 || ($0 | 0x20) > 0x7A }),
                  let base = haystack.baseAddress else {
                var i = 0
                while i <= last {
                    if matches(at: i) { return true }
                    i += 1
                }
                return false
            }
            // Candidates start where the caseless byte sits `anchor` bytes in.
            var i = 0
            while i <= last {
                guard let hit = memchr(base + i + anchor, Int32(folded[anchor]), last - i + 1) else { return false }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                if matches(at: i) { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether any of `needles` occurs in `text`.
    public static func containsAny(_ text: some StringProtocol, _ needles: [String]) -> Bool {
        containsAny(text, bytes: needles.map { Array($0.utf8) })
    }

    /// Whether any of `needles` (UTF-8 bytes, prepared once by a caller that asks often) occurs in `text`.
    public static func containsAny(_ text: some StringProtocol, bytes needles: [[UInt8]]) -> Bool {
        withBytes(text) { haystack in needles.contains { firstOffset(of: $0, in: haystack) != nil } }
    }

    /// The byte offset of the first occurrence of `needle` in `bytes` at or after `start`.
    public static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { firstOffset(of: $0, in: bytes, from: start) }
    }

    /// `firstOffset(of:in:from:)` for a needle already in memory.
    public static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>,
                                   from start: Int = 0) -> Int? {
        let count = pattern.count
        guard count > 0 else { return start }
        guard let base = bytes.baseAddress, start >= 0, bytes.count - start >= count else { return nil }
        let last = bytes.count - count
        var i = start
        while i <= last {
            guard let hit = memchr(base + i, Int32(pattern[0]), last - i + 1) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if count == 1 || memcmp(base + i + 1, pattern.baseAddress! + 1, count - 1) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// `text.components(separatedBy: .newlines)`: split at every LF, VT, FF, CR, NEL, U+2028 and U+2029, empty
    /// pieces kept (a CR LF makes one), so line numbers count as Foundation's split counted them.
    ///
    /// Why: Foundation bridges the text to UTF-16 and tests each unit against the set, 576,000 instructions
    /// for a bulletin file (callgrind, session 19); here the separators are found in the UTF-8 bytes.
    public static func componentsSeparatedByNewlines(_ text: String) -> [String] {
        withBytes(text) { bytes in
            var lines: [String] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                let width = newlineWidth(in: bytes, at: i)
                if width == 0 { i += 1; continue }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                i += width
                start = i
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }

    /// Calls `body` with each non-empty line of `text`, split where `Character.isNewline` splits (LF, CR,
    /// CR LF, VT, FF, NEL, U+2028, U+2029), until `body` returns false; the same lines as
    /// `text.split(whereSeparator: \.isNewline)` without walking the text by grapheme.
    public static func forEachLine(of text: String, _ body: (Substring) -> Bool) {
        let utf8 = text.utf8
        withBytes(text) { bytes in
            var start = 0
            var i = 0
            func emit(_ end: Int) -> Bool {
                guard end > start else { return true }
                return body(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            while i < bytes.count {
                let width = newlineWidth(in: bytes, at: i)
                if width == 0 { i += 1; continue }
                guard emit(i) else { return }
                i += width
                start = i
            }
            _ = emit(bytes.count)
        }
    }

    /// The length in bytes of the line separator at `i` (LF, VT, FF, CR, NEL, U+2028, U+2029), 0 for none.
    @inline(__always)
    static func newlineWidth(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte >= 0x0A && byte <= 0x0D { return 1 }
        if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return 2 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// Runs `body` on the text's UTF-8 bytes, without copying native strings.
    public static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// `Substring(text.unicodeScalars.prefix(count))`, found by counting the UTF-8 bytes that start a scalar.
    ///
    /// Why: sniffing windows are counted in scalars, and the scalar view's `prefix` steps through them one
    /// index at a time: an 8,192-scalar window of a tweet page took 84,000 instructions, a seventh of the
    /// tweet importer's detection.
    public static func scalarPrefix(_ text: String, _ count: Int) -> Substring {
        scalarPrefix(text[...], count)
    }

    /// `Substring(text.unicodeScalars.prefix(count))` for a substring, as `scalarPrefix(_:_:)` finds it.
    public static func scalarPrefix(_ text: Substring, _ count: Int) -> Substring {
        guard count > 0 else { return text[..<text.startIndex] }
        let end: Int? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var started = 0
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
                if started == count { return index }
                started += 1
            }
            return bytes.count
        }
        guard let end else { return Substring(text.unicodeScalars.prefix(count)) }
        return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]
    }

    @inline(__always)
    /// The scalar whose UTF-8 encoding starts at `start` in valid UTF-8 `bytes` (nil at a byte that starts
    /// none, or past the end).
    public static func scalar(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard start >= 0, start < bytes.count else { return nil }
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The scalar whose UTF-8 encoding ends just before `end` in valid UTF-8 `bytes` (nil when none does).
    public static func scalar(endingBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard end > 0, end <= bytes.count else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = scalar(startingAt: start, in: bytes), UTF8.width(scalar) == end - start else { return nil }
        return scalar
    }

    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
