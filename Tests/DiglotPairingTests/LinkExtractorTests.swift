import Foundation
import Testing
@testable import DiglotPairing

/// URLs are found by bytes; they must be the URLs the search through Foundation found, and removing them must
/// leave the rest of the text as it was.
@Suite struct LinkExtractorTests {
    /// The search as it was: Foundation's `range(of:)`, then the same reading after each "http".
    static func urlsFoundThroughFoundation(_ text: String) -> [String] {
        guard text.contains("http") else { return [] }
        var result: [String] = []
        var searchStart = text.startIndex
        while let found = text.range(of: "http", range: searchStart..<text.endIndex) {
            var end = found.upperBound
            while end < text.endIndex, !text[end].isWhitespace, !"\"'<>»)]".contains(text[end]) { end = text.index(after: end) }
            let candidate = String(text[found.lowerBound..<end]).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))
            if candidate.hasPrefix("http://") || candidate.hasPrefix("https://") { result.append(candidate) }
            searchStart = end
        }
        return result
    }

    /// Seeded texts of URLs, near-URLs ("http" alone, "httpbin", "xhttp://"), Cyrillic, quotes, brackets and
    /// trailing punctuation: the same URLs in the same order; with them removed, what is left is the text with
    /// each URL replaced by a space.
    @Test func urlsAreTheOnesFoundationFound() {
        var generator = SplitMix64(seed: 2612)
        let pieces = ["https://x.com/GeneralStaffUA/status/1630481", "http://mil.gov.ua/news/2023/02/24", "http",
                      "https://", "httpbin", "xhttp://a.ua/1", "Генштаб", "танки", " ", " ", "\n", ".", ",", ";",
                      ":", "\"", "'", "«", "»", "(", ")", "[", "]", "<", ">", "1 637", "https://t.co/AbC12",
                      "\u{00A0}", "ґ", "https://www.ukrinform.ua/rubric-ato/3675?x=1#a"]
        var withURLs = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<16, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.urlsFoundThroughFoundation(text)
            let found = LinkExtractor.urlRanges(in: text)
            #expect(found.map(\.url) == expected, "\(text.debugDescription)")
            #expect(found.allSatisfy { String(text[$0.range]) == $0.url }, "\(text.debugDescription)")
            if !found.isEmpty { withURLs += 1 }
            var rebuilt = ""
            var cursor = text.startIndex
            for (_, range) in found {
                rebuilt += text[cursor..<range.lowerBound] + " "
                cursor = range.upperBound
            }
            rebuilt += text[cursor...]
            #expect(LinkExtractor.removingURLs(from: text) == rebuilt)
        }
        #expect(withURLs > 1_000)
    }

    /// A URL that begins another is removed where it stands, not out of the longer one: the status id of the
    /// longer URL no longer leaves its last digits behind as a figure.
    @Test func aURLThatBeginsAnotherLeavesNothingOfIt() {
        let text = "див. https://x.com/a/status/16 та https://x.com/a/status/16304 — 12 танків"
        #expect(LinkExtractor.removingURLs(from: text) == "див.   та   — 12 танків")
        #expect(LinkExtractor.urls(in: "нема посилань") == [])
        #expect(LinkExtractor.urls(in: "htt") == [])
        #expect(LinkExtractor.urls(in: "кінець http") == [])
        #expect(LinkExtractor.urls(in: "a http\u{301}://b.c d").count <= 1, "a mark after the scheme does not trap the reader")
    }
}
