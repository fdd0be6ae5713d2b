import Foundation

/// Language-independent normalisation: NFC, case folding, the Ukrainian apostrophe's variants unified,
/// dash variants treated as separators, stress marks and soft hyphens removed, and numbers written with
/// thousands separators ("1 020 010", "1,020,010", with space, no-break space or thin space) kept as one token.
///
/// It is the analysis every index gets; morphology and names across scripts build on top of it.
public struct BasicAnalyzer: TextAnalyzer {
    public init() {}

    public func indexTokens(_ text: String) -> [AnalyzedToken] { Self.tokenize(text) }
    public func queryTokens(_ text: String) -> [AnalyzedToken] { Self.tokenize(text) }

    /// The apostrophe forms found in real Ukrainian text, all read as U+0027.
    public static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}"]
    /// Separators accepted inside a number between groups of three digits.
    static let groupSeparators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{2009}", "\u{202F}", ","]

    /// Splits `text` into normalised word and number tokens with their UTF-8 byte ranges.
    public static func tokenize(_ text: String) -> [AnalyzedToken] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(s) }
        var tokens: [AnalyzedToken] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if isDigit(s) {
                var end = i
                var digits = ""
                var groupLength = 0
                var j = i
                while j < scalars.count {
                    if isDigit(scalars[j]) {
                        digits.unicodeScalars.append(scalars[j]); groupLength += 1; j += 1; end = j
                    } else if groupSeparators.contains(scalars[j]), (1...3).contains(groupLength),
                              (1...3).allSatisfy({ j + $0 < scalars.count && isDigit(scalars[j + $0]) }),
                              j + 4 >= scalars.count || !isDigit(scalars[j + 4]) {
                        groupLength = 0; j += 1
                    } else { break }
                }
                tokens.append(AnalyzedToken(term: digits, byteRange: offsets[i]..<offsets[end]))
                i = end
            } else if isWordScalar(s) {
                var j = i
                var word = String.UnicodeScalarView()
                while j < scalars.count {
                    let c = scalars[j]
                    if c == "\u{0301}" || c == "\u{00AD}" {
                        j += 1  // stress mark, soft hyphen: invisible in the word
                    } else if apostrophes.contains(c) {
                        guard !word.isEmpty, j + 1 < scalars.count, isWordScalar(scalars[j + 1]) else { break }
                        word.append("'"); j += 1
                    } else if isWordScalar(c) || isDigit(c) {
                        word.append(c); j += 1
                    } else { break }
                }
                let term = fold(String(word))
                if !term.isEmpty { tokens.append(AnalyzedToken(term: term, byteRange: offsets[i]..<offsets[j])) }
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }

    /// NFC then case folding; ё stays ё (Russian readers write е for it, which morphology handles).
    public static func fold(_ word: String) -> String {
        word.precomposedStringWithCanonicalMapping.lowercased()
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        !apostrophes.contains(s) && s != "\u{0301}"
            && (s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark)
    }
}
