import Foundation

/// Splits Ukrainian, Russian and English text into sentences for alignment.
///
/// A line break always ends a unit (bulletins put one figure on a line). Inside a line a sentence ends at `.`, `!`,
/// `?` or `…` (closing quotes and brackets included) followed by a space and an uppercase letter, digit, quote or
/// dash, unless the word before the dot is a known abbreviation ("тис.", "вул.", "Gen.") or a single letter
/// (an initial: "В. Зеленський"). "24.02" never splits: no space follows its dot.
///
/// ```swift
/// SentenceSplitter.sentences(in: "Втрати ворога: 1 тис. осіб. Бої тривають.")   // 2 sentences
/// ```
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "тис", "млн", "млрд", "грн", "ім", "вул", "м", "р", "рр", "ст", "с", "смт", "обл", "див", "зв", "ін", "проф",
        "ген", "полк", "тыс", "г", "гг", "ул", "пр", "им", "т", "н", "од", "км", "бл", "мр", "напр", "пп",
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "maj", "capt", "vs", "no", "jan", "feb", "aug", "sept",
        "oct", "nov", "dec", "approx", "inc", "corp", "jr", "sr", "prof", "rep", "sen", "gov", "lt.-gen", "u.s", "e.g", "i.e",
    ]
    static let closers: Set<Character> = ["»", "\"", "”", "’", ")", "]", "'"]
    static let openers: Set<Character> = ["«", "\"", "“", "„", "(", "—", "–", "-", "'", "‘"]

    /// The sentences of `text`, trimmed, empty ones dropped.
    public static func sentences(in text: String) -> [String] {
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            result.append(contentsOf: sentences(inLine: Substring(line)))
        }
        return result
    }

    private static func sentences(inLine line: Substring) -> [String] {
        let chars = Array(line)
        var result: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var end = i + 1
            while end < chars.count, chars[end] == "." || chars[end] == "!" || chars[end] == "?" || closers.contains(chars[end]) {
                end += 1
            }
            guard end < chars.count, chars[end].isWhitespace else { i = end; continue }
            var next = end
            while next < chars.count, chars[next].isWhitespace { next += 1 }
            guard next < chars.count else { i = end; continue }
            let following = chars[next]
            let startsSentence = following.isUppercase || following.isNumber || openers.contains(following)
            if startsSentence, !(c == "." && endsWithAbbreviation(chars, dotAt: i, from: start)) {
                let sentence = String(chars[start..<end]).trimmingCharacters(in: .whitespaces)
                if !sentence.isEmpty { result.append(sentence) }
                start = next
            }
            i = next
        }
        let rest = String(chars[start..<chars.count]).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    private static func endsWithAbbreviation(_ chars: [Character], dotAt dot: Int, from start: Int) -> Bool {
        var k = dot
        while k > start, chars[k - 1].isLetter || chars[k - 1] == "." || chars[k - 1] == "-" { k -= 1 }
        let word = String(chars[k..<dot]).lowercased()
        if word.isEmpty { return false }
        if word.count == 1, word.first?.isLetter == true { return true }
        return abbreviations.contains(word)
    }
}
