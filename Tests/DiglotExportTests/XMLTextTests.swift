import Testing
@testable import DiglotExport
import DiglotTestSupport

/// `XMLText`, which escapes UTF-8 bytes, must escape exactly as the rules say scalar by scalar (`reference`,
/// the form it had before it worked on bytes, which the TMX tests validated against the DTD).
@Suite struct XMLTextTests {
    /// Scalars the escaping treats specially, the boundaries around them, and ordinary text in three scripts.
    static let alphabet: [Unicode.Scalar] = [
        "&", "<", ">", "\"", "'", "\r", "\t", "\n", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{E}", "\u{1F}",
        " ", "a", "Z", "9", "-", "]", "ї", "ґ", "ʼ", "’", "\u{301}", "\u{AD}", "\u{D7FF}", "\u{E000}", "\u{FFFD}",
        "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "\u{FEFF}", "\u{10000}", "\u{1F1FA}", "\u{10FFFF}", "\u{7F}", "\u{80}",
    ]

    @Test func byteEscapingMatchesScalarEscapingOnSeededStrings() {
        var generator = SeededGenerator(seed: 20261122)
        for _ in 0..<5_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.below(40) { scalars.append(Self.alphabet[generator.below(Self.alphabet.count)]) }
            let text = String(scalars)
            for inAttribute in [false, true] {
                var bytes: [UInt8] = [0x2A]
                XMLText.appendEscaped(text, inAttribute: inAttribute, to: &bytes)
                let expected = "*" + Self.reference(text, inAttribute: inAttribute) { _ in "" }
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(Array(text.unicodeScalars))")
            }
            #expect(XMLText.attribute(text) == Self.reference(text, inAttribute: true) { _ in "" })
            #expect(XMLText.content(text, replacement: Self.codePoint) == Self.reference(text, inAttribute: false, Self.codePoint))
        }
    }

    /// XLIFF's replacement for a character XML cannot carry.
    static func codePoint(_ scalar: Unicode.Scalar) -> String { "<cp hex=\"\(String(scalar.value, radix: 16, uppercase: true))\"/>" }

    /// The escaping rules of `XMLText`, applied one scalar at a time.
    static func reference(_ text: String, inAttribute: Bool, _ replacement: (Unicode.Scalar) -> String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            default:
                switch scalar.value {
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: out.unicodeScalars.append(scalar)
                default: out += replacement(scalar)
                }
            }
        }
        return out
    }

    @Test func plainTextIsCopiedAndForbiddenCharactersDropped() {
        var bytes: [UInt8] = []
        XMLText.appendEscaped("Київ \u{FFFE}<b>\u{1}", inAttribute: false, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Київ &lt;b&gt;")
        bytes = []
        XMLText.appendEscaped("a\"b'\t\n\r", inAttribute: true, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "a&quot;b&apos;&#9;&#10;&#13;")
    }
}
