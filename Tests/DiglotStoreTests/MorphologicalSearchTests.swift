import Foundation
import GRDB
import Testing
import DiglotAnalysis
import DiglotModel
@testable import DiglotStore

/// The archive's default search: morphological analysis, the vocabulary table, tiers, pairs, dates.
@Suite struct MorphologicalSearchTests {
    static let bulletin = Fixture.document("m:uk", .ukrainian, "Втрати ворога: знищено сім танків у Харкові.",
                                           kind: .staffBulletin, title: "Загальні бойові втрати")
    static let rendering = Fixture.document("m:en", .english, "Enemy losses: seven tanks destroyed in Kharkiv.",
                                            kind: .staffBulletin, title: "Combat losses")
    static let inflected = Fixture.document("m:uk2", .ukrainian, "Один танк підбито біля Харкова.", title: "Зведення")

    static func freshDictionaries() throws -> MorphologyDictionaries {
        try MorphologyDictionaries(ukrainian: .debian("uk_UA"), russian: .debian("ru_RU"))
    }

    static func write(_ store: ArchiveStore, _ documents: [Document], pairs: [Pair] = [], name: String = "m") throws {
        _ = try store.write(source: Fixture.source(name + documents.map(\.text).joined()),
                            batch: ImportBatch(documents: documents, pairs: pairs))
    }

    @Test func aSearchProcessReadsTheVocabularyAndLoadsNoDictionary() throws {
        let archive = try TemporaryArchive()
        try archive.store.close()
        let importing = try Self.freshDictionaries()
        let importer = try ArchiveStore(path: archive.path, analysis: .morphological(dictionaries: importing))
        try Self.write(importer, [Self.bulletin])
        #expect(importing.loadedCount > 0)
        let rows = try importer.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM vocabulary") ?? 0 }
        #expect(rows > 0)
        try importer.close()

        let searching = try Self.freshDictionaries()
        let searcher = try ArchiveStore(path: archive.path, analysis: .morphological(dictionaries: searching))
        let byLemma = try searcher.search(SearchRequest(text: "втратами"))
        #expect(byLemma.map(\.document) == [Self.bulletin.id])
        #expect(byLemma.first?.tier == .lemma)
        #expect(byLemma.first?.snippet.lowercased().contains("[втрати]") == true, "\(byLemma.first?.snippet ?? "")")
        #expect(try searcher.search(SearchRequest(text: "Kharkov")).map(\.document) == [Self.bulletin.id])
        #expect(try searcher.search(SearchRequest(text: "tanks")).map(\.document) == [Self.bulletin.id])
        #expect(searching.loadedCount == 0)
        try searcher.close()
    }

    @Test func exactFormsRankAboveLemmasAboveTranslations() throws {
        let archive = try TemporaryArchive()
        try Self.write(archive.store, [Self.bulletin, Self.inflected, Self.rendering])
        let hits = try archive.store.search(SearchRequest(text: "танків"))
        #expect(hits.map(\.document) == [Self.bulletin.id, Self.inflected.id, Self.rendering.id])
        #expect(hits.map(\.tier) == [.exact, .lemma, .translation])
        let english = try archive.store.search(SearchRequest(text: "tanks"))
        #expect(english.first?.document == Self.rendering.id)
        #expect(english.first?.tier == .exact)
        #expect(Set(english.dropFirst().map(\.document)) == [Self.bulletin.id, Self.inflected.id])
        #expect(english.dropFirst().allSatisfy { $0.tier == .translation })
    }

    /// The issue's own example: no document has both words, yet each half finds its document, after any that has both.
    @Test func documentsWithSomeOfTheWordsFollowThoseWithAll() throws {
        let archive = try TemporaryArchive()
        let tanksOnly = Fixture.document("m:tanks", .ukrainian, "На сході знищено вісім танків і дві гармати.", title: "Зведення")
        let kharkivOnly = Fixture.document("m:kharkiv", .ukrainian, "У Харкові вночі лунали вибухи.", title: "Новини")
        let neither = Fixture.document("m:none", .ukrainian, "Погода у Львові буде сонячною.", title: "Погода")
        try Self.write(archive.store, [Self.bulletin, tanksOnly, kharkivOnly, neither])
        let hits = try archive.store.search(SearchRequest(text: "tanks Kharkiv"))
        #expect(hits.first?.document == Self.bulletin.id)
        #expect(hits.first?.tier ?? .someWords < .someWords)
        #expect(Set(hits.dropFirst().map(\.document)) == [tanksOnly.id, kharkivOnly.id])
        #expect(hits.dropFirst().allSatisfy { $0.tier == .someWords })
        #expect(hits.dropFirst().allSatisfy { $0.snippet.contains("[") }, "\(hits.map(\.snippet))")
    }

