import DiglotModel
import Foundation

/// Finds quoted statements in a paragraph of English reporting and who the text says made them.
///
/// Reporters quote officials with curly or straight double quotes or guillemets, before or after the
/// attribution ("The ministry tweeted, "Today …"", "According to the ministry, "…"", ""…," the ministry
/// said", ""…," said Mr Arestovich"). A quote may span several sentences, and in British style a quote
/// running over several paragraphs leaves every paragraph but the last unclosed. Short scare quotes
/// ("incalculable losses") are not statements and are left out.
///
/// ```swift
/// let quotes = QuotationFinder.quotations(in: "The ministry said: “We hold the line in Kharkiv today.”")
/// quotes[0].text     // "We hold the line in Kharkiv today."
/// quotes[0].speaker  // "The ministry"
/// ```
public enum QuotationFinder {
    /// One quoted statement. Offsets are Unicode-scalar offsets into the paragraph, `start..<end` being the
    /// words inside the quotation marks.
    public struct Quotation: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
        /// Who the paragraph says spoke ("the ministry", "Mr Arestovich"); nil when it does not say.
        public var speaker: String?
        /// The attributing verb ("tweeted", "said", "according to").
        public var verb: String?
        /// Whether the closing mark was missing (a quote continuing into the next paragraph).
        public var isOpen: Bool
    }

    /// Fewer words than this inside quotation marks is a scare quote or a title, not a statement.
    public static let minimumWords = 5

    /// The statements quoted in `paragraph`; `previousSpeaker` resolves "he said" and continued quotes.
    public static func quotations(in paragraph: String, previousSpeaker: String? = nil) -> [Quotation] {
        // Most paragraphs hold no quotation mark at all: they are not turned into scalars.
        guard mayHoldOpener(paragraph) else { return [] }
        let scalars = paragraph.unicodeScalarArray
        var result: [Quotation] = []
        var index = 0
        var lastSpeaker = previousSpeaker
        while index < scalars.count {
            guard isOpening(scalars, at: index) else { index += 1; continue }
            let innerStart = index + 1
            var close = innerStart
            while close < scalars.count, !isClosing(scalars, at: close, opener: scalars[index]) { close += 1 }
            let isOpen = close >= scalars.count
            let inner = String(scalars: scalars[innerStart..<min(close, scalars.count)])
            let trimmed = trimmedRange(scalars, innerStart, min(close, scalars.count))
            index = close + 1
            guard hasWords(inner, atLeast: minimumWords), trimmed.0 < trimmed.1 else { continue }
            let before = String(scalars: scalars[0..<max(0, innerStart - 1)])
            let after = close + 1 < scalars.count ? String(scalars: scalars[(close + 1)...]) : ""
            // A quote ending its own sentence ("….") is followed by a new sentence, not by its attribution.
            let endsSentence = inner.trimmingSpaces().hasSuffix(".")
            var attribution = isOpen || endsSentence ? nil : speakerAfter(after)
            if attribution == nil { attribution = speakerBefore(before) }
            var speaker = attribution?.speaker
            if let s = speaker, pronouns.contains(s.lowercased()), let lastSpeaker { speaker = lastSpeaker }
            if attribution == nil, lastSentence(of: before).isEmpty {
                speaker = lastSpeaker  // a quote opening a sentence continues the previous speaker's words
            }
            if let speaker { lastSpeaker = speaker }
            result.append(Quotation(start: trimmed.0, end: trimmed.1,
                                    text: String(scalars: scalars[trimmed.0..<trimmed.1]),
                                    speaker: speaker, verb: attribution?.verb, isOpen: isOpen))
        }
        return result
    }

    /// Verbs that attribute speech, in the forms reporting uses.
    public static let speechVerbs: [String] = [
        "said", "says", "say", "tweeted", "tweets", "wrote", "writes", "posted", "added", "adds", "stated",
        "told", "tells", "announced", "declared", "claimed", "claims", "reported", "reports", "noted", "warned",
        "insisted", "explained", "continued", "stressed", "confirmed", "urged", "informed", "informs",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]

    /// “ « „ and the straight quote. A switch, not a `Set`: every scalar of every paragraph is checked, and
    /// hashing each one was two thirds of finding quotations (callgrind, session 9).
    private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x201C, 0x00AB, 0x201E, 0x22: return true
        default: return false
        }
    }

    private static func isOpening(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard isOpener(s[i]) else { return false }
        if s[i] != "\"" { return true }
        let previous: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        let leftOK = previous.map { $0 == " " || $0 == "\n" || $0 == "(" || $0 == "[" || $0 == "—" || $0 == "–" } ?? true
        return leftOK && next.map { !$0.properties.isWhitespace } == true
    }

    private static func isClosing(_ s: [Unicode.Scalar], at i: Int, opener: Unicode.Scalar) -> Bool {
        switch opener {
        case "\u{00AB}": return s[i] == "\u{00BB}"
        case "\"": return s[i] == "\"" && (i == 0 || !s[i - 1].properties.isWhitespace)
        case "\u{201E}": return s[i] == "\u{201C}" || s[i] == "\u{201D}"
        default: return s[i] == "\u{201D}"
        }
    }

    private static func trimmedRange(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Int) {
        var a = start, b = end
        while a < b, s[a].properties.isWhitespace { a += 1 }
        while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
        return (a, b)
    }

    /// Whether `text` has `count` words (runs of non-whitespace characters with a letter or a digit in them),
    /// counted until there are enough: splitting a long quote into all its words only to compare the count
    /// with five was a sixth of finding quotations.
    static func hasWords(_ text: String, atLeast count: Int) -> Bool {
        var words = 0
        var inWord = false
        var wordHasLetterOrNumber = false
        text.forEachCharacterClass { classes in
            if classes.contains(.whitespace) {
                if inWord, wordHasLetterOrNumber { words += 1; if words >= count { return false } }
                inWord = false
                wordHasLetterOrNumber = false
            } else {
                inWord = true
                if !classes.isDisjoint(with: [.letter, .number]) { wordHasLetterOrNumber = true }
            }
            return true
        }
        if words >= count { return true }
        if inWord, wordHasLetterOrNumber { words += 1 }
        return words >= count
    }

    /// Whether `text` holds one of the opening marks' bytes: `"`, “ (E2 80 9C), „ (E2 80 9E) or « (C2 AB).
    static func mayHoldOpener(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x22: return true
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9E):
                    return true
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xAB: return true
                default: i += 1
                }
            }
            return false
        }
    }

    /// `, the ministry said.` / `, said Mr Arestovich, who …` / ` he said.`: the clause right after the
    /// closing mark, up to its first comma.
    static func speakerAfter(_ after: String) -> (speaker: String, verb: String)? {
        let clause = after.prefix { !".;!?\n\u{201C}\"".contains($0) }
        guard let head = clause.split(separator: ",", omittingEmptySubsequences: true).first else { return nil }
        let words = head.split(whereSeparator: { $0 == " " || $0 == "–" || $0 == "—" }).map(String.init)
        guard let verbIndex = words.firstIndex(where: { speechVerbs.contains($0.lowercased()) }), verbIndex <= 6 else {
            return nil
        }
        let verb = words[verbIndex].lowercased()
        if verbIndex > 0 { return (words[..<verbIndex].joined(separator: " "), verb) }
        let name = words.dropFirst().prefix(8)
        guard let first = name.first, first.first?.isUppercase == true || first.lowercased() == "the" else { return nil }
        return (name.joined(separator: " "), verb)
    }

    /// `The official Twitter handle of the ministry tweeted, ` / `According to the ministry, `
    static func speakerBefore(_ before: String) -> (speaker: String, verb: String)? {
        let sentence = lastSentence(of: before)
        let lowered = sentence.lowercased()
        if let range = lowered.range(of: "according to ", options: .backwards) {
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            let rest = sentence.dropFirst(offset)
            let name = rest.prefix { $0 != "," && $0 != ":" }.trimmingSpaces()
            if !name.isEmpty, name.split(separator: " ").count <= 10 { return (name, "according to") }
        }
        let words = sentence.split(whereSeparator: { $0 == " " }).map(String.init)
        guard let verbIndex = words.lastIndex(where: { speechVerbs.contains(withoutCommaOrColon($0.lowercased())) }),
              words.count - verbIndex <= 7, verbIndex > 0 else { return nil }
        let verb = withoutCommaOrColon(words[verbIndex].lowercased())
        var subject = words[0..<verbIndex].joined(separator: " ")
        if let comma = subject.range(of: ", ", options: .backwards) {
            let tail = subject[comma.upperBound...]
            if tail.split(separator: " ").count >= 1 { subject = String(tail) }
        }
        subject = subject.trimmingCharacters(in: CharacterSet(charactersIn: " ,:"))
        guard !subject.isEmpty, subject.split(separator: " ").count <= 12 else { return nil }
        return (subject, verb)
    }

    /// `word` without commas and colons at either end: `trimmingCharacters(in: CharacterSet(charactersIn: ",:"))`
    /// without Foundation (27 M instructions of a 5,000-document import, session 29).
    static func withoutCommaOrColon(_ word: String) -> String {
        word.trimmingScalars(where: { $0 == "," || $0 == ":" })
    }

    /// The text after the last sentence end in `text`.
    ///
    /// The word before each sentence end (is it "Mr", "U.S"?) is found by walking back to the space before it:
    /// splitting everything before the end into words, at every end, made the walk quadratic in the text
    /// (30 M instructions of a 5,000-document import for the text before 793 quotes, session 29).
    static func lastSentence(of text: String) -> String {
        var cut = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "." || c == "!" || c == "?" || c == "\n", next < text.endIndex, text[next] == " " || text[next] == "\n" {
                if !abbreviations.contains(wordEnding(at: i, in: text)) { cut = next }
            }
            i = next
        }
        return text[cut...].trimmingSpaces()
    }

    /// The last word (characters between spaces) before `end`: `text[..<end].split(separator: " ").last`.
    static func wordEnding(at end: String.Index, in text: String) -> String {
        var last = end
        while last > text.startIndex, text[text.index(before: last)] == " " { last = text.index(before: last) }
        var first = last
        while first > text.startIndex, text[text.index(before: first)] != " " { first = text.index(before: first) }
        return String(text[first..<last])
    }

    static let abbreviations: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Col", "Lt", "St", "Sen", "Rep", "Prof", "U.S", "U.K", "No"]
}
