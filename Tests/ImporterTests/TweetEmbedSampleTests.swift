import Foundation
import Testing
import DiglotImporting
import DiglotModel
import DiglotTestSupport
import DiglotXML
@testable import TweetEmbedImporter

/// The tweet-embed importer against the samples we wrote: golden output, the facts of every tweet, every
/// quoted rendering paired, no page furniture left, bad input refused with the expected sentence.
@Suite struct TweetEmbedSampleTests {
    static let samples = GoldenFile.samples(for: TweetEmbedImporter.identifier).filter { !$0.lastPathComponent.hasSuffix(".error.txt") }
    static let valid = samples.filter { !$0.lastPathComponent.contains("invalid") }
    static let invalid = samples.filter { $0.lastPathComponent.contains("invalid") }

    /// A tweet as the sample's author knows it to be.
    struct ExpectedTweet {
        var sample: String
        var statusID: String?
        var handle: String
        var date: String
        var language: LanguageTag
        var declared: LanguageTag?
    }

    static let expectedTweets: [ExpectedTweet] = [
        .init(sample: "api-v2.json", statusID: "1498589127813148677", handle: "GeneralStaffUA", date: "2022-03-01T07:02:14Z", language: .ukrainian, declared: .ukrainian),
        .init(sample: "api-v2.json", statusID: "1498612240457850882", handle: "DefenceU", date: "2022-03-01T08:34:05Z", language: .english, declared: .english),
        .init(sample: "article-defence-losses.html", statusID: "1497192811210629120", handle: "DefenceU", date: "2022-02-25", language: .ukrainian, declared: .ukrainian),
        .init(sample: "article-defence-losses.html", statusID: "1497227503473897473", handle: "DefenceU", date: "2022-02-25", language: .ukrainian, declared: .ukrainian),
        .init(sample: "bare-embed.html", statusID: "1497862349226078211", handle: "GeneralStaffUA", date: "2022-02-27", language: .ukrainian, declared: .ukrainian),
        .init(sample: "media-only-zxx.html", statusID: "1498001256382210049", handle: "GeneralStaffUA", date: "2022-02-27", language: .undetermined, declared: .undetermined),
        .init(sample: "pasted-article.txt", statusID: nil, handle: "DefenceU", date: "2022-02-25", language: .ukrainian, declared: nil),
        .init(sample: "pasted-article.txt", statusID: nil, handle: "DefenceU", date: "2022-02-25", language: .ukrainian, declared: nil),
        .init(sample: "second-article-same-status.html", statusID: "1497192811210629120", handle: "DefenceU", date: "2022-02-25", language: .ukrainian, declared: .ukrainian),
        .init(sample: "second-article-same-status.html", statusID: "1497201186513854465", handle: "zfront_reports", date: "2022-02-25", language: .russian, declared: .russian),
        .init(sample: "wrong-declared-language.html", statusID: "1497580143542063105", handle: "DefenceU", date: "2022-02-26", language: .english, declared: .ukrainian),
        .init(sample: "x-com-variant.html", statusID: "1498219452981051395", handle: "GeneralStaffUA", date: "2022-02-28", language: .ukrainian, declared: .ukrainian),
    ]

    /// Every English rendering a sample quotes: the tweet (status id, or media link for pasted text) and
    /// the opening words of the quote.
    static let expectedPairs: [(sample: String, tweet: String, quote: String)] = [
        ("article-defence-losses.html", "1497192811210629120", "Today the losses of the Russian occupation troops"),
        ("article-defence-losses.html", "1497227503473897473", "Ukrainian troops met the occupiers"),
        ("pasted-article.txt", "pic.twitter.com/Qa1Xk9Rt2m", "Today the losses of the Russian occupation troops"),
        ("pasted-article.txt", "pic.twitter.com/Hb7Lm2Wq4s", "Ukrainian troops met the occupiers"),
        ("second-article-same-status.html", "1497192811210629120", "Today the losses of the Russian occupation troops"),
        ("second-article-same-status.html", "1497201186513854465", "There are no losses among the Russian troops"),
        ("x-com-variant.html", "1498219452981051395", "The total combat losses of the enemy"),
    ]

