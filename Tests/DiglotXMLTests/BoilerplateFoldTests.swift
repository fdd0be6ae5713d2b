import Foundation
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
        // "İ" lowercases to "i" and a combining dot: a phrase ending in "i" is in the lowercased text.
        #expect(PhraseSearch(["sign hi"]).occurs(in: "SIGN H\u{130}X"))
        #expect(!PhraseSearch(["sign hix"]).occurs(in: "SIGN H\u{130}X"))
    }

    /// The skipping search finds every phrase wherever it stands: 400 seeded sets of ASCII phrases over a small
    /// alphabet (so that phrases overlap, share their pairs and repeat inside each other; 3 to 24 bytes) against
    /// 50 texts each of up to 300 pieces, in mixed case, with Cyrillic and accented letters among them, answered
    /// as the lowercased text answers.
    @Test func theSkippingSearchAnswersAsTheLowercasedTextForAnyPhraseSet() {
        var generator = SeededGenerator(seed: 62)
        let phraseLetters = ["a", "b", "c", "A", "B", " ", ":", "ab", "ba"]
        let letters = phraseLetters + ["ж", "Ж", "\u{0430}", "é"]
        func sample(_ count: Int, of letters: [String]) -> String {
            (0..<count).map { _ in letters[generator.below(letters.count)] }.joined()
        }
        var found = 0, missed = 0
        for _ in 0..<400 {
            let phrases = (0..<(1 + generator.below(5))).map { _ -> String in
                var phrase = sample(3 + generator.below(10), of: phraseLetters)
                while phrase.utf8.count < 3 { phrase += "a" }
                return phrase
            }
            let search = PhraseSearch(phrases)
            for _ in 0..<50 {
                let text = sample(generator.below(300), of: letters)
                let lowered = text.lowercased()
                let expected = phrases.contains { lowered.contains($0.lowercased()) }
                #expect(search.occurs(in: text) == expected, "\(phrases) in \(text.debugDescription)")
                if expected { found += 1 } else { missed += 1 }
            }
        }
        #expect(found > 2_000 && missed > 2_000, "\(found) found, \(missed) not")
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

    /// The first-letter shortcut never says no where folding would find an ending: random blocks built from
    /// endings, their pieces, other letters (Cyrillic, Greek, the two that lowercase into ASCII, marks that
    /// combine) and separators, checked against folding every one.
    @Test func theFirstLetterShortcutNeverHidesAnEnding() {
        var generator = SeededGenerator(seed: 62)
        let pieces = Boilerplate.sectionEndings + ["  ", "— ", "1 ", "(", "Коментарі", "Ё", "İ", "\u{212A}", "e\u{301}",
                                                   "\u{345}", "ΣΑ", "ǅ", "\u{A0}", "Most", " Read", "COMMENTS", "x", "\r\n", "🇺🇦"]
        var endings = 0
        for _ in 0..<5_000 {
            let sample = (0..<(1 + generator.below(4))).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let folded = Boilerplate.fold(sample, atMost: 60)
            let expected = folded.map { folded in
                Boilerplate.sectionEndings.map { Boilerplate.fold($0) }.contains { folded == $0 || folded.hasPrefix($0 + " ") }
            } ?? false
            #expect(Boilerplate.endsArticle(sample) == expected, "\(sample.debugDescription)")
            if expected { endings += 1; #expect(Boilerplate.mayBeginAnEnding(sample)) }
        }
        #expect(endings > 500, "the samples hold endings often enough to test both answers")
        #expect(!Boilerplate.mayBeginAnEnding("Російські війська"))
        #expect(!Boilerplate.mayBeginAnEnding("  Shelling near Kharkiv"))
        #expect(Boilerplate.mayBeginAnEnding("— Comments"))
        #expect(Boilerplate.mayBeginAnEnding("\u{212A}"))
    }

    /// Counting characters by scalar answers what counting grapheme clusters answers, including where scalars
    /// join (marks, CR LF, flags, joiners) and at the limit itself.
    @Test func charactersCountedByScalarWhereNoneJoin() {
        var generator = SeededGenerator(seed: 63)
        let pieces = ["a", "я", "Ї", "—", "…", " ", "\n", "\r\n", "e\u{301}", "\u{483}", "🇺🇦", "👍🏽", "क्ष", "ΣΑ", "’", "\u{200D}", "ß", "1"]
        for _ in 0..<3_000 {
            let count = generator.below(3) == 0 ? generator.below(12) : 380 + generator.below(40)
            let sample = (0..<count).map { _ in pieces[generator.below(generator.below(4) == 0 ? pieces.count : 6)] }.joined()
            #expect(TextLength.characterCount(of: sample) == sample.count, "\(sample.debugDescription)")
            let bridged = NSString(string: sample) as String
            #expect(TextLength.characterCount(of: bridged) == sample.count)
            for limit in [0, 5, 10, 400] {
                #expect(TextLength.hasAtMost(limit, charactersIn: sample) == (sample.count <= limit), "\(sample.debugDescription) \(limit)")
            }
        }
        #expect(TextLength.hasAtMost(400, charactersIn: String(repeating: "я", count: 400)))
        #expect(!TextLength.hasAtMost(400, charactersIn: String(repeating: "я", count: 401)))
        #expect(TextLength.hasAtMost(400, charactersIn: String(repeating: "e\u{301}", count: 400)))
    }
}

/// The structural furniture check, which searches an element's class and id attributes whole, against the way it
/// went before: split the classes into words, lowercase each, search each for every furniture word.
@Suite struct FurnitureAttributeTests {
    static func byWords(_ node: MarkupNode) -> Bool {
        let name = node.name.lowercased()
        if Boilerplate.furnitureElements.contains(name) { return true }
        if name == "header", !node.hasAncestor(named: ["article", "main"]) { return true }
        if let role = node.attribute("role")?.lowercased(), Boilerplate.furnitureRoles.contains(role) { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        let words = (node.classes + [node.attribute("id") ?? ""]).map { $0.lowercased() }
        return words.contains { word in Boilerplate.furnitureWords.contains { UTF8Search.contains(word, Array($0.utf8)) } }
    }

    /// 4,000 seeded elements whose class and id attributes mix furniture words, their pieces split by spaces,
    /// tabs and line breaks, capitals, the Kelvin sign and dotted İ (which lowercase into ASCII), entities and
    /// Cyrillic, under elements that are furniture by name or role or not.
    @Test func attributesSearchedWholeAnswerAsTheWordsDid() throws {
        var generator = SeededGenerator(seed: 65)
        let pieces = ["share", "SHARE", "Sha", "re", "menu", "me nu", "me\tnu", "me\nnu", "co", "okie", "COO\u{212A}IE",
                      "soc\u{130}al", "social", "you-may-like", "you-may", "-like", "site-nav", "article-body", "main",
                      "story", "кнопка", "&amp;", " ", "\t", "\r\n", "x", "_", "promo", "PROMO1", "sidebar", "side bar"]
        let names = ["div", "div", "section", "span", "header", "nav", "p"]
        let roles = ["", "", "", " role=\"navigation\"", " role=\"main\"", " aria-hidden=\"true\""]
        var furniture = 0, total = 0
        for _ in 0..<200 {
            var html = "<html><body><article>"
            for index in 0..<20 {
                let classes = (0..<generator.below(5)).map { _ in pieces[generator.below(pieces.count)] }.joined()
                let id = (0..<generator.below(3)).map { _ in pieces[generator.below(pieces.count)] }.joined()
                let name = names[generator.below(names.count)]
                html += "<\(name) class=\"\(classes)\" id=\"e\(index)\(id)\"\(roles[generator.below(roles.count)])>t</\(name)>"
            }
            html += "</article></body></html>"
            let root = try #require(try MarkupDocument.html(Data(html.utf8), fileName: "furniture.html").root)
            for node in root.descendants(where: { $0.attribute("id")?.hasPrefix("e") == true }) {
                let expected = Self.byWords(node)
                #expect(Boilerplate.isBoilerplate(element: node) == expected, "\(node.attribute("class") ?? "") / \(node.attribute("id") ?? "")")
                if expected { furniture += 1 }
                total += 1
            }
        }
        #expect(total == 4_000 && furniture > 1_000 && furniture < 3_500, "\(furniture) of \(total)")
    }
}
