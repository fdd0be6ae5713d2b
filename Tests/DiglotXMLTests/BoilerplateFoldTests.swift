import Testing
import DiglotTestSupport
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

    /// The one-pass phrase search answers what searching the lowercased text for each phrase answers, on
    /// random mixes of phrase pieces, case changes, Cyrillic, and the two letters that lowercase into ASCII.
    @Test func phraseSearchAnswersAsTheLowercasedText() {
        let search = PhraseSearch(Boilerplate.blockPhrases)
        var generator = SeededGenerator(seed: 61)
        let pieces = ["We use", " cookies", "WE USE COOKIES", "Read ", "more:", "READ MORE:", "Sign up ", "to our",
                      "Київ", "ЧИТАЙТЕ", "İ", "\u{212A}", "Clic", "k here to", "CLIC\u{212A} HERE TO", "  ", "e\u{301}",
                      "Post Comment", "post", " comment", "Ё", "ß"]
        var matched = 0
        for _ in 0..<5_000 {
            let sample = (0..<generator.below(8)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let lowered = sample.lowercased()
            let expected = Boilerplate.blockPhrases.contains { lowered.contains($0.lowercased()) }
            #expect(search.occurs(in: sample) == expected, "\(sample.debugDescription)")
            if expected { matched += 1 }
        }
        #expect(matched > 500, "the samples hold phrases often enough to test both answers")
        #expect(search.occurs(in: "CLIC\u{212A} HERE TO subscribe"))
    }

    /// Phrases of one byte pass the pair test wherever their byte is, the last byte of a text included.
    @Test func oneBytePhrasesAreFoundEverywhere() {
        let search = PhraseSearch(["q", "ab"])
        for (text, expected) in [("q", true), ("xq", true), ("Qx", true), ("xa", false), ("xab", true), ("aB", true),
                                 ("a", false), ("", false), ("ба", false)] {
            #expect(search.occurs(in: text) == expected, "\(text)")
        }
    }

    /// The bounded fold gives the whole fold when it is short enough and nil otherwise; folding lowercases scalar
    /// by scalar as `String.lowercased()` does.
    @Test func theBoundedFoldStopsOnlyPastItsLimit() {
        var samples = ["Comments", "COMMENTS (12)", "Most Read — Найпопулярніше", "ЁЖИК Ѐ", "ΟΔΟΣ", "İSTANBUL"]
        var generator = SeededGenerator(seed: 60)
        let pieces = ["Leave", " a ", "Reply", "КИЇВ", "ґ", "Ё", "e\u{301}", "ΣΑ", "İ", "ß", "1 020", "—", ":", "  ", "ǅ"]
        for _ in 0..<3_000 { samples.append((0..<generator.below(20)).map { _ in pieces[generator.below(pieces.count)] }.joined()) }
        for sample in samples {
            let lowered = sample.lowercased().unicodeScalars.map {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " "
            }
            let whole = String(lowered).split(separator: " ").joined(separator: " ")
            #expect(Boilerplate.fold(sample) == whole, "\(sample.debugDescription)")
            for limit in [0, 5, 20, 60] {
                #expect(Boilerplate.fold(sample, atMost: limit) == (whole.count <= limit ? whole : nil), "\(sample.debugDescription) \(limit)")
            }
        }
    }
}