    static func batch(_ name: String) throws -> ImportBatch {
        try GoldenFile.run(TweetEmbedImporter.self, on: TestPaths.samples.appendingPathComponent("tweet-embed/\(name)"))
    }

    @Test(arguments: valid)
    func matchesGoldenAndValidates(_ sample: URL) throws {
        let batch = try GoldenFile.run(TweetEmbedImporter.self, on: sample)
        #expect(batch.validationProblems().isEmpty, "\(batch.validationProblems())")
        if let difference = try GoldenFile.compare(batch, input: sample) { Issue.record("\(difference)") }
    }

    @Test func everyTweetHasItsHandleStatusDateAndLanguage() throws {
        var checked = 0
        for sample in Set(Self.expectedTweets.map(\.sample)) {
            let tweets = try Self.batch(sample).documents.filter { $0.kind == .tweet }
            let expected = Self.expectedTweets.filter { $0.sample == sample }
            #expect(tweets.count == expected.count, "\(sample): \(tweets.count) tweets, expected \(expected.count)")
            for (tweet, wanted) in zip(tweets, expected) {
                #expect(tweet.metadata["status_id"] == wanted.statusID, "\(sample)")
                #expect(tweet.metadata["handle"] == wanted.handle, "\(sample)")
                #expect(tweet.published?.description == wanted.date, "\(sample)")
                #expect(tweet.language == wanted.language, "\(sample) \(wanted.statusID ?? "pasted")")
                #expect(tweet.declaredLanguage == wanted.declared, "\(sample)")
                if let status = wanted.statusID {
                    #expect(tweet.canonicalURL == "https://twitter.com/\(wanted.handle)/status/\(status)")
                    #expect(tweet.id == DocumentID(naturalKey: "tweet:\(status)"))
                }
                #expect(!tweet.text.contains("pic.twitter.com") && !tweet.text.contains("pic.x.com"))
                checked += 1
            }
        }
        #expect(checked == Self.expectedTweets.count)
    }

    @Test func everyQuotedRenderingIsPairedWithItsTweet() throws {
        var found = 0
        for sample in Set(Self.valid.map(\.lastPathComponent)) {
            let batch = try Self.batch(sample)
            let expected = Self.expectedPairs.filter { $0.sample == sample }
            #expect(batch.pairs.count == expected.count, "\(sample): \(batch.pairs.count) pairs, expected \(expected.count)")
            for wanted in expected {
                let tweet = batch.documents.first { $0.metadata["status_id"] == wanted.tweet || $0.metadata["media"] == wanted.tweet }
                let pair = batch.pairs.first { $0.original == tweet.map { .document($0.id) } }
                let quote = batch.passages.first { pair?.rendering == .passage($0.id) }
                #expect(quote?.role == .quote, "\(sample): no quote paired with \(wanted.tweet)")
                #expect(quote?.text.hasPrefix(wanted.quote) == true, "\(sample): \(wanted.tweet) paired with \(quote?.text ?? "nothing")")
                #expect(pair?.method == .embeddedQuote)
                #expect(quote?.metadata["speaker"] != nil, "\(sample): quote of \(wanted.tweet) has no speaker")
                if quote?.text.hasPrefix(wanted.quote) == true { found += 1 }
            }
        }
        #expect(found == Self.expectedPairs.count)
    }

