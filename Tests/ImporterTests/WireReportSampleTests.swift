import Foundation
import Testing
import DiglotImporting
import DiglotModel
import DiglotTestSupport
import DiglotXML
import TweetEmbedImporter
@testable import WireReportImporter

/// The wire-report importer against the samples we wrote: golden output, datelines and agencies, cited
/// outlets and quoted speakers, captions apart from the body, no furniture left, bad input refused.
@Suite struct WireReportSampleTests {
    static let samples = GoldenFile.samples(for: WireReportImporter.identifier).filter { !$0.lastPathComponent.hasSuffix(".error.txt") }
    static let valid = samples.filter { !$0.lastPathComponent.contains("invalid") }
    static let invalid = samples.filter { $0.lastPathComponent.contains("invalid") }

    static func batch(_ name: String) throws -> ImportBatch {
        try GoldenFile.run(WireReportImporter.self, on: TestPaths.samples.appendingPathComponent("wire-report/\(name)"))
    }

    /// Per sample: each report's dateline, agency, byline and publication time, as written.
    static let expectedReports: [(sample: String, dateline: String?, agency: String?, byline: String?, published: String?)] = [
        ("ap-page-time-tag.html", "KYIV, Ukraine (AP)", "AP", "Mstyslav Example and Lena Sample", "2022-03-02T09:30:00Z"),
        ("feed.atom", "MOSCOW (AFP)", "AFP", "Agency Staff", "2022-03-02T16:20:00Z"),
        ("feed.atom", "BUDAPEST (AFP)", "AFP", nil, "2022-02-25T12:00:00Z"),
        ("feed.rss", "MOSCOW, March 2 (Reuters)", "Reuters", "Wire Staff", "2022-03-02T14:05:00Z"),
        ("feed.rss", "KYIV, March 2 (Reuters)", "Reuters", nil, "2022-03-02T07:10:00Z"),
        ("newsml-item.xml", "KYIV, March 2", "Reuters", "Wire Staff", "2022-03-02T14:05:00Z"),
        ("plain-copy.txt", "MOSCOW (Reuters)", "Reuters", "Staff and wire reports", "2022-03-02"),
        ("republished-page-casualties.html", "KYIV, March 2 (Reuters)", "Reuters", "Northern Ledger wire desk", "2022-03-02T17:48:00Z"),
    ]

    /// Outlets each sample cites, in order.
    static let expectedOutlets: [String: [String]] = [
        "republished-page-casualties.html": ["Reuters", "Al Jazeera", "TASS", "Sky News"],
        "plain-copy.txt": ["Reuters", "TASS"],
        "feed.rss": ["Reuters"],
        "feed.atom": ["TASS"],
        "ap-page-time-tag.html": [],
        "newsml-item.xml": [],
    ]

    /// Quoted statements and who the text says spoke.
    static let expectedSpeakers: [String: [String]] = [
        "republished-page-casualties.html": ["Konashenkov", "an adviser to President Volodymyr Zelensky"],
        "ap-page-time-tag.html": ["the head of the regional administration"],
        "plain-copy.txt": ["the ministry's spokesman"],
        "newsml-item.xml": ["the service"],
        "feed.rss": ["spokesman Igor Konashenkov"],
        "feed.atom": ["the head of the delegation"],
    ]

    @Test(arguments: valid)
    func matchesGoldenAndValidates(_ sample: URL) throws {
        let batch = try GoldenFile.run(WireReportImporter.self, on: sample)
        #expect(batch.validationProblems().isEmpty, "\(batch.validationProblems())")
        #expect(batch.documents.allSatisfy { $0.kind == .wireReport && $0.language == .english })
        if let difference = try GoldenFile.compare(batch, input: sample) { Issue.record("\(difference)") }
    }

    @Test func datelinesAgenciesBylinesAndTimes() throws {
        for sample in Set(Self.expectedReports.map(\.sample)) {
            let documents = try Self.batch(sample).documents
            let expected = Self.expectedReports.filter { $0.sample == sample }
            #expect(documents.count == expected.count, "\(sample)")
            for (document, wanted) in zip(documents, expected) {
                #expect(document.metadata["dateline"] == wanted.dateline, "\(sample)")
                #expect(document.metadata["agency"] == wanted.agency, "\(sample)")
                #expect(document.metadata["byline"] == wanted.byline, "\(sample)")
                #expect(document.published?.description == wanted.published, "\(sample)")
                #expect(!document.text.hasPrefix(wanted.dateline ?? "\u{0}"), "\(sample): dateline left in the body")
            }
        }
    }

