import DiglotModel
import Foundation

/// How likely an English quote in an article is the rendering of a tweet it embeds, from evidence only
/// (no machine translation): numbers in common, distance to the embed, whether the attribution names the
/// tweet's author, and whether the lengths fit a translation.
///
/// ```swift
/// QuoteEvidence(tweetFacts: .init(tweet.text), quoteFacts: .init(quote), authorWords: QuoteEvidence.authorWords(of: tweet),
///               speakerWords: QuoteEvidence.words("the ministry"), verb: "tweeted", distance: 1).confidence // 0.86
/// ```
struct QuoteEvidence {
    var numbers: Double
    var proximity: Double
    var attribution: Double
    var length: Double

    /// Below this a quote is not paired with the tweet.
    static let threshold = 0.5

    var confidence: Double {
        let value = 0.3 * proximity + 0.25 * numbers + 0.25 * attribution + 0.2 * length
        return (value * 1000).rounded() / 1000
    }

    /// What the evidence reads from a tweet's or a quote's text, read once per text: an article's every tweet
    /// is weighed against its every quote, and reading both texts again for each pair was two fifths of
    /// importing an article with embeds (callgrind, docs/performance.md "Session 16").
    struct TextFacts {
        var numbers: Set<Int>
        var letters: Int

        init(_ text: String) {
            numbers = QuoteEvidence.numbers(in: text)
            var letters = 0
            text.forEachCharacterClass { classes in
                if classes.contains(.letter) { letters += 1 }
                return true
            }
            self.letters = letters
        }
    }

    /// - Parameters:
    ///   - tweetFacts: `TextFacts(tweet.text)`.
    ///   - quoteFacts: the quote's `TextFacts`.
    ///   - authorWords: `authorWords(of: tweet)`.
    ///   - speakerWords: `words(speaker)` of the quote's speaker, nil without one.
    ///   - distance: items between the quote's paragraph and the embed (1 = adjacent).
    init(tweetFacts: TextFacts, quoteFacts: TextFacts, authorWords: Set<String>, speakerWords: Set<String>?, verb: String?,
         distance: Int) {
        let tweetNumbers = tweetFacts.numbers
        let quoteNumbers = quoteFacts.numbers
        if tweetNumbers.isEmpty && quoteNumbers.isEmpty {
            numbers = 0.5
        } else if tweetNumbers.isEmpty || quoteNumbers.isEmpty {
            numbers = 0.1
        } else {
            numbers = Double(tweetNumbers.intersection(quoteNumbers).count) / Double(tweetNumbers.union(quoteNumbers).count)
        }
        proximity = 1 / (1 + 0.5 * Double(max(0, distance - 1)))
        attribution = QuoteEvidence.attribution(speakerWords: speakerWords, verb: verb, authorWords: authorWords)
        let tweetLetters = Double(tweetFacts.letters)
        let quoteLetters = Double(quoteFacts.letters)
        let ratio = tweetLetters > 0 ? quoteLetters / tweetLetters : 0
        length = ratio == 0 ? 0 : min(1, ratio / 0.75, 1.6 / ratio)
    }

