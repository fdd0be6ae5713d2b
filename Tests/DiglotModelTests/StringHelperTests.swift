import Foundation
import Testing
@testable import DiglotModel
import DiglotTestSupport

/// The fast string helpers importers use in place of `lowercased()` and Foundation's trimming: each must return
/// exactly what it replaces, for every scalar and for mixed text.
@Suite struct StringHelperTests {
    /// Every Unicode scalar alone, and between Cyrillic and Latin neighbours, lowercases as `lowercased()` does.
    @Test func quickLowercasingEqualsTheStandardLibraryForEveryScalar() {
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ї\(scalar)Z"
            if text.quickLowercased() != text.lowercased() { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "differs for U+\(differing.prefix(10).joined(separator: ", U+"))")
        for text in ["ЗАГАЛЬНІ бойові Втрати з 24.02 по 05.03", "ҐАНОК Ёлка İstanbul ΣΟΦΊΑ", "", "ASCII ONLY",
                     "e\u{0301}ЁЩЄ ß ǅ"] {
            #expect(text.quickLowercased() == text.lowercased(), "\(text)")
            #expect(text.dropFirst().quickLowercased() == text.dropFirst().lowercased(), "a substring of \(text)")
        }
    }

    /// Every scalar's `quickLowercase`, where it gives one, is its whole lowercase mapping: every caller (the
    /// detector's words, boilerplate folding, `quickLowercased()`) takes it in place of the mapping.
    @Test func quickLowercaseIsTheLowercaseMappingWhereItAnswers() {
        var differing: [String] = [], answered = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let lower = scalar.quickLowercase else { continue }
            answered += 1
            if String(lower) != scalar.properties.lowercaseMapping { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "differs for U+\(differing.prefix(10).joined(separator: ", U+"))")
        #expect(answered > 2_000, "\(answered) scalars answered")
    }

