import Foundation

/// Finds numbers in Ukrainian, Russian and English text and normalises them to values.
///
/// Handles thousands separators (space, no-break space U+00A0, thin space U+2009, narrow no-break space U+202F,
/// comma), decimal commas and points, and scale words ("1,5 тис." = 1500, "2 млн" = 2,000,000, "1.5 million").
/// Separate numbers stay separate: "24.02" is a date, "1637, 3811" is two numbers, "2022 120" is two numbers.
///
/// ```swift
/// NumberNormalizer.numbers(in: "танки ‒ 1 637 (+12)").map(\.value)   // [1637, 12]
/// ```
public enum NumberNormalizer {
    /// Scale words (folded, without a final dot) and their multipliers.
    static let scales: [String: Double] = {
        var table: [String: Double] = [:]
        for word in ["тис", "тисяча", "тисячі", "тисяч", "тисячу", "тисячами", "тыс", "тысяча", "тысячи", "тысяч",
                     "тысячу", "thousand", "thousands", "k"] { table[word] = 1e3 }
        for word in ["млн", "мільйон", "мільйона", "мільйони", "мільйонів", "миллион", "миллиона", "миллионов",
                     "million", "millions", "mln", "m"] { table[word] = 1e6 }
        for word in ["млрд", "мільярд", "мільярда", "мільярди", "мільярдів", "миллиард", "миллиарда", "миллиардов",
                     "billion", "billions", "bn"] { table[word] = 1e9 }
        return table
    }()

    static let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{2009}", "\u{202F}", ","]

    /// English number words up to ninety-nine ("five", "twenty-three"): renderings spell small numbers out.
    static let englishWords: [String: Int] = {
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]
        var table: [String: Int] = [:]
        for (value, word) in units.enumerated() { table[word] = value }
        for (word, value) in tens {
            table[word] = value
            for unit in 1...9 { table["\(word)-\(units[unit])"] = value + unit }
        }
        return table
    }()

    /// Every number in `text`, in order, and with `includingWords` also English number words ("fifty", "twenty-one"),
    /// marked `isSpelledOut`. Pairing signatures leave words out (too common: "one of"); fidelity checks count them.
    public static func numbers(in text: String, includingWords: Bool) -> [NumberMention] {
        let digits = numbers(in: text)
        guard includingWords else { return digits }
        var words: [NumberMention] = []
        var searchStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character == "-" {
                index = text.index(after: index)
                continue
            }
            if searchStart < index, let mention = spelledOut(text, searchStart..<index) { words.append(mention) }
            index = text.index(after: index)
            searchStart = index
        }
        if searchStart < text.endIndex, let mention = spelledOut(text, searchStart..<text.endIndex) { words.append(mention) }
        return (digits + words).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func spelledOut(_ text: String, _ range: Range<String.Index>) -> NumberMention? {
        let word = String(text[range])
        guard let value = englishWords[word.lowercased()] else { return nil }
        var mention = NumberMention(value: Double(value), kind: .cardinal, text: word, range: range)
        mention.isSpelledOut = true
        return mention
    }

    /// Every number written in digits in `text`, in order.
    ///
    /// Why three ways: a text without an ASCII digit has no number, and a text whose scalars each stand alone as a
    /// character (`SingleScalarText`) is walked by scalars, which finds the same numbers at the same places as the
    /// walk by `Character` that any other text takes. The walk by `Character` was a fifth of `diglot pair`'s
    /// instructions (docs/performance.md, session 26).
    public static func numbers(in text: String) -> [NumberMention] {
        guard text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return [] }
        if let (scalars, indices) = SingleScalarText.scalars(of: text) {
            return DigitScan(text: text, chars: scalars, indices: indices).mentions()
        }
        return numbersByCharacters(in: text)
    }

    /// `numbers(in:)` walking `text` by `Character`, whatever its scalars.
    static func numbersByCharacters(in text: String) -> [NumberMention] {
        let chars = Array(text)
        var indices: [String.Index] = []
        indices.reserveCapacity(chars.count + 1)
        var cursor = text.startIndex
        for _ in chars { indices.append(cursor); cursor = text.index(after: cursor) }
        indices.append(text.endIndex)
        return DigitScan(text: text, chars: chars, indices: indices).mentions()
    }
}

