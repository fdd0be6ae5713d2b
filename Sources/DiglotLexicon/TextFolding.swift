import DiglotModel
import Foundation

/// The small normalisations every lexicon lookup shares, so a term matches however it was typed.
///
/// ```swift
/// TextFolding.fold("Об’єкт́и") == "об'єкти"
/// ```
public enum TextFolding {
    /// The apostrophe forms found in real Ukrainian text (' ’ ʼ ` ´ ‘), all read as U+0027.
    public static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}"]

    /// NFC, lower case, stress marks and soft hyphens removed, every apostrophe form as U+0027, ё as е.
    public static func fold(_ text: String) -> String {
        let source = composed(text)
        var out = String.UnicodeScalarView()
        for scalar in source.quickLowercased().unicodeScalars {
            switch scalar {
            case "\u{0301}", "\u{00AD}": continue
            case "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}": out.append("'")
            case "ё": out.append("е")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` in NFC. NFC goes through Foundation and is costly; text without combining marks is already
    /// composed, and that is nearly all text, so it is returned as it is.
    public static func composed(_ text: String) -> String {
        let needsComposition = text.unicodeScalars.contains { scalar in
            let v = scalar.value
            // Below U+0300 and the Cyrillic letters U+0400–U+0482 combine with nothing: no property lookup.
            guard v >= 0x0300, !(v >= 0x0400 && v <= 0x0482) else { return false }
            return scalar.properties.canonicalCombiningClass != .notReordered
        }
        return needsComposition ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `text` without whitespace at either end (see `trimmingWhitespace`: called for every cell of every
    /// bundled table at start-up).
    static func trimmed<S: StringProtocol>(_ text: S) -> String { text.trimmingWhitespace() }

    /// True for a scalar that belongs inside a word: a letter, a combining mark or a digit. ASCII and the
    /// basic Cyrillic block are answered without the Unicode property tables (most of what is read).
    /// Asking `ScalarLetters` here instead was measured and left out: 42.7 → 43.7 G for `diglot pair` over
    /// 10,000 documents (session 26); this one range check is what the hot loop needs.
    ///
    /// The range checks are inlined and the property lookups kept out of line: as one function, the setup of
    /// the property types ran on every call, ASCII and Cyrillic included (115 instructions a scalar, 1.6 of the
    /// 29 G instructions of `diglot pair` over 10,000 documents, session 27).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        if v >= 0x0400 && v <= 0x0481 { return true }
        return isWordScalarByProperties(scalar)
    }

    @inline(never)
    private static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.numericType != nil
    }

    /// Whether the scalar is a nonspacing (combining) mark. None lies below U+0300 nor among the Cyrillic
    /// letters U+0400-U+0482, where nearly every word begins: those are answered without the property table
    /// (its lookup, at each word's first scalar, was 0.6 G of the same 29 G).
    @inline(__always)
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x0300 || (v >= 0x0400 && v <= 0x0482) { return false }
        return isNonspacingMarkByProperties(scalar)
    }

    @inline(never)
    private static func isNonspacingMarkByProperties(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x052F).contains(scalar.value) }

    /// The apostrophe forms as scalars (see `apostrophes`).
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x02BC, 0x60, 0xB4, 0x2018: return true
        default: return false
        }
    }

    /// The words of `text`: runs of letters and digits, apostrophes kept inside a word; hyphenated words split.
    ///
    /// Walks scalars, not `Character`s: grapheme breaking cost more than everything else here, and a
    /// combining mark, being a word scalar, stays with its letter anyway.
    static func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        if let cut = utf8.withContiguousStorageIfAvailable({ words(of: text, bytes: $0) }) { return cut }
        return wordsByView(text)
    }

    /// `words(_:)` over the text's UTF-8 bytes (`UTF8Decoding`), with the same rules as the scalar view's walk.
    private static func words(of text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var result: [Substring] = []
        var start: Int?
        var offset = 0
        while offset < bytes.count {
            let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: offset)
            let next = offset + width
            if isWordScalar(scalar) {
                if start == nil, !isNonspacingMark(scalar) { start = offset }
            } else if isApostrophe(scalar), start != nil, next < bytes.count,
                      case let following = UTF8Decoding.scalar(in: bytes, at: next).scalar,
                      isWordScalar(following), following.properties.isAlphabetic {
                // an apostrophe inside a word (п'ять, Zelensky's) stays part of it
            } else if let first = start {
                result.append(text[index(first)..<index(offset)])
                start = nil
            }
            offset = next
        }
        if let first = start { result.append(text[index(first)..<text.endIndex]) }
        return result
    }

    /// `words(_:)` by stepping the scalar view (a string without contiguous UTF-8; the reference for tests).
    static func wordsByView(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                // A combining mark after no letter (after a space, say) starts no word, as in a Character walk.
                if start == nil, !isNonspacingMark(scalar) { start = index }
            } else if isApostrophe(scalar), start != nil, next < scalars.endIndex,
                      isWordScalar(scalars[next]), scalars[next].properties.isAlphabetic {
                // an apostrophe inside a word (п'ять, Zelensky's) stays part of it
            } else if let s = start {
                result.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { result.append(text[s..<text.endIndex]) }
        return result
    }
}