    @Test func noBoilerplatePhraseSurvives() throws {
        for sample in Self.valid {
            let batch = try GoldenFile.run(TweetEmbedImporter.self, on: sample)
            for document in batch.documents {
                for phrase in Boilerplate.phrases + ["Accept all cookies", "Sign up", "Post Comment", "All rights reserved", "Ten recipes"] {
                    #expect(!document.text.localizedCaseInsensitiveContains(phrase),
                            "\(sample.lastPathComponent): \(document.kind) keeps \"\(phrase)\"")
                }
            }
        }
    }

    @Test func articlesKeepNoEmbedText() throws {
        let batch = try Self.batch("article-defence-losses.html")
        let article = try #require(batch.documents.first { $0.kind == .article })
        #expect(article.language == .english)
        #expect(!article.text.contains("Вірте у ЗСУ"))
        #expect(!article.text.contains("(@DefenceU)"))
        #expect(batch.passages.contains { $0.role == .caption && $0.text.hasPrefix("Residents of Kyiv") })
        let pasted = try #require(try Self.batch("pasted-article.txt").documents.first { $0.kind == .article })
        #expect(!pasted.text.contains("ЗСУ") && !pasted.text.contains("pic.twitter.com"))
        #expect(pasted.title == "Kyiv reports heavy Russian losses on second day")
    }

    @Test func oneStatusFromTwoArticlesIsOneDocument() throws {
        let first = try Self.batch("article-defence-losses.html").documents.filter { $0.kind == .tweet }
        let second = try Self.batch("second-article-same-status.html").documents.filter { $0.kind == .tweet }
        let shared = Set(first.map(\.id)).intersection(second.map(\.id))
        #expect(shared == [DocumentID(naturalKey: "tweet:1497192811210629120")])
        #expect(first.first { shared.contains($0.id) }?.text == second.first { shared.contains($0.id) }?.text)
    }

    @Test(arguments: invalid)
    func badInputIsRefusedWithItsExpectedSentence(_ sample: URL) throws {
        let expected = try String(contentsOf: URL(fileURLWithPath: sample.path + ".error.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(throws: ImportError.self) { try GoldenFile.run(TweetEmbedImporter.self, on: sample) }
        do {
            _ = try GoldenFile.run(TweetEmbedImporter.self, on: sample)
        } catch let error as ImportError {
            #expect(error.description == expected)
            #expect(error.file == sample.lastPathComponent)
        }
    }

    @Test func detectionIsConfidentOnEverySample() throws {
        for sample in Self.samples {
            let input = ImportInput(bytes: try Data(contentsOf: sample), fileName: sample.lastPathComponent)
            #expect(TweetEmbedImporter.confidence(for: input) >= 0.8, "\(sample.lastPathComponent)")
        }
        let plain = ImportInput(bytes: Data("KYIV, March 2 (Reuters) - Russia said on Wednesday...".utf8), fileName: "w.txt")
        #expect(TweetEmbedImporter.confidence(for: plain) == 0)
    }
}

/// The numbers a quote and a tweet share are the evidence that pairs them.
@Suite struct QuoteEvidenceNumberTests {
    @Test func numbersAreReadWithGroupsMultipliersAndPunctuation() {
        #expect(QuoteEvidence.numbers(in: "Знищено 1 000 одиниць, ще 5 тис. — «12»!") == [1000, 5000, 12])
        #expect(QuoteEvidence.numbers(in: "about 1,000 troops (+35) and 2 thousand more.") == [1000, 35, 2000])
        #expect(QuoteEvidence.numbers(in: "Слава Україні! No figures here.").isEmpty)
        #expect(QuoteEvidence.numbers(in: "24.02") == [], "a date is not a count")
    }
}

/// The numbers quote evidence reads, trimming by a switch, against trimming with Foundation's `CharacterSet`
/// (the form it replaced), on seeded texts of numbers, separators, quotes, guillemets and multipliers.
@Suite struct QuoteEvidenceTrimmingTests {
    static func foundationNumbers(_ text: String) -> Set<Int> {
        let punctuation = CharacterSet(charactersIn: ".,;:!?+\"“”«»")
        var result = Set<Int>()
        let tokens = text.quickLowercased().split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" })
        var index = 0
        while index < tokens.count {
            guard tokens[index].contains(where: \.isNumber) else { index += 1; continue }
            let token = tokens[index].trimmingCharacters(in: punctuation)
            var digits = token.filter(\.isNumber)
            guard !digits.isEmpty, token.allSatisfy({ $0.isNumber || $0 == "," }) else { index += 1; continue }
            while index + 1 < tokens.count, tokens[index + 1].count == 3, tokens[index + 1].allSatisfy(\.isNumber) {
                index += 1
                digits += tokens[index]
            }
            var value = Int(digits) ?? 0
            if index + 1 < tokens.count, ["thousand", "тис", "тыс"].contains(where: { tokens[index + 1].hasPrefix($0) }) {
                value *= 1000
            }
            result.insert(value)
            index += 1
        }
        return result
    }

    @Test func numbersMatchTheFoundationTrimming() {
        let pieces = ["1", "12", "637", "1 000", "2,500", " ", " ", "(", ")", ".", ",", "«", "»", "“", "”", "\"", "+35",
                      "тис.", "Thousand", "танків", "e\u{301}", "!", "?", ";", ":", "½", "٣", "\u{00A0}", "x1", "1x",
                      "ТИС", "İ", "\r\n", "²", "Ⅻ", "🇺🇦", "\u{2028}", "\u{3000}", "000", "(1", "1)"]
        var generator = SeededGenerator(seed: 41)
        var found = 0
        for _ in 0..<5_000 {
            let text = (0..<generator.below(16)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let expected = Self.foundationNumbers(text)
            found += expected.count
            #expect(QuoteEvidence.numbers(in: text) == expected, "\(text.debugDescription)")
            #expect(QuoteEvidence.TextFacts(text).letters == text.filter(\.isLetter).count)
        }
        #expect(found > 2_000)
    }
}


/// Quote evidence read by scalar (text whose every scalar stands alone) against the `Character` and Foundation
/// rules it stands in for: the classes for every such scalar, then numbers and words of seeded texts.
@Suite struct QuoteEvidenceByScalarsTests {
    @Test func scalarClassesAreTheCharacterClassesOfEveryStandaloneScalar() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.isStandaloneInGraphemes else { continue }
            let character = Character(scalar)
            #expect(QuoteEvidence.isNumber(scalar) == character.isNumber, "U+\(String(value, radix: 16))")
            #expect(QuoteEvidence.isLetter(scalar) == character.isLetter, "U+\(String(value, radix: 16))")
            #expect(QuoteEvidence.isTokenSeparator(scalar) == (character.isWhitespace || character == "(" || character == ")"),
                    "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_000)
    }

    @Test func numbersAndWordsByScalarsMatchTheCharacterRules() {
        let pieces = ["1", "12", "637", "000", " 000", "1 000", "2,500", " 5 ", " ", " ", " ", "\u{00A0}", "(", ")", ".", ",", "«", "»", "’s", "'s", "’", "'", "s",
                      "тис.", "Thousand", "ТИС", "танків", "Defense", "defense", "the", "official", "ministry", "General",
                      "Staff", "ś", "é", "ß", "DefenceU", "_", "-", "²", "½", "٣", "Ⅻ", "x1", "\u{2028}", "№", "—"]
        var generator = SeededGenerator(seed: 28)
        var numbersFound = 0, wordsFound = 0, byScalars = 0
        for _ in 0..<5_000 {
            let text = (0..<generator.below(14)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let lowered = text.quickLowercased()
            guard lowered.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) else { continue }
            byScalars += 1
            let numbers = QuoteEvidence.numbersByCharacters(inLowered: lowered)
            let words = QuoteEvidence.wordsByCharacters(inLowered: lowered)
            numbersFound += numbers.count
            wordsFound += words.count
            #expect(QuoteEvidence.numbersByScalars(inLowered: lowered) == numbers, "\(text.debugDescription)")
            #expect(QuoteEvidence.wordsByScalars(inLowered: lowered) == words, "\(text.debugDescription)")
            #expect(QuoteEvidence.numbers(in: text) == numbers)
            #expect(QuoteEvidence.words(text) == words)
        }
        #expect(byScalars > 3_000 && numbersFound > 800 && wordsFound > 3_000, "\(byScalars) \(numbersFound) \(wordsFound)")
    }
}
