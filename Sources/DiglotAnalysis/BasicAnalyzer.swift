import Foundation

/// Language-independent normalisation: NFC, case folding, the Ukrainian apostrophe's variants unified,
/// dash variants treated as separators, stress marks and soft hyphens removed, and numbers written with
/// thousands separators ("1 020 010", "1,020,010", with space, no-break space or thin space) kept as one token.
///
/// It is the analysis every index gets; morphology and names across scripts build on top of it.
/// It reads UTF-8 directly and folds ASCII and Cyrillic letters itself (already NFC, case by table),
/// leaving Foundation's NFC and Unicode case mapping to the rare words with other letters: the index
/// must be built at a speed comparable to SQLite's own tokenizer.
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
        var text = text
        return text.withUTF8 { Tokenizer(bytes: $0).tokens() }
    }

    /// `tokenize`'s tokens without their `String`s: each term's UTF-8 bytes (lent for the call only) and byte
    /// range, in order. For callers that look terms up by bytes (the morphological analyzer's word cache).
    public static func forEachTerm(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        Tokenizer(bytes: text).terms(body)
    }

    /// The UTF-8 byte ranges of `tokenize`'s tokens, in order, until `body` returns false, without making
    /// their terms: what FTS5's `snippet()` needs to place a returned row's matches.
    public static func forEachTokenRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        Tokenizer(bytes: text).ranges(body)
    }

    public func forEachPositionRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        Self.forEachTokenRange(in: text, body)
    }

    /// NFC then case folding; ё stays ё (Russian readers write е for it, which morphology handles).
    public static func fold(_ word: String) -> String {
        word.precomposedStringWithCanonicalMapping.lowercased()
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if SimpleLetter.lowercase(s) != nil { return true }
        if s.value < 0x80 { return false }  // ASCII letters are simple; the rest of ASCII is not a letter
        return !isApostrophe(s) && s != "\u{0301}"
            && (s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark)
    }

    /// Membership in `groupSeparators`, without hashing.
    @inline(__always) static func isGroupSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0xA0, 0x2009, 0x202F, 0x2C: return true
        default: return false
        }
    }

    /// Membership in `apostrophes`, without hashing.
    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2019, 0x02BC, 0x60, 0xB4, 0x2018: return true
        default: return false
        }
    }

    /// ASCII and modern Cyrillic letters: already NFC, lowercased by table.
    enum SimpleLetter {
        /// The lowercase scalar value of a simple letter; nil for any other scalar.
        @inline(__always) static func lowercase(_ s: Unicode.Scalar) -> UInt32? {
            let v = s.value
            switch v {
            case 0x61...0x7A, 0x430...0x45F, 0x491: return v
            case 0x41...0x5A: return v + 0x20
            case 0x410...0x42F: return v + 0x20
            case 0x400...0x40F: return v + 0x50
            case 0x490: return 0x491
            default: return nil
            }
        }
    }

    /// One pass over UTF-8 bytes.
    struct Tokenizer {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The scalar starting at `index` and its width in bytes (the buffer is valid UTF-8).
        @inline(__always) func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[index]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            if lead < 0xE0 {
                return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))!, 2)
            }
            if lead < 0xF0 {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
            }
            let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
        }

        @inline(__always) func isDigit(at index: Int) -> Bool {
            index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39
        }

        func tokens() -> [AnalyzedToken] {
            var tokens: [AnalyzedToken] = []
            tokens.reserveCapacity(bytes.count / 6)
            scan(makingTerms: true) { term, range in
                tokens.append(AnalyzedToken(term: String(decoding: term, as: UTF8.self), byteRange: range))
                return true
            }
            return tokens
        }

        /// Each token's term, as UTF-8 bytes lent for the call only, and byte range, in order.
        func terms(_ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
            scan(makingTerms: true) { term, range in
                body(term, range)
                return true
            }
        }

        /// The byte ranges `tokens()` gives, in order, until `body` returns false, without making the terms.
        func ranges(_ body: (Range<Int>) -> Bool) {
            scan(makingTerms: false) { _, range in body(range) }
        }

        /// The one pass `tokens()`, `terms(_:)` and `ranges(_:)` make, so their positions cannot differ: each
        /// token's term as UTF-8 (empty unless `makingTerms`; lent for the call only) and byte range, until
        /// `emit` returns false.
        @inline(__always)
        private func scan(makingTerms: Bool, _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) {
            var folded = TermBytes()
            defer { folded.deallocate() }
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var index = 0
            while index < bytes.count {
                let (s, width) = scalar(at: index)
                if BasicAnalyzer.isDigit(s) {
                    let end = numberEnd(from: index)
                    if makingTerms {
                        folded.removeAll()
                        for digit in index..<end where isDigit(at: digit) { folded.append(bytes[digit]) }
                        guard emit(folded.bytes, index..<end) else { return }
                    } else {
                        guard emit(none, index..<end) else { return }
                    }
                    index = end
                } else if BasicAnalyzer.isWordScalar(s) {
                    let start = index
                    folded.removeAll()
                    var simple = true
                    var simpleBytes = 0
                    while index < bytes.count {
                        let (c, w) = scalar(at: index)
                        if let lower = SimpleLetter.lowercase(c) {
                            if makingTerms { folded.appendUTF8(lower) }
                            simpleBytes += 1
                            index += w
                        } else if c == "\u{0301}" || c == "\u{00AD}" {
                            index += w  // stress mark, soft hyphen: invisible in the word
                        } else if BasicAnalyzer.isApostrophe(c) {
                            guard index > start, index + w < bytes.count,
                                  BasicAnalyzer.isWordScalar(scalar(at: index + w).0) else { break }
                            if makingTerms { folded.append(0x27) }
                            simpleBytes += 1
                            index += w
                        } else if BasicAnalyzer.isDigit(c) || BasicAnalyzer.isWordScalar(c) {
                            if BasicAnalyzer.isDigit(c) {
                                if makingTerms { folded.append(UInt8(c.value)) }
                                simpleBytes += 1
                            } else {
                                simple = false
                            }
                            index += w
                        } else { break }
                    }
                    if simple {
                        guard simpleBytes > 0 else { continue }
                        guard emit(makingTerms ? folded.bytes : none, start..<index) else { return }
                    } else {
                        var term = BasicAnalyzer.fold(unfoldedWord(start..<index))
                        guard !term.isEmpty else { continue }
                        guard makingTerms ? term.withUTF8({ emit($0, start..<index) }) : emit(none, start..<index)
                        else { return }
                    }
                } else {
                    index += width
                }
            }
        }

        /// The word in `range` as written, less stress marks and soft hyphens, apostrophes as U+0027:
        /// what Foundation folds when the word has letters the tables do not cover.
        func unfoldedWord(_ range: Range<Int>) -> String {
            var word: [UInt8] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let (c, w) = scalar(at: index)
                if BasicAnalyzer.isApostrophe(c) {
                    word.append(0x27)
                } else if c != "\u{0301}" && c != "\u{00AD}" {
                    word.append(contentsOf: bytes[index..<(index + w)])
                }
                index += w
            }
            return String(decoding: word, as: UTF8.self)
        }

        /// Where the number starting at `start` ends: digits, across single group separators followed by
        /// exactly three digits.
        func numberEnd(from start: Int) -> Int {
            var groupLength = 0
            var index = start
            var end = start
            while index < bytes.count {
                if isDigit(at: index) {
                    groupLength += 1; index += 1; end = index
                    continue
                }
                let (s, w) = scalar(at: index)
                let next = index + w
                guard BasicAnalyzer.isGroupSeparator(s), (1...3).contains(groupLength),
                      isDigit(at: next), isDigit(at: next + 1), isDigit(at: next + 2),
                      !isDigit(at: next + 3) else { break }
                groupLength = 0; index = next
            }
            return end
        }
    }
}
