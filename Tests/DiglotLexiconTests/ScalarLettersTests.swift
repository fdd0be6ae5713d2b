import Testing
@testable import DiglotLexicon

@Suite struct ScalarLettersTests {
    /// The ranges answer as the property does, for every scalar there is.
    @Test func everyScalarIsJudgedAsTheUnicodePropertyJudgesIt() {
        var mismatches: [String] = []
        var letters = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isAlphabetic
            if ScalarLetters.isAlphabetic(scalar) != expected { mismatches.append("U+\(String(value, radix: 16))") }
            if expected { letters += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(letters > 100_000)
        #expect(ScalarLetters.isAlphabetic("ї") && ScalarLetters.isAlphabetic("Ґ") && !ScalarLetters.isAlphabetic("7"))
    }

    /// The word scalars of `TextFolding.words`, answered through `ScalarLetters`, are still letters, combining
    /// marks and numerals by the Unicode properties, for every scalar there is.
    @Test func wordScalarsAreLettersMarksAndNumerals() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            let expected = p.isAlphabetic || p.generalCategory == .nonspacingMark || p.numericType != nil
            if TextFolding.isWordScalar(scalar) != expected { mismatches.append("U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// The fast answer to "is this a combining mark?" that `TextFolding.words` asks at each word's start is the
    /// Unicode property's, for every scalar there is.
    @Test func nonspacingMarksAreThePropertys() {
        var mismatches: [String] = []
        var marks = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.generalCategory == .nonspacingMark
            if expected { marks += 1 }
            if TextFolding.isNonspacingMark(scalar) != expected { mismatches.append("U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(marks > 1_000 && TextFolding.isNonspacingMark("\u{301}") && TextFolding.isNonspacingMark("\u{483}"))
    }
}
