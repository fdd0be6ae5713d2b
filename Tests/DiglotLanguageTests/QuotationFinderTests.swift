import Testing
@testable import DiglotLanguage
import DiglotTestSupport

/// Quotations and their speakers in English reporting, and the shortcuts the finder takes on the way.
@Suite struct QuotationFinderTests {
    @Test func quoteAfterItsAttributionNamesTheSpeaker() throws {
        let quotes = QuotationFinder.quotations(in: "The ministry said: “We hold the line in Kharkiv today.”")
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.text == "We hold the line in Kharkiv today.")
        #expect(quote.speaker == "The ministry")
        #expect(!quote.isOpen)
    }

    @Test func attributionAfterTheQuoteAndPronounsResolve() throws {
        let after = QuotationFinder.quotations(in: "“We will restore every town we lose,” Volodymyr Zelensky told reporters.")
        #expect(after.first?.speaker == "Volodymyr Zelensky")
        #expect(after.first?.verb == "told")
        let pronoun = QuotationFinder.quotations(in: "\"Our air defence shot down nine drones overnight,\" he said.",
                                                 previousSpeaker: "Yurii Ihnat")
        #expect(pronoun.first?.speaker == "Yurii Ihnat")
    }

    @Test func scareQuotesAreLeftOutAndUnclosedQuotesAreOpen() {
        #expect(QuotationFinder.quotations(in: "Moscow calls it a \"special operation\" and nothing more.").isEmpty)
        let open = QuotationFinder.quotations(in: "The governor wrote: « Evacuation trains leave Kramatorsk every morning at")
        #expect(open.count == 1)
        #expect(open.first?.isOpen == true)
        #expect(QuotationFinder.quotations(in: "No quotation marks here, only a report of shelling.").isEmpty)
    }

    /// `hasWords` against counting every word as the finder did (split at whitespace, keep words with a letter
    /// or a digit), on seeded mixes of spaces of every kind, CR LF, punctuation, digits and combining marks.
    @Test func wordCountingStopsEarlyWithTheSameAnswer() {
        let pieces = [" ", "  ", "\t", "\r\n", "\u{A0}", "\u{2009}", "word", "слово", "5", "—", "!", "…", "e\u{301}",
                      "\u{301}", "🔥", "'", "x", "\n"]
        var generator = SeededGenerator(seed: 55)
        for _ in 0..<10_000 {
            let text = (0..<generator.below(16)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let words = text.split(whereSeparator: { $0.isWhitespace })
                .filter { $0.contains(where: \.isLetter) || $0.contains(where: \.isNumber) }.count
            for count in [1, 3, 5] {
                #expect(QuotationFinder.hasWords(text, atLeast: count) == (words >= count), "\(text.debugDescription)")
            }
        }
    }

    /// The byte test for an opening mark against the scalar test `quotations` applies, on seeded mixes of
    /// every quotation mark (openers and closers), their neighbours in UTF-8 and Cyrillic.
    @Test func openerByteTestMatchesTheScalars() {
        let pieces = ["\"", "“", "”", "„", "«", "»", "‘", "’", "a", "К", "\u{2018}", "\u{201B}", "\u{201F}", "¬", "«»", " "]
        var generator = SeededGenerator(seed: 56)
        for _ in 0..<10_000 {
            let text = (0..<generator.below(8)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let expected = text.unicodeScalars.contains { ["\"", "\u{201C}", "\u{201E}", "\u{AB}"].contains($0) }
            #expect(QuotationFinder.mayHoldOpener(text) == expected, "\(text.debugDescription)")
        }
    }
}
