import Foundation
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

/// The speaker search's string helpers against the Foundation and whole-prefix forms they replace.
@Suite struct SpeakerHelperTests {
    static let pieces = ["Mr", ".", " ", "  ", "said", "Said,", ":", ",", "U.S", "!", "?", "\n", "Kyiv", "Київ", "e\u{301}",
                         " \u{301}", "No", "tweeted:", "\r\n", "the ministry"]

    /// The last word before a position, found by walking back, is the split's last word: every position of
    /// 3,000 seeded texts, and `lastSentence` as a whole against the quadratic walk it replaces.
    @Test func lastWordsAndSentencesAsBefore() {
        var generator = SeededGenerator(seed: 67)
        for _ in 0..<3_000 {
            let text = (0..<generator.below(14)).map { _ in Self.pieces[generator.below(Self.pieces.count)] }.joined()
            var index = text.startIndex
            while true {
                let expected = text[text.startIndex..<index].split(separator: " ").last.map(String.init) ?? ""
                #expect(QuotationFinder.wordEnding(at: index, in: text) == expected, "\(text.debugDescription)")
                guard index < text.endIndex else { break }
                index = text.index(after: index)
            }
            #expect(QuotationFinder.lastSentence(of: text) == Self.quadraticLastSentence(text), "\(text.debugDescription)")
        }
    }

    /// Commas and colons trimmed as Foundation trims that set, a combining mark after them included.
    @Test func commasAndColonsTrimmedAsFoundationTrimsThem() {
        var generator = SeededGenerator(seed: 68)
        for _ in 0..<3_000 {
            let word = (0..<generator.below(8)).map { _ in Self.pieces[generator.below(Self.pieces.count)] }.joined()
            #expect(QuotationFinder.withoutCommaOrColon(word) == word.trimmingCharacters(in: CharacterSet(charactersIn: ",:")),
                    "\(word.debugDescription)")
        }
    }

    /// The definition the walk implements, stated as a filter: the text after the last sentence end (".", "!",
    /// "?" or a line break, then a space or a line break) whose word before it, every word before it split out
    /// anew, is not an abbreviation.
    static func quadraticLastSentence(_ text: String) -> String {
        let ends = text.indices.filter { index in
            let next = text.index(after: index)
            guard ".!?\n".contains(text[index]), next < text.endIndex, " \n".contains(text[next]) else { return false }
            let word = text[..<index].split(separator: " ").last.map(String.init) ?? ""
            return !QuotationFinder.abbreviations.contains(word)
        }
        return text[(ends.last.map { text.index(after: $0) } ?? text.startIndex)...].trimmingSpaces()
    }
}
