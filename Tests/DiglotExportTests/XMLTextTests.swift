import Testing
@testable import DiglotExport
import DiglotTestSupport

/// `XMLText.appendEscaped` (bytes, the TMX writer's path) must escape exactly as `content`/`attribute` do
/// (scalars, the reference the TMX tests validate against the DTD).
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
                let expected = "*" + (inAttribute ? XMLText.attribute(text) : XMLText.content(text))
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(Array(text.unicodeScalars))")
            }
        }
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