/// One step of the walk that finds numbers: a `Character`, or a scalar of a text whose scalars all stand alone
/// (where each answer below is the one the `Character` made of that scalar gives).
protocol NumberTextUnit: Hashable, ExpressibleByUnicodeScalarLiteral {
    /// An ASCII digit.
    var isASCIIDigit: Bool { get }
    /// What `Character.isNumber` says ("7", "½", "٣").
    var isNumeric: Bool { get }
    /// What `Character.isLetter` says.
    var isLetterUnit: Bool { get }
    /// Whether it begins with a Cyrillic scalar.
    var startsCyrillic: Bool { get }
    /// A thousands separator: space, no-break space U+00A0, thin space U+2009, narrow no-break space U+202F, comma.
    var isGroupSeparator: Bool { get }
}

extension Character: NumberTextUnit {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isNumeric: Bool { isNumber }
    var isLetterUnit: Bool { isLetter }
    var startsCyrillic: Bool { unicodeScalars.first.map(TextFolding.isCyrillic) == true }
    var isGroupSeparator: Bool { NumberNormalizer.groupSeparators.contains(self) }
}

extension Unicode.Scalar: NumberTextUnit {
    var isASCIIDigit: Bool { value &- 0x30 < 10 }
    var isNumeric: Bool { value < 0x80 ? isASCIIDigit : properties.numericType != nil }
    var isLetterUnit: Bool { ScalarLetters.isAlphabetic(self) }
    var startsCyrillic: Bool { TextFolding.isCyrillic(self) }
    var isGroupSeparator: Bool {
        switch value {
        case 0x20, 0xA0, 0x2009, 0x202F, 0x2C: true
        default: false
        }
    }
}

/// The walk over a text's units (`chars`) that reads numbers, dates and times, with the index in `text` where
/// each unit starts (then `endIndex`).
private struct DigitScan<Unit: NumberTextUnit> {
    let text: String
    let chars: [Unit]
    let indices: [String.Index]

    /// The text of units `start..<end`.
    func string(_ start: Int, _ end: Int) -> String { String(text[indices[start]..<indices[end]]) }

