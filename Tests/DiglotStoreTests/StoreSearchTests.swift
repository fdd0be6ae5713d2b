import Foundation
import Testing
import DiglotAnalysis
import DiglotModel
import DiglotStore

@Suite struct StoreSearchTests {
    private func archiveWithBulletins() throws -> (TemporaryArchive, Document, Document) {
        let archive = try TemporaryArchive()
        let uk = Fixture.document("bulletin:uk", .ukrainian, "Знищено об’єкт; особового складу ‒ близько 1 020 010 осіб.",
                                  kind: .staffBulletin, title: "Загальні бойові втрати")
        let en = Fixture.document("bulletin:en", .english, "Personnel: about 1,020,010 people. The object was destroyed.",
                                  kind: .staffBulletin, title: "Combat losses")
        let pair = Pair(original: .document(uk.id), rendering: .document(en.id), method: .sameBulletin, confidence: 0.95)
        _ = try archive.store.write(source: Fixture.source("bulletins"),
                                    batch: ImportBatch(documents: [uk, en], passages: [Fixture.passage(of: uk)], pairs: [pair]))
        return (archive, uk, en)
    }

    @Test(arguments: ["об'єкт", "обʼєкт", "Об’єкт", "ОБ`ЄКТ"])
    func apostropheVariantsFindTheSameWord(query: String) throws {
        let (archive, uk, _) = try archiveWithBulletins()
        let hits = try archive.store.search(SearchRequest(text: query))
        #expect(hits.map(\.document) == [uk.id])
        #expect(hits.first?.snippet.contains("[об’єкт]") == true)
    }

    @Test(arguments: ["1020010", "1 020 010", "1,020,010"])
    func groupedNumbersMatchHoweverWritten(query: String) throws {
        let (archive, uk, en) = try archiveWithBulletins()
        let hits = try archive.store.search(SearchRequest(text: query))
        #expect(Set(hits.map(\.document)) == [uk.id, en.id])
        let ukrainianOnly = try archive.store.search(SearchRequest(text: query, language: .ukrainian))
        #expect(ukrainianOnly.map(\.document) == [uk.id])
    }

    @Test func hitsCarryTheirPairsAndHighlightedSnippets() throws {
        let (archive, uk, en) = try archiveWithBulletins()
        let hit = try #require(try archive.store.search(SearchRequest(text: "personnel")).first)
        #expect(hit.document == en.id)
        #expect(hit.snippet.contains("[Personnel]"))
        #expect(hit.pairs.map(\.document) == [uk.id])
        #expect(hit.pairs.first?.language == .ukrainian)
        #expect(hit.score > 0)
    }

    @Test func aTitleMatchRanksAboveATextMatch() throws {
        let archive = try TemporaryArchive()
        let inText = Fixture.document("t", .english, "Losses rose again on the southern front, officials said.", title: "Evening update")
        let inTitle = Fixture.document("h", .english, "Officials gave new figures for the southern front.", title: "Losses")
        _ = try archive.store.write(source: Fixture.source("x"), batch: ImportBatch(documents: [inText, inTitle]))
        #expect(try archive.store.search(SearchRequest(text: "losses")).map(\.document) == [inTitle.id, inText.id])
    }

    @Test(arguments: ["\"", "танків\" OR", "NEAR(a b", "a:b * ^x", "AND", "-", "(", "''"])
    func strayQuotesAndOperatorsNeverRaise(query: String) throws {
        let (archive, _, _) = try archiveWithBulletins()
        do {
            _ = try archive.store.search(SearchRequest(text: query))
        } catch let refusal as SearchQueryError {
            #expect(refusal.description.hasPrefix("The query"))
        }
    }

    @Test func aQuotedPhraseMatchesOnlyInOrder() throws {
        let (archive, _, en) = try archiveWithBulletins()
        #expect(try archive.store.search(SearchRequest(text: "\"object was destroyed\"")).map(\.document) == [en.id])
        #expect(try archive.store.search(SearchRequest(text: "\"destroyed was object\"")).isEmpty)
    }

    /// An analyzer adding a colocated lemma: the store must pass it to FTS5 so the lemma finds the form.
    struct LemmaAnalyzer: TextAnalyzer {
        func indexTokens(_ text: String) -> [AnalyzedToken] {
            BasicAnalyzer.tokenize(text).flatMap { token -> [AnalyzedToken] in
                token.term == "танків" ? [token, AnalyzedToken(term: "танк", byteRange: token.byteRange, isColocated: true)] : [token]
            }
        }
        func queryTokens(_ text: String) -> [AnalyzedToken] { BasicAnalyzer.tokenize(text) }
    }

    @Test func anInjectedAnalyzerIndexesColocatedForms() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-lemma-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path, analyzer: LemmaAnalyzer())
        let doc = Fixture.document("d", .ukrainian, "знищено 40 танків")
        _ = try store.write(source: Fixture.source("d"), batch: ImportBatch(documents: [doc]))
        #expect(try store.search(SearchRequest(text: "танк")).map(\.document) == [doc.id])
        #expect(try store.search(SearchRequest(text: "танків")).first?.snippet.contains("[танків]") == true)
    }
}