    /// Mixed texts lowercase as `lowercased()` does whichever way they take (byte for byte for ASCII and basic
    /// Cyrillic, scalar by scalar otherwise), as strings, as substrings cut anywhere, and as bridged `NSString`s
    /// (whose UTF-8 is not contiguous).
    @Test func quickLoweringOfMixedTextsStringsSubstringsAndBridgedStrings() {
        let pieces = ["ABC", "xyz", "ЗАГАЛЬНІ", "бойові", "ЀЁЂЏ", "Ѡѡ", "ҐЇЄІ", "İ", "ΣΟΦΊΑ", "ẞ", "K", "e\u{0301}",
                      "😀", " ", "\r\n", "1 020", "—", "ǅ", "\u{0000}", "’", "«»", "\u{A0}", "…", "\u{0301}", "€"]
        var generator = SeededGenerator(seed: 64)
        var byteForByte = 0
        for _ in 0..<5_000 {
            let text = (0..<generator.below(10)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            #expect(text.quickLowercased() == text.lowercased(), "\(text.debugDescription)")
            let scalars = text.unicodeScalars
            let from = scalars.index(scalars.startIndex, offsetBy: generator.below(scalars.count + 1))
            let slice = Substring(scalars[from...])
            #expect(slice.quickLowercased() == slice.lowercased(), "\(slice.debugDescription)")
            let bridged = NSString(string: text) as String
            #expect(bridged.quickLowercased() == text.lowercased(), "bridged \(text.debugDescription)")
            if text.unicodeScalars.allSatisfy({ $0.quickLowercase != nil }) { byteForByte += 1 }
        }
        #expect(byteForByte > 500, "\(byteForByte) texts lowercased byte for byte")
    }

    /// Every scalar at either end is trimmed, or kept, as Foundation's `whitespacesAndNewlines` decides.
    @Test func trimmingEqualsFoundationsWhitespaceAndNewlinesForEveryScalar() {
        Self.expectTrimmingAsFoundation(.whitespacesAndNewlines, { $0.trimmingWhitespace() }, { $0.trimmingWhitespace() })
    }

    /// Every scalar at either end is trimmed, or kept, as Foundation's `whitespaces` decides.
    @Test func spaceTrimmingEqualsFoundationsWhitespacesForEveryScalar() {
        Self.expectTrimmingAsFoundation(.whitespaces, { $0.trimmingSpaces() }, { $0.trimmingSpaces() })
    }

    /// `trim` (and `trimSubstring`) against Foundation's trimming with `set`: every Unicode scalar at both ends of
    /// a short text, then texts of mixed spaces, line breaks and combining marks, as strings and substrings.
    static func expectTrimmingAsFoundation(_ set: CharacterSet, _ trim: (String) -> String,
                                           _ trimSubstring: (Substring) -> String) {
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)а b\(scalar)"
            if trim(text) != text.trimmingCharacters(in: set) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "differs for U+\(differing.prefix(10).joined(separator: ", U+"))")
        for text in ["", " ", "\u{00A0}\u{2009}Київ\r\n", "\t\u{3000}a  b\u{2028}", "\u{0301} e\u{0301} ", "x", "\n x \n"] {
            #expect(trim(text) == text.trimmingCharacters(in: set), "\(text.debugDescription)")
            let sub = text.dropLast(0)
            #expect(trimSubstring(sub) == sub.trimmingCharacters(in: set))
        }
    }

    /// The scalars decoded from the UTF-8 are the view's: every scalar alone and beside others of every width,
    /// a bridged `NSString`, a substring's base, and seeded texts of mixed widths.
    @Test func scalarArrayIsTheViewsScalars() {
        var all = ""
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(scalar)Ї\(scalar)"
            if text.unicodeScalarArray != Array(text.unicodeScalars) { Issue.record("U+\(String(value, radix: 16))"); break }
            if value % 31 == 0 { all.unicodeScalars.append(scalar) }
        }
        #expect(all.unicodeScalarArray == Array(all.unicodeScalars))
        #expect("".unicodeScalarArray.isEmpty)
        let bridged = NSString(string: "Київ — 24 лютого 🇺🇦 e\u{301}") as String
        #expect(bridged.unicodeScalarArray == Array(bridged.unicodeScalars))
        let pieces = ["a", "Ї", "€", "🇺🇦", "\u{301}", " ", "\r\n", "ß", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}",
                      "\u{FFFF}", "\u{10000}"]
        var generator = SeededGenerator(seed: 97)
        for _ in 0..<2_000 {
            let text = (0..<generator.below(40)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            #expect(text.unicodeScalarArray == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }

    /// Counting scalars by their leading bytes gives the view's count for scalars of every width.
    @Test func scalarCountEqualsTheViewsCount() {
        var text = ""
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 97) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.unicodeScalars.append(scalar)
            if value % 9_991 == 0 { #expect(text.unicodeScalarCount == text.unicodeScalars.count) }
        }
        #expect(text.unicodeScalarCount == text.unicodeScalars.count)
        for sample in ["", "a", "Київ", "e\u{301}", "👍🏽", "\r\n", "ﬁ"] {
            #expect(sample.unicodeScalarCount == sample.unicodeScalars.count, "\(sample.debugDescription)")
        }
    }

    /// The classes walked by scalar are those of the characters: for every scalar alone (each standalone one by
    /// its value, the others through the character walk), and for 5,000 seeded texts mixing ASCII, Cyrillic,
    /// quotes, spaces of every kind, digits of other scripts, combining marks, CR LF and emoji.
    @Test func characterClassesAreTheCharactersOwn() {
        func expected(_ text: String) -> [CharacterClass] { text.map { CharacterClass(of: $0) } }
        func walked(_ text: String) -> [CharacterClass] {
            var classes: [CharacterClass] = []
            text.forEachCharacterClass { classes.append($0); return true }
            return classes
        }
        var differing: [String] = []
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if walked(String(scalar)) != expected(String(scalar)) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "differ for U+\(differing.prefix(10).joined(separator: ", U+"))")
        let pieces = ["a", "Z", "7", " ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{2009}", "\u{2028}", "Київ", "ʼ", "’", "“",
                      "—", "e\u{301}", "\u{0663}", "Ⅻ", "👍🏽", "\u{200D}", "№", "_", "."]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<5_000 {
            let text = (0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            #expect(walked(text) == expected(text), "\(text.debugDescription)")
        }
        // Stopping early stops the walk.
        var seen = 0
        "abc def".forEachCharacterClass { _ in seen += 1; return seen < 2 }
        #expect(seen == 2)
    }

    /// A scalar called standalone forms no grapheme with a neighbour on either side: beside brackets, letters,
    /// a line feed or another standalone scalar, every one of them is a character of its own.
    @Test func standaloneScalarsJoinNoNeighbour() {
        var joining: [String] = []
        var standalone = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.isStandaloneInGraphemes else { continue }
            standalone += 1
            for (before, after) in [("<", ">"), ("a", "Ї"), ("\n", "x"), ("—", "\u{00E9}")] {
                if "\(before)\(scalar)\(after)".count != 3 { joining.append(String(value, radix: 16)) }
            }
        }
        #expect(joining.isEmpty, "joins for U+\(joining.prefix(10).joined(separator: ", U+"))")
        #expect(standalone > 1_000)
        for mark in ["\u{0301}", "\u{0483}", "\u{200D}", "\u{FE0F}", "\u{0600}", "\r"] {
            #expect(!Unicode.Scalar(mark)!.isStandaloneInGraphemes, "\(mark.debugDescription)")
        }
    }
}

/// Ids made by hashing their parts in place are the ids the joined-bytes formula made (stored archives and
/// golden files hold them).
@Suite struct StableIDTests {
    @Test func idsEqualTheFirstSixteenDigitsOfTheJoinedPartsHash() {
        let samples: [[String]] = [
            [], [""], ["tweet:1497"], ["d0123456789abcdef", "0"], ["a", "b", "c"], ["Київ", "\u{1F}", ""],
            [String(repeating: "x", count: 55)], [String(repeating: "я", count: 60), "12"],
            [String(repeating: "y", count: 64), String(repeating: "z", count: 70)],
        ]
        for parts in samples {
            let expected = "p" + String(SHA256.hex(of: Data(parts.joined(separator: "\u{1F}").utf8)).prefix(16))
            #expect(StableID.make("p", parts) == expected, "\(parts)")
        }
        #expect(StableID.make("d", ["abc"]) == "dba7816bf8f01cfea")
    }
}
