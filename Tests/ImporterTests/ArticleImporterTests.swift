import Foundation
import Testing
@testable import ArticleImporter
import DiglotImporting
import DiglotModel
import DiglotTestSupport

/// What the golden files cannot say on their own: boilerplate stays out, metadata comes from the right
/// place, and the article importer stays modest so specialised importers win.
@Suite struct ArticleImporterTests {
    static func read(_ name: String) throws -> ImportBatch {
        try GoldenFile.run(ArticleImporter.self, on: TestPaths.samples.appendingPathComponent("article/\(name)"))
    }

    @Test func boilerplateIsLeftOut() throws {
        let text = try Self.read("losses-pass-45000-en.html").documents[0].text
        for boilerplate in ["cookies", "Sign up for our newsletter", "Share on Facebook", "Most read", "All rights reserved",
                            "Read also", "counter-offensive", "Subscribe now"] {
            #expect(!text.contains(boilerplate), "\(boilerplate) leaked into the main text")
        }
        #expect(text.contains("about 45,200 troops"))
        #expect(text.contains("How the figures are compiled"))
    }

    @Test func metadataFromThePage() throws {
        let uk = try Self.read("zvedennia-uk.html").documents[0]
        #expect(uk.author == "Андрій Коваленко")
        #expect(uk.declaredLanguage == .ukrainian)
        #expect(uk.published?.description == "2022-08-21T06:40:00Z")
        #expect(uk.id == DocumentID(naturalKey: "https://visti-poltavshchyny.example/novyny/2022/08/21/vtraty-45200"))
        #expect(!uk.text.contains("Поділитися") && !uk.text.contains("Усі права захищено"))
        let ru = try Self.read("svodka-ru-cp1251.html").documents[0]
        #expect(ru.language == .russian)
        #expect(ru.title == "Генштаб ВСУ сообщил о потерях российской армии")
        #expect(!ru.text.contains("Комментариев"))
    }

    @Test func plainTextWithoutURLIsKeyedBySourceHash() throws {
        let url = TestPaths.samples.appendingPathComponent("article/zvit-uk.txt")
        let batch = try Self.read("zvit-uk.txt")
        #expect(batch.documents[0].id == DocumentID(naturalKey: "source:\(SourceID(bytes: try Data(contentsOf: url)).rawValue)"))
        #expect(batch.documents[0].language == .ukrainian)
    }

    @Test func confidenceIsModest() {
        let html = ImportInput(bytes: Data("<html><body><p>x</p></body></html>".utf8), fileName: "a.html")
        let text = ImportInput(bytes: Data("Some words here.".utf8), fileName: "a.txt")
        #expect(ArticleImporter.confidence(for: html) == 0.3)
        #expect(ArticleImporter.confidence(for: text) == 0.2)
        #expect(ArticleImporter.confidence(for: ImportInput(bytes: Data("{\"a\":1}".utf8), fileName: "result.json")) == 0)
        #expect(ArticleImporter.confidence(for: ImportInput(bytes: Data([0x89, 0x50, 0, 1]), fileName: "x")) == 0)
    }

    @Test func itemMetadataFillsURLAndDate() throws {
        let input = ImportInput(bytes: Data("Some post text that is long enough to read as English prose.".utf8),
                                fileName: "message-1.txt", declaredMediaType: "text/plain",
                                metadata: ["url": "https://t.me/c/1/1", "published": "2022-08-21T06:00:00Z"])
        let document = try ArticleImporter(configuration: .default).read(input).documents[0]
        #expect(document.canonicalURL == "https://t.me/c/1/1")
        #expect(document.id == DocumentID(naturalKey: "https://t.me/c/1/1"))
        #expect(document.published?.description == "2022-08-21T06:00:00Z")
    }
}

/// Plain-text articles are cut into lines on the bytes: the same lines as Foundation's replacing of CR LF and CR
/// by LF and a split at LF.
@Suite struct PlainTextLineTests {
    @Test func linesEqualReplacingBreaksThenSplitting() {
        var generator = SeededGenerator(seed: 93)
        let pieces = ["\r\n", "\r", "\n", "Київ", "tanks", " ", "e\u{301}", "\r\r\n", "\n\r", "\u{2028}"]
        for _ in 0..<3_000 {
            let text = (0..<generator.below(10)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(PlainTextArticle.lines(of: text).map(String.init) == expected, "\(text.debugDescription)")
        }
    }
}

/// The early-stopping letter count against counting the filtered letters.
@Suite struct ArticleLetterCountTests {
    @Test func stopsEarlyWithTheFilterAnswer() {
        let pieces = ["a", "Київ", " ", "1", "e\u{301}", "👍", "東", ".", "\u{301}", "ß"]
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<3_000 {
            let text = (0..<generator.below(60)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            for count in [0, 1, 5, 20, 80] {
                #expect(ArticleDocumentBuilder.hasLetters(text, atLeast: count) == (text.filter(\.isLetter).count >= count),
                        "\(text) \(count)")
            }
        }
    }
}

/// `PlainTextArticle.collapseWhitespace`, which every plain-text line and every block the HTML scorer weighs goes
/// through, against the `Character` split it stands in for.
@Suite struct WhitespaceCollapsingTests {
    /// Collapsing whitespace on the bytes gives what splitting by `Character` gives: 20,000 seeded texts of
    /// words, every whitespace scalar (NEL, no-break space, U+2028, ideographic space, CR), combining marks after
    /// spaces and letters, a prepended mark before a space, and emoji with joiners.
    @Test func whitespaceCollapsesAsTheCharacterSplitCollapsesIt() {
        var random = SeededGenerator(seed: 294)
        let parts = ["Київ", "Kyiv", "word", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}",
                     "\u{3000}", "\u{202F}", "\r", "\u{0301}", "e\u{0301}", "\u{0600}", "👩\u{200D}🚀", "«", "—", "1 070", "é"]
        var bytePath = 0
        for _ in 0..<20_000 {
            let text = (0..<(1 + random.below(12))).map { _ in parts[random.below(parts.count)] }.joined()
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(PlainTextArticle.collapseWhitespace(text) == expected, "\(text.debugDescription)")
            if text.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) { bytePath += 1 }
        }
        #expect(bytePath > 2_000, "\(bytePath) texts on the byte path")
    }
}
