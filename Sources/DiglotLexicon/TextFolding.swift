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
        // NFC goes through Foundation and is costly; text without combining marks is already composed.
        let needsComposition = text.unicodeScalars.contains { $0.value >= 0x0300 && $0.properties.canonicalCombiningClass != .notReordered }
        let source = needsComposition ? text.precomposedStringWithCanonicalMapping : text
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