    func mentions() -> [NumberMention] {
        var result: [NumberMention] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit else { i += 1; continue }
            let start = i
            var j = i
            while j < chars.count, chars[j].isASCIIDigit { j += 1 }
            let firstGroup = string(i, j)
            let firstGroupLength = j - i

            if let date = readDate(firstGroupEnd: j, firstGroup: firstGroup, length: firstGroupLength) {
                let range = indices[start]..<indices[date.end]
                result.append(NumberMention(value: Double(date.day), kind: .date, text: String(text[range]), range: range,
                                            month: date.month, year: date.year))
                i = date.end
                continue
            }
            if j + 2 < chars.count, chars[j] == ":", firstGroupLength <= 2, let hour = Int(firstGroup), hour < 24,
               chars[j + 1].isASCIIDigit, chars[j + 2].isASCIIDigit,
               j + 3 >= chars.count || !chars[j + 3].isNumeric {
                let range = indices[start]..<indices[j + 3]
                result.append(NumberMention(value: Double(hour), kind: .time, text: String(text[range]), range: range))
                i = j + 3
                continue
            }

            var digits = firstGroup
            var end = j
            // Thousands groups: one separator kind throughout, a first group of 1-3 digits, then groups of exactly 3.
            if firstGroupLength <= 3 {
                var separator: Unit?
                var k = j
                while k + 3 < chars.count, chars[k].isGroupSeparator, separator == nil || separator == chars[k],
                      (1...3).allSatisfy({ chars[k + $0].isASCIIDigit }),
                      k + 4 >= chars.count || !chars[k + 4].isASCIIDigit,
                      !(chars[k] == "," && isDecimalCommaBeforeScale(groupStart: k + 1)) {
                    separator = chars[k]
                    digits += string(k + 1, k + 4)
                    k += 4
                    end = k
                }
            }
            var value = Double(digits) ?? 0
            var kind = NumberMention.Kind.cardinal
            // A decimal part: "1,5", "1.5", "3.75".
            if end < chars.count, chars[end] == "," || chars[end] == ".", end + 1 < chars.count,
               chars[end + 1].isASCIIDigit {
                var k = end + 1
                while k < chars.count, chars[k].isASCIIDigit { k += 1 }
                let fraction = string(end + 1, k)
                let followedByDigitGroup = k < chars.count && (chars[k] == "." || chars[k] == ",") && k + 1 < chars.count
                    && chars[k + 1].isNumeric
                if !followedByDigitGroup, let decimal = Double(digits + "." + fraction) {
                    value = decimal
                    kind = .decimal
                    end = k
                }
            }
            if let (multiplier, scaleEnd) = readScale(from: end) {
                value *= multiplier
                end = scaleEnd
                kind = value.rounded() == value ? .cardinal : .decimal
            }
            let range = indices[start]..<indices[end]
            result.append(NumberMention(value: value, kind: kind, text: String(text[range]), range: range))
            i = end
        }
        return result
    }

    /// "1,500 тис." reads as 1.5 thousand in Ukrainian and Russian, where the comma is decimal.
    private func isDecimalCommaBeforeScale(groupStart: Int) -> Bool {
        guard let (_, _) = readScale(from: groupStart + 3) else { return false }
        var k = groupStart + 3
        while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
        return k < chars.count && chars[k].startsCyrillic
    }

    /// A scale word right after a number ("тис.", " million", "2 млн"): its multiplier and where it ends.
    private func readScale(from index: Int) -> (Double, Int)? {
        var k = index
        var spaces = 0
        while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" || chars[k] == "\u{202F}" { k += 1; spaces += 1 }
        guard spaces <= 1 else { return nil }
        var wordEnd = k
        while wordEnd < chars.count, chars[wordEnd].isLetterUnit { wordEnd += 1 }
        guard wordEnd > k else { return nil }
        let word = TextFolding.fold(string(k, wordEnd))
        guard let multiplier = NumberNormalizer.scales[word] else { return nil }
        // "m" and "k" only glued to the number ("1.5m", "20k"), never as a separate word ("5 m" is five metres).
        if (word == "m" || word == "k"), spaces > 0 { return nil }
        if wordEnd < chars.count, chars[wordEnd] == "." { wordEnd += 1 }
        return (multiplier, wordEnd)
    }

    /// "24.02", "8.07", "24.02.2022", "24.02.22": a day and a two-digit month (and an optional year).
    private func readDate(firstGroupEnd j: Int, firstGroup: String, length: Int)
        -> (day: Int, month: Int, year: Int?, end: Int)? {
        guard length <= 2, let day = Int(firstGroup), (1...31).contains(day), j + 2 < chars.count,
              chars[j] == ".", chars[j + 1].isASCIIDigit, chars[j + 2].isASCIIDigit,
              let month = Int(string(j + 1, j + 3)), (1...12).contains(month) else { return nil }
        var end = j + 3
        if end < chars.count, chars[end].isASCIIDigit { return nil }
        var year: Int?
        if end + 1 < chars.count, chars[end] == ".", chars[end + 1].isASCIIDigit {
            var k = end + 1
            while k < chars.count, chars[k].isASCIIDigit { k += 1 }
            let digits = k - (end + 1)
            if digits == 4 || digits == 2, let y = Int(string(end + 1, k)) {
                year = digits == 2 ? 2000 + y : y
                end = k
            }
        }
        // "1.5 million" and "2.50 тис." are amounts, not dates.
        if year == nil, readScale(from: end) != nil { return nil }
        return (day, month, year, end)
    }
}