    @Test func citedOutletsAndQuotedSpeakers() throws {
        for (sample, outlets) in Self.expectedOutlets {
            let passages = try Self.batch(sample).passages
            let cited = passages.filter { $0.role == .citation || $0.metadata["outlet"] != nil }.compactMap { $0.metadata["outlet"] }
            #expect(cited == outlets, "\(sample)")
            let speakers = passages.filter { $0.role == .quote }.map { $0.metadata["speaker"] ?? "(none)" }
            #expect(speakers == Self.expectedSpeakers[sample], "\(sample)")
        }
    }

    @Test func captionsStayApartFromTheBody() throws {
        for sample in ["republished-page-casualties.html", "plain-copy.txt"] {
            let passages = try Self.batch(sample).passages
            let captions = passages.filter { $0.role == .caption }
            #expect(captions.count == 1, "\(sample)")
            #expect(captions.first?.text.hasSuffix("REUTERS/Staff Photographer") == true)
            #expect(!passages.contains { $0.role != .caption && $0.text.contains("REUTERS/") })
        }
    }

    @Test func noBoilerplatePhraseSurvives() throws {
        let extra = ["Cookie settings", "Five gardening", "Ten ways to save", "Why the West rules out", "Map: where",
                     "all rights reserved", "Related coverage", "Sanctions tracker", "Contact us"]
        var documents = 0
        for sample in Self.valid {
            for document in try GoldenFile.run(WireReportImporter.self, on: sample).documents {
                documents += 1
                for phrase in Boilerplate.phrases + extra {
                    #expect(!document.text.localizedCaseInsensitiveContains(phrase),
                            "\(sample.lastPathComponent) keeps \"\(phrase)\"")
                }
            }
        }
        #expect(documents == Self.expectedReports.count)
    }

    @Test(arguments: invalid)
    func badInputIsRefusedWithItsExpectedSentence(_ sample: URL) throws {
        let expected = try String(contentsOf: URL(fileURLWithPath: sample.path + ".error.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try GoldenFile.run(WireReportImporter.self, on: sample)
            Issue.record("\(sample.lastPathComponent) was accepted")
        } catch let error as ImportError {
            #expect(error.description == expected)
        }
    }

    @Test func malformedXMLCarriesLibxmlLineAndColumn() throws {
        do {
            _ = try Self.batch("invalid-malformed-newsml.xml")
            Issue.record("malformed NewsML was accepted")
        } catch let error as ImportError {
            #expect(error.line == 5)
            #expect(error.column != nil)
        }
    }

    /// An RSS 0.91 feed opens with Netscape's DOCTYPE, often with no XML declaration: a feed still, not a page
    /// (it was refused as a page without an article body).
    @Test func aFeedOpeningWithADoctypeIsReadAsAFeed() throws {
        let feed = """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Wire desk</title><link>https://wire.example/</link>
            <item><title>Ukraine says it downed drones over Odesa</title><link>https://wire.example/2022/09/25/odesa</link>
            <description>KYIV, Sept 25 (Reuters) - Ukraine's air force said on Sunday it had shot down four drones.</description>
            </item></channel></rss>
            """
        let input = ImportInput(bytes: Data(feed.utf8), fileName: "rss091.rss")
        #expect(WireReportImporter.confidence(for: input) > 0.3)
        let batch = try WireReportImporter(configuration: .default).read(input)
        #expect(batch.documents.map(\.title) == ["Ukraine says it downed drones over Odesa"])
        #expect(batch.validationProblems().isEmpty)
    }

    /// Behind a DOCTYPE an entity bomb reaches libxml2's limits, and the file is refused by name.
    @Test func anEntityBombBehindADoctypeIsRefused() throws {
        let levels = (1...6).map { level in
            "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<!DOCTYPE rss [<!ENTITY e0 \"aa\">" + levels.joined() + "]>\n"
            + "<rss version=\"2.0\"><channel><item><title>&e6;</title></item></channel></rss>\n"
        do {
            _ = try WireReportImporter(configuration: .default).read(ImportInput(bytes: Data(bomb.utf8), fileName: "bomb.rss"))
            Issue.record("the entity bomb was accepted")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("bomb.rss:2:"), "\(error)")
        }
    }

    @Test func theFirstElementIsFoundPastTheProlog() {
        #expect(WireReportImporter.firstElementName("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">") == "rss")
        #expect(WireReportImporter.firstElementName("<!DOCTYPE r [<!ENTITY a '1'>]><feed xmlns=\"x\">") == "feed")
        #expect(WireReportImporter.firstElementName("<!-- <rss> --><!doctype html><html lang=\"en\">") == "html")
        #expect(WireReportImporter.firstElementName("<rdf:RDF xmlns:rdf=\"…\">") == "rdf:RDF")
        #expect(WireReportImporter.firstElementName("KYIV (Reuters) - 3 < 4") == nil)
        #expect(WireReportImporter.firstElementName("<!-- never closed <rss>") == nil)
    }

    /// The byte scan answers as the character walk on seeded mixes of markup, comments, Cyrillic text and the
    /// scalars that join characters (marks after `<`, names and dashes; a prepended mark before `<`), and
    /// leaves undecided only inputs where such a scalar stands next to what it reads.
    @Test func theFirstElementByBytesAnswersAsByCharacters() {
        let pieces = ["<", "rss", "feed", "<!--", "-->", "-", "!", "<?xml version=\"1.0\"?>", "<!DOCTYPE rss>", " ", "\n",
                      "Київ", "\u{301}", "\u{600}", "é", "rdf:RDF", ">", "x1", "_", "😀", "html", "<p>"]
        var generator = SeededGenerator(seed: 64)
        var decidedByBytes = 0
        for _ in 0..<5_000 {
            let sample = (0..<generator.below(10)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let expected = WireReportImporter.firstElementNameByCharacters(sample[...])
            #expect(WireReportImporter.firstElementName(sample[...]) == expected, "\(sample.debugDescription)")
            let scan = Array(sample.utf8).withUnsafeBufferPointer(WireReportImporter.firstElementNameByBytes)
            if scan != .undecided {
                decidedByBytes += 1
                #expect(scan == (expected.map { .found($0) } ?? .absent), "\(sample.debugDescription)")
            }
        }
        #expect(decidedByBytes > 2_500, "most samples are decided by bytes")
    }

    @Test func detectionBeatsTheGenericArticleImporterAndLeavesOthersAlone() throws {
        for sample in Self.valid {
            let input = ImportInput(bytes: try Data(contentsOf: sample), fileName: sample.lastPathComponent)
            #expect(WireReportImporter.confidence(for: input) > 0.3, "\(sample.lastPathComponent)")
            #expect(TweetEmbedImporter.confidence(for: input) == 0, "\(sample.lastPathComponent)")
        }
        for tweetSample in GoldenFile.samples(for: TweetEmbedImporter.identifier) where !tweetSample.lastPathComponent.hasSuffix(".txt") || tweetSample.lastPathComponent == "pasted-article.txt" {
            let input = ImportInput(bytes: try Data(contentsOf: tweetSample), fileName: tweetSample.lastPathComponent)
            #expect(WireReportImporter.confidence(for: input) == 0, "\(tweetSample.lastPathComponent)")
        }
        let bulletin = "Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали: особового складу ‒ близько 37400 (+100)"
        #expect(WireReportImporter.confidence(for: ImportInput(bytes: Data(bulletin.utf8), fileName: "b.txt")) == 0)
    }

    /// A plain-text copy reads the same whatever its line breaks: CR LF (a Windows copy, which splitting at
    /// "\n" as characters left one line), a lone CR, or U+2028.
    @Test func aPlainCopyReadsTheSameWhateverItsLineBreaks() throws {
        let sample = TestPaths.samples.appendingPathComponent("wire-report/plain-copy.txt")
        let text = try String(contentsOf: sample, encoding: .utf8)
        func read(_ text: String) throws -> [String] {
            let batch = try WireReportImporter(configuration: .default)
                .read(ImportInput(bytes: Data(text.utf8), fileName: "plain-copy.txt"))
            return batch.documents.flatMap { [$0.title ?? "-", $0.text, $0.metadata.sorted { $0.key < $1.key }.description] }
                + batch.passages.map { "\($0.role) \($0.text)" }
        }
        let expected = try read(text)
        #expect(expected.count > 5)
        for separator in ["\r\n", "\r", "\u{2028}"] {
            #expect(try read(text.replacingOccurrences(of: "\n", with: separator)) == expected, "\(separator.debugDescription)")
        }
    }

    @Test func datelineShapes() {
        #expect(Dateline.parse("KYIV, March 2 (Reuters) - Russia said")?.agency == "Reuters")
        #expect(Dateline.parse("KYIV, Ukraine (AP) — Russian forces")?.place == "KYIV, Ukraine")
        #expect(Dateline.parse("KYIV — Ukrainian officials said")?.agency == nil)
        #expect(Dateline.parse("KYIV — Ukrainian officials said")?.place == "KYIV")
        #expect(Dateline.parse("Kyiv officials have not yet commented (Reuters) - on it") == nil)
        #expect(Dateline.parse("The ministry said - nothing") == nil)
    }

    /// The hand matcher gives what ICU's matcher gives with the two patterns, and leaves text it cannot decide
    /// to ICU: 30,000 seeded leads built from datelines' parts in order (places of one to five words, second
    /// parts, months that first look like place parts, agencies listed and not, every dash and space ICU may
    /// count as one), then up to three parts inserted anywhere; leads longer than the 160-scalar range; and
    /// Cyrillic, accents, no-break spaces and astral scalars for the undecided way.
    @Test func theHandMatcherAnswersAsTheRegularExpressions() {
        var random = SeededGenerator(seed: 291)
        func pick(_ list: [String]) -> String { list[random.below(list.count)] }
        let places = ["KYIV", "Kyiv", "KY", "MOSCOW", "ST. PETERSBURG", "Kryvyi Rih", "LVIV-WEST", "ODESA, Ukraine",
                      "NEW YORK CITY AREA", "A B C D E", "O'NEILL", "Zaporizhzhia Nuclear Power Plant Area", "X"]
        let tails = ["", ", March 2", ", Sept. 14", ", Ukraine", ",Feb 24", ", Mayor 3", ", March 2022", ", Dec.  31",
                     ", Donetsk Region", ", Ukraine, March 2", ",  Jan\t5", ", MARCH 2", ", Kyiv Oblast East Side"]
        // Runs of spaces long enough to carry a lead across the patterns' 160-scalar range.
        let leads = [" ", "", "  ", "\t", "\u{0B}", "\u{0C}", "\n", "\r"] + [130, 140, 145, 150].map { String(repeating: " ", count: $0) }
        let marks = ["(Reuters)", "(AP)", "(reuters)", "(Associated Press)", "(Agency)", "", "", "(", "(Interfax-Ukraine)",
                     "(Interfax)", "(dpa)", "(PA)", "(Reuters) (AP)", "(AP"]
        let dashes = [" - ", " \u{2014} ", " \u{2013} ", "--", " ", " -- ", "\u{2014}", " \u{2013}\u{2014} ", " -\t", " \u{2014}"]
        let parts = ["KYIV", "Kyiv", ",", ", ", " ", "  ", "(Reuters)", "(", ")", "-", "\u{2013}", "\u{2014}", "said", "2",
                     "March", "ЗСУ", "é", "\u{00A0}", "\u{0301}", "😀", "\u{0B}", String(repeating: "WORD ", count: 40)]
        var matched = 0, undecided = 0
        for _ in 0..<30_000 {
            var scalars = Array((pick(places) + pick(tails) + pick(leads) + pick(marks) + pick(dashes) + "said").unicodeScalars)
            for _ in 0..<random.below(4) {
                scalars.insert(contentsOf: pick(parts).unicodeScalars, at: random.below(scalars.count + 1))
            }
            var paragraph = ""
            paragraph.unicodeScalars.append(contentsOf: scalars)
            let expected = Dateline.matchingRegularExpressions(paragraph)
            #expect(Dateline.matchingPatterns(paragraph) == expected, "\(paragraph.debugDescription)")
            switch DatelineMatcher.match(paragraph) {
            case .matched: matched += 1
            case .undecided: undecided += 1
            case .noMatch: break
            }
        }
        #expect(matched > 2_000 && undecided > 1_000, "\(matched) matched by hand, \(undecided) left to ICU")
    }

    /// A dateline's place is split at ", " as Foundation splits it: 5,000 seeded places of words, commas, runs
    /// of spaces, CR LF, digits and (for Foundation's own way) a combining mark after a space and Cyrillic.
    @Test func placesSplitAsFoundationSplitsThem() {
        var random = SeededGenerator(seed: 292)
        let pieces = ["KYIV", "Kyiv", ",", ", ", " ", ",,", ", , ", "\r\n", ",\r\n", "2", "March 2", "St.", "Київ",
                      " \u{0301}", "", "-"]
        var ascii = 0
        for _ in 0..<5_000 {
            let place = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(Dateline.parts(of: place) == place.components(separatedBy: ", "), "\(place.debugDescription)")
            if place.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
        }
        #expect(ascii > 1_000, "\(ascii) ASCII places")
    }

    /// Detection finds an agency dateline on any of a text's first lines, whatever the line breaks, and not in
    /// the middle of a line or past the 400th line.
    @Test func agencyDatelinesAreFoundOnAnyLineWhateverItsBreaks() {
        let lines = ["Ukraine war latest", "", "By Staff", "KYIV, March 2 (Reuters) - Russian forces shelled Kharkiv."]
        for separator in ["\n", "\r\n", "\r", "\u{2028}"] {
            #expect(Dateline.hasAgencyDateline(in: lines.joined(separator: separator)), "\(separator.debugDescription)")
        }
        #expect(!Dateline.hasAgencyDateline(in: "Officials said on Monday KYIV, March 2 (Reuters) - nothing"))
        #expect(!Dateline.hasAgencyDateline(in: "KYIV, March 2 - Russian forces (no agency)"))
        let late = Array(repeating: "A line (Reuters) of text.", count: 400) + ["KYIV, March 2 (Reuters) - Late."]
        #expect(!Dateline.hasAgencyDateline(in: late.joined(separator: "\n")))
        #expect(Dateline.hasAgencyDateline(in: late.dropFirst().joined(separator: "\n")))
    }
}