    @Test func aHitBringsThePartnerOfItsPair() throws {
        let archive = try TemporaryArchive()
        let pair = Pair(original: .document(Self.bulletin.id), rendering: .document(Self.rendering.id),
                        method: .sameBulletin, confidence: 0.9)
        try Self.write(archive.store, [Self.bulletin, Self.rendering], pairs: [pair])
        let hit = try #require(try archive.store.search(SearchRequest(text: "втратами", language: .ukrainian)).first)
        #expect(hit.document == Self.bulletin.id)
        let partner = try #require(hit.pairs.first)
        #expect(partner.document == Self.rendering.id)
        #expect(partner.title == "Combat losses")
        #expect(partner.snippet.contains("[losses]"), "the partner matches through the glossary: \(partner.snippet)")
        let other = try #require(try archive.store.search(SearchRequest(text: "сім", language: .ukrainian)).first)
        #expect(other.pairs.first?.snippet.hasPrefix("Enemy losses") == true, "no match: its opening words")
    }

    @Test func datesFilterOnThePublishedDay() throws {
        let archive = try TemporaryArchive()
        var early = Self.bulletin
        early.published = PublishedDate(year: 2022, month: 5, day: 10)
        var late = Self.inflected
        late.published = PublishedDate(year: 2024, month: 1, day: 2)
        try Self.write(archive.store, [early, late])
        #expect(try archive.store.search(SearchRequest(text: "танк", from: "2023-01-01")).map(\.document) == [late.id])
        #expect(try archive.store.search(SearchRequest(text: "танк", to: "2022-05-10")).map(\.document) == [early.id])
        #expect(try archive.store.search(SearchRequest(text: "танк", from: "2022-05-11", to: "2023-12-31")).isEmpty)
    }

    @Test func exclusionAndOrReachLemmasAndNames() throws {
        let archive = try TemporaryArchive()
        try Self.write(archive.store, [Self.bulletin, Self.inflected, Self.rendering])
        #expect(try archive.store.search(SearchRequest(text: "танк -Харків")).isEmpty)
        let either = try archive.store.search(SearchRequest(text: "\"сім танків\" OR підбито"))
        #expect(Set(either.map(\.document)) == [Self.bulletin.id, Self.inflected.id])
    }

    /// A rolled-back import writes no vocabulary row; its analyses wait for the next committed import.
    @Test func aRolledBackImportLeavesNoVocabulary() throws {
        struct Rollback: Error {}
        let archive = try TemporaryArchive()
        let store = archive.store
        store.vocabulary.record([WordAnalysis(word: "втратами", lemmas: ["втрата"], names: [], stem: "втрат")])
        #expect(throws: Rollback.self) {
            try store.pool.write { db in
                try store.vocabulary.flush(db)
                throw Rollback()
            }
        }
        let count = { try store.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM vocabulary") ?? 0 } }
        #expect(try count() == 0)
        #expect(store.vocabulary.pendingCount == 1)
        try Self.write(store, [Self.inflected])
        #expect(store.vocabulary.pendingCount == 0)
        #expect(try store.reading { db in
            try String.fetchOne(db, sql: "SELECT lemmas FROM vocabulary WHERE word = 'втратами'")
        } == "втрата|")
    }

    /// An archive indexed by an older build (surface forms, no vocabulary) is rebuilt when opened.
    @Test func anOlderArchiveIsReindexedWithTheMorphologicalAnalyzer() throws {
        let archive = try TemporaryArchive()
        try archive.store.close()
        let old = try ArchiveStore(path: archive.path, analysis: .basic)
        try Self.write(old, [Self.bulletin])
        #expect(try old.search(SearchRequest(text: "втратами")).isEmpty)
        try old.pool.write { db in
            try PassageIndexMigrationTests.restorePassageIndex(db)
            try db.execute(sql: """
                DROP TABLE vocabulary;
                DROP TABLE term_documents;
                DELETE FROM grdb_migrations WHERE identifier IN ('v3-search-vocabulary', 'v4-term-statistics', 'v6-passage-ids-by-document',
                                                                 'v5-explicit-index-writes');
                PRAGMA user_version = 2;
                """)
        }
        try old.close()
        let reopened = try ArchiveStore(path: archive.path)
        #expect(try reopened.schemaVersion() == ArchiveSchema.version)
        #expect(try reopened.search(SearchRequest(text: "втратами")).map(\.document) == [Self.bulletin.id])
        #expect(try reopened.search(SearchRequest(text: "Kharkov")).map(\.document) == [Self.bulletin.id])
        #expect(!reopened.vocabulary.analyses(for: ["втрати"]).isEmpty)
        try reopened.close()
    }
}
