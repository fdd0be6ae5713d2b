import Testing
import DiglotPairing
@testable import DiglotKit

/// Stored signatures are read by bytes; they must read back what was written, and any other text as the
/// split by `Character` read it.
@Suite struct SignatureCodecTests {
    /// The reading as it was: split by `Character`, every part re-sorted by the sorting initialiser.
    static func decodedByCharacters(_ text: String) -> CandidateSignature? {
        let parts = text.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        guard parts.count == 4, let length = Int(parts[3]) else { return nil }
        var numbers: [Int] = [], glossary: [Int] = []
        for n in parts[0].split(separator: ",") {
            guard let value = Int(n) else { return nil }
            numbers.append(value)
        }
        for g in parts[2].split(separator: ",") {
            guard let value = Int(g) else { return nil }
            glossary.append(value)
        }
        let names = parts[1].split(separator: "\u{1F}").map { String($0) }
        return CandidateSignature(numbers: numbers, names: names, glossary: glossary, length: length)
    }

    /// Seeded signatures (repeated numbers, negative ones, names in Latin and Cyrillic, none at all) read back
    /// as written.
    @Test func signaturesReadBackAsWritten() {
        var generator = SplitMix64(seed: 2627)
        let names = ["xrkv", "kiv", "zalansk", "bakmat", "Київ", "a b", "Ta", "ä"]
        for _ in 0..<3_000 {
            let signature = CandidateSignature(
                numbers: (0..<Int.random(in: 0..<8, using: &generator)).map { _ in Int.random(in: -20...2_000_000, using: &generator) },
                names: (0..<Int.random(in: 0..<6, using: &generator)).map { _ in names.randomElement(using: &generator)! },
                glossary: (0..<Int.random(in: 0..<6, using: &generator)).map { _ in Int.random(in: 0..<400, using: &generator) },
                length: Int.random(in: 0..<100_000, using: &generator))
            #expect(SignatureCodec.decode(SignatureCodec.encode(signature)) == signature)
        }
    }

    /// Texts cut and spliced from signatures, with parts out of order, empty items, signs, spaces, letters
    /// where numbers belong and separators missing or doubled: each reads as the split by `Character` read it
    /// (the same signature, or nil for both).
    @Test func anyTextReadsAsTheSplitByCharactersReadIt() {
        var generator = SplitMix64(seed: 2628)
        let pieces = ["16370", ",", "2000", "-5", "+7", "\u{1E}", "\u{1F}", "kiv", "xrkv", "abat", "12", "40", "812", "",
                      " ", "x", "Київ", ",,", "99999999999999999999", "\u{301}", "\r\n"]
        let numberPieces = ["16370", ",", "2000", "-5", "+7", "", ",,", "12", "x", "99999999999999999999", " "]
        let namePieces = ["kiv", "xrkv", "abat", "\u{1F}", "\u{1F}", "Київ", "", "\u{301}", "\r\n", "aa"]
        func field(_ from: [String]) -> String {
            (0..<Int.random(in: 0..<6, using: &generator)).map { _ in from.randomElement(using: &generator)! }.joined()
        }
        var read = 0
        for _ in 0..<5_000 {
            var text: String
            if Int.random(in: 0..<3, using: &generator) == 0 {
                text = (0..<Int.random(in: 0..<14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            } else {
                text = [field(numberPieces), field(namePieces), field(numberPieces),
                        ["7", "0", "-1", "x", "", "12"].randomElement(using: &generator)!].joined(separator: "\u{1E}")
            }
            if Int.random(in: 0..<10, using: &generator) == 0 { text = "3,1,2\u{1E}zz\u{1F}aa\u{1F}aa\u{1E}5,5,1\u{1E}" + text }
            let expected = Self.decodedByCharacters(text)
            #expect(SignatureCodec.decode(text) == expected, "\(text.debugDescription)")
            if expected != nil { read += 1 }
        }
        #expect(read > 300, "enough texts are signatures")
        #expect(SignatureCodec.decode("3,1,2\u{1E}zz\u{1F}aa\u{1F}aa\u{1E}5,5,1\u{1E}7")
                == CandidateSignature(numbers: [1, 2, 3], names: ["aa", "zz"], glossary: [1, 5], length: 7))
        #expect(SignatureCodec.decode("1\u{1E}\u{1E}\u{1E}") == nil)
    }
}
