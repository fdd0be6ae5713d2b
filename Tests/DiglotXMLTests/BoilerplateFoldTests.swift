import Testing
@testable import DiglotXML

/// The scalar-by-scalar fold against the character-by-character one it shortcuts.
@Suite struct BoilerplateFoldTests {
    @Test func foldMatchesTheCharacterWalk() {
        let samples = [
            "Leave a Reply:", "  Most   read  ", "Коментарі — Comments", "ВТРАТИ 1 637 (+35)", "", "---", "e\u{301}t\u{301}e",
            "क, ा", "Ⓐrticles You May Like", "İstanbul", "Ελληνικά ͅ", "a\u{345}b", "don’t stop", "1,020 010",
        ]
        for sample in samples {
            let mapped = sample.lowercased().unicodeScalars.map {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " "
            }
            let expected = String(mapped).split(separator: " ").joined(separator: " ")
            #expect(Boilerplate.fold(sample) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func phrasesStillRecognised() {
        #expect(Boilerplate.endsArticle("Articles You May Like"))
        #expect(Boilerplate.endsArticle("Comments (12)"))
        #expect(Boilerplate.isBoilerplate(text: "We use cookies to improve your experience."))
        #expect(!Boilerplate.isBoilerplate(text: String(repeating: "We use cookies. ", count: 40)))
        #expect(!Boilerplate.isBoilerplate(text: "Russian forces shelled Kharkiv overnight."))
    }
}
