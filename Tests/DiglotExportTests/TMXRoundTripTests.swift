import Foundation
import Testing
import DiglotExport
import DiglotImporting
import DiglotModel
import TMXImporter

/// export(tmx) → `tmx` import → export(tmx) gives the same file.
@Suite struct TMXRoundTripTests {
    @Test func exportImportExportIsIdentical() throws {
        let items = Fixtures.all
        let (first, _) = try Fixtures.export(items, .tmx(creationDate: Fixtures.date))
        let batch = try TMXImporter(configuration: .default)
            .read(ImportInput(bytes: Data(first.utf8), fileName: "export.tmx"))
        #expect(batch.validationProblems().isEmpty, "\(batch.validationProblems())")
        #expect(batch.pairs.count == items.count && batch.pairs.allSatisfy { $0.method == .tmx })
        #expect(batch.alignedUnits.count == 2)
        let reimported = Self.exportItems(from: batch)
        let (second, summary) = try Fixtures.export(reimported, .tmx(creationDate: Fixtures.date))
        #expect(summary.units == Fixtures.unitCount(items))
        #expect(second == first)
        // And once more: a TMX that came from a TMX is stable.
        let again = try TMXImporter(configuration: .default).read(ImportInput(bytes: Data(second.utf8), fileName: "again.tmx"))
        #expect(try Fixtures.export(Self.exportItems(from: again), .tmx(creationDate: Fixtures.date)).0 == first)
    }

    @Test func importedRecordsCarryThePropsBack() throws {
        let (text, _) = try Fixtures.export([Fixtures.bulletin, Fixtures.wire], .tmx(creationDate: Fixtures.date))
        let batch = try TMXImporter(configuration: .default).read(ImportInput(bytes: Data(text.utf8), fileName: "x.tmx"))
        let original = try #require(batch.documents.first)
        #expect(original.language == .ukrainian && original.kind == .staffBulletin)
        #expect(original.published?.description == "2022-07-08")
        #expect(original.canonicalURL == "https://example.org/uk/2022-07-08")
        #expect(original.metadata[TMXProvenance.document] == Fixtures.bulletin.original.documentID.rawValue)
        #expect(original.metadata[TMXProvenance.method] == "same-bulletin")
        #expect(original.text == "Загальні бойові втрати противника.\nТанків ‒ 1637 (+35).")
        #expect(batch.passages.filter { $0.documentID == original.id }.map(\.role) == [.segment, .segment])
        #expect(batch.pairs[0].confidence == 0.97 && batch.pairs[0].fidelity.status == .ok)
        #expect(batch.pairs[1].fidelity.status == .warning)
        #expect(batch.documents[2].language == .russian && batch.documents[2].kind == .wireReport)
    }

    /// What the store does for an export: each pair with its two sides and its units.
    static func exportItems(from batch: ImportBatch) -> [ExportPair] {
        let documents = Dictionary(uniqueKeysWithValues: batch.documents.map { ($0.id, $0) })
        let passages = Dictionary(uniqueKeysWithValues: batch.passages.map { ($0.id, $0) })
        func side(_ side: PairSide) -> ExportSide {
            switch side {
            case .document(let id): return ExportSide(document: documents[id]!)
            case .passage(let id):
                let passage = passages[id]!
                return ExportSide(document: documents[passage.documentID]!, passage: passage)
            }
        }
        return batch.pairs.map { pair in
            ExportPair(pair: pair, original: side(pair.original), rendering: side(pair.rendering),
                       units: batch.alignedUnits.filter { $0.pairID == pair.id })
        }
    }
}