    /// Integers named in a text, "1 тис." and "1 thousand" read as 1000, "1,000" and "1 000" as 1000.
    ///
    /// Text whose every scalar stands alone (`isStandaloneInGraphemes`) is read by scalar, as `numbersByScalars`;
    /// walking it by `Character` found every grapheme's end and asked Unicode's tables about each one (1.3 % of
    /// an import's instructions, callgrind, 5,000 documents, session 28).
    static func numbers(in text: String) -> Set<Int> {
        let lowered = text.quickLowercased()
        if lowered.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) { return numbersByScalars(inLowered: lowered) }
        return numbersByCharacters(inLowered: lowered)
    }

    /// `numbers(in:)` of lowercased text by `Character`: the rule as written, for text with joining scalars.
    static func numbersByCharacters(inLowered lowered: String) -> Set<Int> {
        var result = Set<Int>()
        let tokens = lowered.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" })
        var index = 0
        while index < tokens.count {
            // Trimming removes punctuation only: a token without a number has none after it either, and is
            // passed over before the (costly) trimming.
            guard tokens[index].contains(where: \.isNumber) else { index += 1; continue }
            var token = tokens[index].trimmingScalars(where: isNumberPunctuation)
            var digits = token.filter(\.isNumber)
            guard !digits.isEmpty, token.allSatisfy({ $0.isNumber || $0 == "," }) else { index += 1; continue }
            // "1 000": a group of exactly three digits after a number continues it.
            while index + 1 < tokens.count, tokens[index + 1].count == 3, tokens[index + 1].allSatisfy(\.isNumber) {
                index += 1
                digits += tokens[index]
                token = digits
            }
            var value = Int(digits) ?? 0
            if index + 1 < tokens.count, multipliers.contains(where: { tokens[index + 1].hasPrefix($0) }) {
                value *= 1000
            }
            result.insert(value)
            index += 1
        }
        return result
    }

    /// `numbersByCharacters` for lowercased text whose every scalar stands alone, where each character is one
    /// scalar and its `isWhitespace` and `isNumber` are that scalar's: tokens are ranges of the scalars, and
    /// only a token that holds a number is made into text.
    static func numbersByScalars(inLowered lowered: String) -> Set<Int> {
        let scalars = lowered.unicodeScalarArray
        var tokens: [Range<Int>] = []
        var start = -1
        for (index, scalar) in scalars.enumerated() {
            if isTokenSeparator(scalar) {
                if start >= 0 { tokens.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { tokens.append(start..<scalars.count) }
        func allNumbers(_ range: Range<Int>) -> Bool { scalars[range].allSatisfy(isNumber) }
        var result = Set<Int>()
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard scalars[token].contains(where: isNumber) else { index += 1; continue }
            var lower = token.lowerBound, upper = token.upperBound
            while lower < upper, isNumberPunctuation(scalars[lower]) { lower += 1 }
            while upper > lower, isNumberPunctuation(scalars[upper - 1]) { upper -= 1 }
            let trimmed = scalars[lower..<upper]
            var digits = String.UnicodeScalarView(trimmed.lazy.filter(isNumber))
            guard !digits.isEmpty, trimmed.allSatisfy({ isNumber($0) || $0 == "," }) else { index += 1; continue }
            // "1 000": a group of exactly three digits after a number continues it.
            while index + 1 < tokens.count, tokens[index + 1].count == 3, allNumbers(tokens[index + 1]) {
                index += 1
                digits.append(contentsOf: scalars[tokens[index]])
            }
            var value = Int(String(digits)) ?? 0
            if index + 1 < tokens.count {
                let next = scalars[tokens[index + 1]]
                if multiplierScalars.contains(where: { next.starts(with: $0) }) { value *= 1000 }
            }
            result.insert(value)
            index += 1
        }
        return result
    }

    /// What `Character.isWhitespace || == "(" || == ")"` says of a one-scalar character (`CharacterClass`, the
    /// model's classes of one scalar, answers ASCII and Cyrillic by value).
    @inline(__always)
    static func isTokenSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "(" || scalar == ")" || CharacterClass(of: scalar).contains(.whitespace)
    }

    /// What `Character.isNumber` says of a one-scalar character (`CharacterClass`).
    @inline(__always)
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool { CharacterClass(of: scalar).contains(.number) }

    private static let multipliers = ["thousand", "тис", "тыс"]
    private static let multiplierScalars = multipliers.map { Array($0.unicodeScalars) }
    /// What may stand around a number (`.,;:!?+"“”«»`): trimmed before reading it. A switch, not a Foundation
    /// `CharacterSet`: trimming with one bridged every number's token to `NSString` (two thirds of reading a
    /// tweet's or a quote's numbers).
    static func isNumberPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2B, 0x22, 0x201C, 0x201D, 0xAB, 0xBB: return true
        default: return false
        }
    }

    /// 1 when the speaker names the tweet's author, more when the article says it was tweeted.
    /// - Parameters:
    ///   - speakerWords: `words(speaker)`, nil when the quote names no speaker.
    ///   - authorWords: `authorWords(of: tweet)`.
    static func attribution(speakerWords: Set<String>?, verb: String?, authorWords author: Set<String>) -> Double {
        let tweeted = ["tweeted", "tweets", "posted", "wrote", "writes"].contains(verb ?? "")
        var score = tweeted ? 0.4 : 0
        guard let spoken = speakerWords else { return score }
        let overlap = spoken.intersection(author)
        if !overlap.isEmpty { score += 0.6 + 0.4 * Double(overlap.count) / Double(max(author.count, 1)) }
        else if spoken.contains(where: { ["ministry", "general", "staff", "forces", "command", "president", "office"].contains($0) }) {
            score += 0.3  // an institution, as tweets by official accounts are attributed
        }
        return min(1, score)
    }

    /// The words of a tweet's author's display name and handle, which a quote's speaker may name.
    ///
    /// Read once per tweet and `words(speaker)` once per quote, not both for every tweet and quote an article
    /// weighs against each other: with Foundation's replacements in `words`, that was 1 % of an import
    /// (callgrind, 5,000 documents, session 19).
    static func authorWords(of tweet: EmbeddedTweet) -> Set<String> {
        words(tweet.displayName ?? "").union(words(handleWords(tweet.handle ?? "")))
    }

    /// Content words, with British and American spellings and possessives folded.
    ///
    /// Lowercased text whose every scalar stands alone is read by scalar (`wordsByScalars`): Foundation's two
    /// replacements bridged each name to `NSString`, and the `Character` walk asked Unicode's tables about
    /// every letter.
    static func words(_ text: String) -> Set<String> {
        let lowered = text.quickLowercased()
        if lowered.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) { return wordsByScalars(inLowered: lowered) }
        return wordsByCharacters(inLowered: lowered)
    }

    /// `words` of lowercased text by Foundation and `Character`: the rule as written, for text with joining
    /// scalars.
    static func wordsByCharacters(inLowered lowered: String) -> Set<String> {
        let raw = lowered.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
        return Set(raw.split(whereSeparator: { !$0.isLetter }).map { word in
            word == "defense" ? "defence" : String(word)
        }.filter { $0.count > 2 && !stopWords.contains($0) })
    }

    /// `wordsByCharacters` for lowercased text whose every scalar stands alone: "’s" and "'s" removed left to
    /// right (the first removal before the second, as the two replacements run), then runs of letters.
    static func wordsByScalars(inLowered lowered: String) -> Set<String> {
        var scalars = removing(["’", "s"], from: Array(lowered.unicodeScalars))
        scalars = removing(["'", "s"], from: scalars)
        var result = Set<String>()
        var start = -1
        func take(_ end: Int) {
            defer { start = -1 }
            guard start >= 0, end - start > 2 else { return }
            var word = String(String.UnicodeScalarView(scalars[start..<end]))
            if word == "defense" { word = "defence" }
            if !stopWords.contains(word) { result.insert(word) }
        }
        for (index, scalar) in scalars.enumerated() {
            if isLetter(scalar) {
                if start < 0 { start = index }
            } else {
                take(index)
            }
        }
        take(scalars.count)
        return result
    }

    /// `scalars` with every occurrence of `pair`, left to right, taken out.
    private static func removing(_ pair: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.count >= 2 else { return scalars }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count && scalars[index] == pair[0] && scalars[index + 1] == pair[1] {
                index += 2
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// What `Character.isLetter` says of a one-scalar character (`CharacterClass`).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { CharacterClass(of: scalar).contains(.letter) }

    /// "DefenceU" → "Defence U", "VS_Oblomov" → "VS Oblomov", "GeneralStaffUA" → "General Staff UA".
    static func handleWords(_ handle: String) -> String {
        var out = ""
        var previous: Character?
        for ch in handle {
            if ch == "_" { out += " " } else {
                if let p = previous, ch.isUppercase, p.isLowercase { out += " " }
                out.append(ch)
            }
            previous = ch
        }
        return out
    }

    private static let stopWords: Set<String> = ["the", "official", "twitter", "handle", "account", "page", "its", "and", "for"]
}
