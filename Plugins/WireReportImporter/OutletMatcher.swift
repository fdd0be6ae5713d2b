import DiglotModel

/// The first outlet a sentence names, as the pattern
/// `\b(<an outlet of CitationFinder.outlets, longest first>)\b|\b((?:[A-Z][A-Za-z-]+ ){0,3}[A-Z][A-Za-z-]+) news agency\b`
/// finds it with ICU (Foundation's `NSRegularExpression`): the leftmost start, the listed names before the
/// "… news agency" form at one start, `\b` as ICU reads it.
///
/// Why by hand: the pattern ran on every sentence holding an outlet's name or "news agency" (any "AP" in "APCs"
/// will do), and bridging each sentence to UTF-16 for ICU cost 31,000 instructions a sentence, a third of
/// finding citations. `OutletMatcherTests` holds the two to the same answers.
enum OutletMatcher {
    /// The names as scalars, longest first (the order the pattern's alternation tries them in), by their first
    /// letter's ASCII value (every name starts with an ASCII letter).
    private static let namesByFirstLetter: [[[Unicode.Scalar]]] = {
        var groups = [[[Unicode.Scalar]]](repeating: [], count: 128)
        for name in CitationFinder.outlets.sorted(by: { $0.count > $1.count }) {
            let scalars = Array(name.unicodeScalars)
            groups[Int(scalars[0].value)].append(scalars)
        }
        return groups
    }()

    private static let newsAgency = Array(" news agency".unicodeScalars)

    /// The outlet named first in `sentence` (ICU's `\b` looks no further than the slice's ends), or nil.
    static func firstOutlet(in sentence: ArraySlice<Unicode.Scalar>) -> String? {
        let names = namesByFirstLetter
        // The "… news agency" form is tried only in a sentence that says "news agency": parsing each
        // capitalised word's chain for it was most of the matcher's time.
        let saysNewsAgency = contains(newsAgency, in: sentence)
        var position = sentence.startIndex
        while position < sentence.endIndex {
            defer { position += 1 }
            let first = sentence[position].value
            // Every name and every "… news agency" form starts with an ASCII letter; a letter no name starts
            // with, where no "… news agency" form can start (a capital, in a sentence that says it), is passed
            // over before the boundary is looked at.
            guard first < 0x80, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A,
                  !names[Int(first)].isEmpty || (saysNewsAgency && first <= 0x5A),
                  isBoundary(sentence, at: position) else { continue }
            for name in names[Int(first)] where matches(name, in: sentence, at: position) {
                if isBoundary(sentence, at: position + name.count) { return String(scalars: name) }
            }
            if saysNewsAgency, let end = agencyNameEnd(in: sentence, from: position) {
                return String(scalars: sentence[position..<end])
            }
        }
        return nil
    }

    private static func contains(_ literal: [Unicode.Scalar], in s: ArraySlice<Unicode.Scalar>) -> Bool {
        var start = s.startIndex
        while start + literal.count <= s.endIndex {
            if s[start] == literal[0], matches(literal, in: s, at: start) { return true }
            start += 1
        }
        return false
    }

    /// Where `(?:[A-Z][A-Za-z-]+ ){0,3}[A-Z][A-Za-z-]+` ends when ` news agency\b` follows it, from `start`.
    ///
    /// A capitalised word's letters cannot be followed by a space part way through, so each word's extent is
    /// fixed and the greedy repetition's backtracking only chooses how many words: the most, of up to four,
    /// that " news agency" follows.
    private static func agencyNameEnd(in s: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
        var wordEnds: [Int] = []
        var index = start
        while wordEnds.count < 4, let end = capitalisedWordEnd(in: s, from: index) {
            wordEnds.append(end)
            guard end < s.endIndex, s[end] == " " else { break }
            index = end + 1
        }
        for end in wordEnds.reversed() where matches(newsAgency, in: s, at: end) {
            if isBoundary(s, at: end + newsAgency.count) { return end }
        }
        return nil
    }

    /// The end of `[A-Z][A-Za-z-]+` at `start`, or nil.
    private static func capitalisedWordEnd(in s: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
        guard start < s.endIndex, s[start].value >= 0x41, s[start].value <= 0x5A else { return nil }
        var end = start + 1
        while end < s.endIndex, isLatinLetterOrHyphen(s[end]) { end += 1 }
        return end > start + 1 ? end : nil
    }

    private static func isLatinLetterOrHyphen(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x2D || (v < 0x80 && (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
    }

    private static func matches(_ literal: [Unicode.Scalar], in s: ArraySlice<Unicode.Scalar>, at start: Int) -> Bool {
        guard start + literal.count <= s.endIndex else { return false }
        for offset in literal.indices where s[start + offset] != literal[offset] { return false }
        return true
    }

    /// ICU's `\b` (without `UREGEX_UWORD`): never before a grapheme extender or a format character; otherwise
    /// where the character at `index` (none at the end) and the one before it, skipping extenders and format
    /// characters back to the slice's start, differ in being word characters.
    static func isBoundary(_ s: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        var currentIsWord = false
        if index < s.endIndex {
            if isTransparent(s[index]) { return false }
            currentIsWord = isWord(s[index])
        }
        var previousIsWord = false
        var before = index
        while before > s.startIndex {
            before -= 1
            if !isTransparent(s[before]) {
                previousIsWord = isWord(s[before])
                break
            }
        }
        return currentIsWord != previousIsWord
    }

    /// ICU's `\w`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x5F }
        if v == 0x200C || v == 0x200D { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Grapheme extenders and format characters, which ICU's `\b` looks through.
    static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
    }
}
