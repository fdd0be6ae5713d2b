import Testing
@testable import DiglotLexicon
import DiglotModel

/// The walks that read scalars from UTF-8 bytes (`UTF8Decoding`) give what the scalar view gives.
@Suite struct UTF8WalkTests {
    /// Every scalar there is comes back from its bytes, after a one-, a two- and a three-byte scalar.
    @Test func everyScalarIsDecodedFromItsBytes() {
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for prefix in ["K", "Ж", "€"] {
                let bytes = Array((prefix + String(scalar) + "z").utf8)
                let decoded = bytes.withUnsafeBufferPointer { UTF8Decoding.scalar(in: $0, at: prefix.utf8.count) }
                if decoded.scalar != scalar || decoded.width != String(scalar).utf8.count {
                    wrong.append("U+\(String(value, radix: 16))")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    static func described(_ words: [Substring], in text: String) -> [String] {
        words.map { "\($0)@\(text.utf8.distance(from: text.startIndex, to: $0.startIndex))-\(text.utf8.distance(from: text.startIndex, to: $0.endIndex))" }
    }

    /// `TextFolding.words` over bytes cuts the words the scalar view's walk cuts, at the same places: every scalar
    /// below U+3000 and some beyond, alone, inside a word, after an apostrophe and at a word's start.
    @Test func wordsFromBytesAreTheViewsWords() {
        var compared = 0
        let beyond: [UInt32] = [0x1F1FA, 0x1F44D, 0x1F3FD, 0xFE0F, 0x200D, 0x20E3, 0x1D538, 0x10400, 0xFF21, 0x3042]
        for value in Array(UInt32(0)..<0x3000) + beyond {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            for text in [s, "ab" + s + "cd", "п'" + s + "ять", s + "'ж", "Zelensky" + s + "s", " " + s + "Київ 12", s + s] {
                let fromBytes = Self.described(TextFolding.words(text), in: text)
                let fromView = Self.described(TextFolding.wordsByView(text), in: text)
                #expect(fromBytes == fromView, "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 80_000)
        #expect(TextFolding.words("п'ять танків, Zelensky's ЗСУ е\u{301}кран").map(String.init)
                == ["п'ять", "танків", "Zelensky's", "ЗСУ", "е\u{301}кран"])
    }
}
