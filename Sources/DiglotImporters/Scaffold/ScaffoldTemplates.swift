/// The files `ImporterScaffold` writes, as text with `__NAME__` (the module name stem, `MinistryRss`) and
/// `__ID__` (the importer id, `ministry-rss`) placeholders.
///
/// The importer reads a simple real format, a "Key: value" header then paragraphs, so that a new importer
/// starts from working code with a passing golden test, and is changed from there.
enum ScaffoldTemplates {
    static let importer = #"""
import DiglotImporting
import DiglotLanguage
import DiglotModel

/// Reads `__ID__` files: "Key: value" header lines, a blank line, then paragraphs separated by blank lines.
///
/// ```
/// Title: Grain corridor reopens
/// Date: 2022-08-21
/// URL: https://example.org/grain
/// Language: en
///
/// The first paragraph...
/// ```
/// `Title` is required; `Author`, `Publisher`, `Date` (ISO 8601), `URL` and `Language` fill the document's
/// fields; any other header lands in the document's metadata under its lowercased name.
public struct __NAME__Importer: Importer {
    public static let identifier = "__ID__"
    public static let summary = "__ID__ files: a \"Key: value\" header, then paragraphs"
    public static let version = "1"
    public static let mediaTypes = ["text/plain"]

    public static func confidence(for input: ImportInput) -> Double {
        input.fileName.hasSuffix(".__ID__") ? 0.9 : 0
    }

    public init(configuration: ImporterConfiguration) {}

    public func read(_ input: ImportInput) throws -> ImportBatch {
        let lines = try input.text().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var headers: [String: String] = [:]
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            guard let colon = lines[index].firstIndex(of: ":") else {
                throw input.error("expected \"Key: value\" in the header, found \"\(lines[index])\"", line: index + 1)
            }
            let key = lines[index][..<colon].lowercased()
            headers[key] = lines[index][lines[index].index(after: colon)...].trimmingCharacters(in: .whitespaces)
            index += 1
        }
        guard let title = headers["title"], !title.isEmpty else { throw input.error("the header has no Title") }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines[index...] {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        guard !paragraphs.isEmpty else { throw input.error("there is no text after the header") }
        var published: PublishedDate?
        if let date = headers["date"] {
            guard let parsed = PublishedDate(iso: date) else { throw input.error("the Date \"\(date)\" is not ISO 8601") }
            published = parsed
        }
        let id = DocumentID(naturalKey: headers["url"] ?? "__ID__:\(input.sourceID.rawValue)")
        let language = LanguageDetector.detect(([title] + paragraphs).joined(separator: "\n"))
        var builder = PassageBuilder(documentID: id, language: language)
        builder.append(title, role: .headline)
        for paragraph in paragraphs { builder.append(paragraph, role: .paragraph) }
        let (text, passages) = builder.finish()
        let known: Set<String> = ["title", "author", "publisher", "date", "url", "language"]
        let document = Document(
            id: id, kind: .article, language: language, declaredLanguage: headers["language"].map { LanguageTag(bcp47: $0) },
            title: title, author: headers["author"], publisher: headers["publisher"], published: published,
            canonicalURL: headers["url"], text: text, metadata: headers.filter { !known.contains($0.key) })
        return ImportBatch(documents: [document], passages: passages)
    }
}

"""#

    static let tests = #"""
import Foundation
import Testing
import __NAME__Importer
import DiglotImporting
import DiglotTestSupport

/// `__ID__` samples against their golden files, and the errors bad input gets.
@Suite struct __NAME__ImporterTests {
    @Test(arguments: GoldenFile.samples(for: "__ID__"))
    func sampleMatchesGolden(_ sample: URL) throws {
        let batch = try GoldenFile.run(__NAME__Importer.self, on: sample)
        #expect(batch.validationProblems().isEmpty)
        if let difference = try GoldenFile.compare(batch, input: sample) { Issue.record("\(difference)") }
    }

    @Test func recognisesItsFilesOnly() {
        #expect(__NAME__Importer.confidence(for: ImportInput(bytes: Data("Title: x\n\ny".utf8), fileName: "a.__ID__")) > 0.5)
        #expect(__NAME__Importer.confidence(for: ImportInput(bytes: Data("Title: x\n\ny".utf8), fileName: "a.txt")) == 0)
    }

    @Test func aHeaderWithoutTitleIsRefused() throws {
        let input = ImportInput(bytes: Data("Author: someone\n\nText.\n".utf8), fileName: "bad.__ID__")
        let error = try #require(throws: ImportError.self) { try __NAME__Importer(configuration: .default).read(input) }
        #expect(error.description == "bad.__ID__: the header has no Title")
    }
}

"""#

    static let sample = """
Title: Grain ships leave Odesa under the corridor deal
Author: Diglot scaffold
Date: 2022-08-21
URL: https://example.org/__ID__/grain-ships
Language: en
Section: economy

Three more ships carrying Ukrainian grain left the port of Odesa on Sunday, the ministry of infrastructure said.

The corridor, agreed in July, is meant to ease food shortages in countries that depend on Ukrainian wheat
and maize.

"""
}
