import Foundation
import Testing
import DiglotImporting
import DiglotImporters
import DiglotModel
import DiglotTestSupport
import TMXImporter

@Suite struct TMXImporterTests {
    static var samples: [URL] {
        GoldenFile.samples(for: TMXImporter.identifier).filter { !$0.lastPathComponent.hasSuffix(".error.txt") }
    }

    @Test func samplesExist() {
        #expect(Self.samples.filter { !$0.lastPathComponent.contains("invalid") }.count >= 3)
        #expect(Self.samples.filter { $0.lastPathComponent.contains("invalid") }.count >= 6)
    }

    @Test(arguments: samples.filter { !$0.lastPathComponent.contains("invalid") })
    func validSampleMatchesGolden(_ sample: URL) throws {
        #expect(TMXImporter.confidence(for: ImportInput(bytes: try Data(contentsOf: sample), fileName: sample.lastPathComponent)) == 0.95)
        let batch = try GoldenFile.run(TMXImporter.self, on: sample)
        #expect(batch.validationProblems().isEmpty, "\(batch.validationProblems())")
        if let difference = try GoldenFile.compare(batch, input: sample) { Issue.record("\(difference)") }
    }

    @Test(arguments: samples.filter { $0.lastPathComponent.contains("invalid") })
    func invalidSampleIsRefusedWithItsMessage(_ sample: URL) throws {
        let expectedFile = sample.deletingLastPathComponent().appendingPathComponent(sample.lastPathComponent + ".error.txt")
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let batch = try GoldenFile.run(TMXImporter.self, on: sample)
            Issue.record("\(sample.lastPathComponent) was accepted with \(batch.documents.count) documents")
        } catch let error as ImportError {
            #expect(error.description == expected)
            #expect(error.file == sample.lastPathComponent)
        }
    }

    @Test func foreignMemoryBecomesOneDocumentPairPerDirection() throws {
        let sample = TestPaths.samples.appendingPathComponent("tmx/corpus-ru-en.tmx")
        let batch = try GoldenFile.run(TMXImporter.self, on: sample)
        #expect(batch.documents.map(\.language) == [.russian, .english])
        #expect(batch.pairs.count == 1 && batch.pairs[0].method == .tmx)
        #expect(batch.alignedUnits.map(\.originalText) == [
            "Москва, 12 апреля.", "Об этом сообщило агентство в среду.", "Цены и тарифы снова выросли.",
        ])
        #expect(batch.alignedUnits[2].renderingText == "Prices & tariffs rose again.")
        #expect(batch.alignedUnits[1].renderingText == "The agency reported it on Wednesday.")
        #expect(batch.warnings.count == 1 && batch.warnings[0].contains("tu 4"))
    }

    @Test func detectionLooksAtTheRootElement() {
        func confidence(_ text: String, _ name: String = "x.xml") -> Double {
            TMXImporter.confidence(for: ImportInput(bytes: Data(text.utf8), fileName: name))
        }
        #expect(confidence("<?xml version=\"1.0\"?>\n<!-- memory -->\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">") == 0.95)
        #expect(confidence("<html><body>tmx</body></html>", "page.tmx") == 0)
        #expect(confidence("<tmxish/>") == 0)
        // A comment holding markup is skipped whole; one never closed, or a declaration never closed, is no TMX.
        #expect(confidence("\u{FEFF}<!-- <html> -- > -->\n<?pi a>b?>\n<tmx version=\"1.4\">") == 0.95)
        #expect(confidence("Київ <!-- коментар --><tmx>") == 0.95)
        #expect(confidence("<!-- <tmx> never closed") == 0)
        #expect(confidence("<?xml version=\"1.0\"") == 0)
        #expect(ImporterCatalog.builtin.importer(id: "tmx") != nil)
    }
}
