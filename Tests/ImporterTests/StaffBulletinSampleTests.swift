import Foundation
import Testing
import DiglotImporting
import DiglotModel
import DiglotTestSupport
import StaffBulletinImporter

/// Samples/staff-bulletin/: bulletins we wrote in every format, with golden output; `invalid-*` samples
/// must fail with the message in `<name>.error.txt`.
@Suite struct StaffBulletinSampleTests {
    static var samples: [URL] {
        GoldenFile.samples(for: StaffBulletinImporter.identifier).filter { !$0.lastPathComponent.hasSuffix(".error.txt") }
    }

    /// Deltas that disagree are named with their signs as written: "+13", "+0", and a negative one with its
    /// minus only.
    @Test func deltaMismatchesNameBothChangesWithTheirSigns() {
        let id = DocumentID(rawValue: "d1")
        func figure(_ delta: Int?) -> Figure {
            Figure(documentID: id, date: "2024-03-01", category: .tank, total: 6_700, delta: delta, qualifier: nil, language: .ukrainian)
        }
        for (ours, theirs, expected) in [(13, 2, "tank: change +13 in the original, +2 in the rendering"),
                                         (0, -2, "tank: change +0 in the original, -2 in the rendering"),
                                         (-5, 7, "tank: change -5 in the original, +7 in the rendering")] {
            let report = BulletinPairing.fidelity(original: [figure(ours)], rendering: [figure(theirs)])
            #expect(report.issues.map(\.message) == [expected])
            #expect(report.status == .mismatch)
        }
    }

    @Test func everyFormatHasASample() {
        let names = Self.samples.map(\.lastPathComponent)
        #expect(names.count >= 14)
        for needed in ["telegram", "forwarded", "milgov-uk", "milgov-en", "bilingual", "early-2022", "number-separators",
                       "invalid"] {
            #expect(names.contains { $0.contains(needed) }, "no sample for \(needed)")
        }
    }

    @Test(arguments: samples) func sampleMatchesItsGoldenFile(_ sample: URL) throws {
        let name = sample.lastPathComponent
        let input = ImportInput(bytes: try Data(contentsOf: sample), fileName: name)
        let confidence = StaffBulletinImporter.confidence(for: input)
        #expect(confidence >= (name.hasPrefix("invalid") ? 0.5 : 0.9), "\(name) is not recognised")
        if name.hasPrefix("invalid") {
            let expected = try String(contentsOf: sample.deletingLastPathComponent()
                .appendingPathComponent(name + ".error.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(throws: ImportError.self) { try GoldenFile.run(StaffBulletinImporter.self, on: sample) }
            do {
                _ = try GoldenFile.run(StaffBulletinImporter.self, on: sample)
            } catch {
                #expect("\(error)" == expected)
            }
            return
        }
        let batch = try GoldenFile.run(StaffBulletinImporter.self, on: sample)
        #expect(batch.validationProblems().isEmpty)
        #expect(!batch.figures.isEmpty)
        if let difference = try GoldenFile.compare(batch, input: sample) { Issue.record("\(difference)") }
    }

    @Test func forwardedCommentaryIsItsOwnPassageAndNeverAFigure() throws {
        let batch = try run("forwarded-ru-commentary-2022-05-20.txt")
        let commentary = batch.passages.filter { $0.role == .commentary }
        #expect(commentary.count == 1)
        #expect(commentary.first?.language == .russian)
        #expect(batch.documents.first?.language == .ukrainian)
        #expect(batch.figures.count == 13)
        #expect(batch.figures.allSatisfy { $0.passageID != commentary.first?.id })
        #expect(batch.figures.first { $0.category == .airDefense }?.delta == nil)
    }

    @Test func bilingualListGivesTwoPairedDocuments() throws {
        let batch = try run("bilingual-list-2024-02-16.txt")
        #expect(batch.documents.map(\.language) == [.ukrainian, .english])
        #expect(Set(batch.documents.map { $0.metadata["bulletin_date"] }) == ["2024-02-16"])
        let documentPair = try #require(batch.pairs.first)
        #expect(documentPair.method == .bilingualList && documentPair.confidence == 1)
        #expect(documentPair.fidelity.status == .ok)
        let linePairs = batch.pairs.dropFirst()
        #expect(linePairs.count == 14)
        #expect(linePairs.allSatisfy { $0.parent == documentPair.id })
        let english = batch.passages.filter { $0.documentID == batch.documents[1].id && $0.role == .figureLine }
        #expect(english.first?.text == "personnel ‒ близько 400300 (+1210) persons")
        #expect(english.contains { $0.text == "ships / boats ‒ 25 (+0) units" })
        #expect(batch.figures.filter { $0.language == .english }.count == 14)
    }

    @Test func sameDayUkrainianAndEnglishPagesPairWhicheverComesFirst() throws {
        let uk = try records(run("milgov-uk-2022-10-01.html"))
        let en = try records(run("milgov-en-2022-10-01.html"))
        let a = try BulletinPairing.pair(uk, en)
        let b = try BulletinPairing.pair(en, uk)
        #expect(a.documentPair == b.documentPair)
        #expect(a.documentPair.original == .document(uk.document.id))
        #expect(a.documentPair.method == .sameBulletin && a.documentPair.fidelity.status == .ok)
        #expect(a.linePairs.count == 13)
        var altered = en
        altered.figures = en.figures.map { figure in
            var figure = figure
            if figure.category == .tank { figure.total = 2345 }
            return figure
        }
        let mismatch = try BulletinPairing.pair(altered, uk)
        #expect(mismatch.documentPair.fidelity.status == .mismatch)
        #expect(mismatch.documentPair.fidelity.issues.map(\.subject) == ["tank"])
        #expect(mismatch.linePairs.filter { $0.fidelity.status == .mismatch }.count == 1)
        #expect(throws: BulletinPairing.Problem.self) { try BulletinPairing.pair(uk, uk) }
    }

    @Test func theSameBulletinFromTelegramAndFromTheSiteIsOneDocument() throws {
        let page = try run("milgov-uk-2022-10-01.html")
        let text = """
        🔥 Загальні бойові #втрати противника з 24.02 по 01.10 орієнтовно склали:
        • танків ‒ 2354 (+16)
        • гелікоптерів – 226 (+1)
        """
        let post = try StaffBulletinImporter(configuration: .default)
            .read(ImportInput(bytes: Data(text.utf8), fileName: "post.txt"))
        #expect(post.documents.first?.id == page.documents.first?.id)
    }

    func run(_ name: String) throws -> ImportBatch {
        try GoldenFile.run(StaffBulletinImporter.self, on: TestPaths.samples.appendingPathComponent("staff-bulletin/\(name)"))
    }

    func records(_ batch: ImportBatch) throws -> BulletinRecords {
        let document = try #require(batch.documents.first)
        return BulletinRecords(document: document, passages: batch.passages.filter { $0.documentID == document.id },
                               figures: batch.figures.filter { $0.documentID == document.id })
    }
}
