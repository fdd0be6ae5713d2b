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
        for scalar in source.lowercased().unicodeScalars {
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
        let needsComposition = text.unicodeScalars.contains { $0.value >= 0x0300 && $0.properties.canonicalCombiningClass != .notReordered }
        return needsComposition ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `text` without whitespace at either end, without Foundation's `trimmingCharacters` (several times slower,
    /// and called for every cell of every bundled table at start-up).
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    /// True for a scalar that belongs inside a word: a letter, a combining mark or a digit.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.numericType != nil
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x052F).contains(scalar.value) }

    /// The words of `text`: runs of letters and digits, apostrophes kept inside a word; hyphenated words split.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let scalar = character.unicodeScalars.first!
            let next = text.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if apostrophes.contains(character), start != nil, next < text.endIndex,
                      let following = text[next].unicodeScalars.first, following.properties.isAlphabetic {
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
