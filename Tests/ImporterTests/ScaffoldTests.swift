import Foundation
import Testing
@testable import DiglotImporters
import DiglotModel
import DiglotTestSupport

/// The scaffold writes into a temporary package root (holding only a Package.swift), never the real tree.
@Suite struct ScaffoldTests {
    static func temporaryRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Package.swift"))
            .write(to: root.appendingPathComponent("Package.swift"))
        return root
    }

    @Test func createsModuleTestSampleAndGolden() throws {
        let root = try Self.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try ImporterScaffold.create(id: "ministry-rss", at: root)
        #expect(created.name == "MinistryRss")
        #expect(created.files == [
            "Plugins/MinistryRssImporter/MinistryRssImporter.swift",
            "Tests/ImporterTests/MinistryRssImporterTests.swift",
            "Samples/ministry-rss/first-sample.ministry-rss",
            "Samples/ministry-rss/first-sample.ministry-rss.golden.jsonl",
        ])
        #expect(created.packageLine == "\"MinistryRssImporter\",")
        #expect(created.registryLine == "MinistryRssImporter.self,")
        #expect(created.instructions.contains("import MinistryRssImporter"))
        let source = try String(contentsOf: root.appendingPathComponent(created.files[0]), encoding: .utf8)
        #expect(source.contains("public struct MinistryRssImporter: Importer"))
        #expect(source.contains("static let identifier = \"ministry-rss\""))
        #expect(!source.contains("__"))
        let tests = try String(contentsOf: root.appendingPathComponent(created.files[1]), encoding: .utf8)
        #expect(tests.contains("import MinistryRssImporter") && tests.contains("GoldenFile.samples(for: \"ministry-rss\")"))

        let golden = try String(contentsOf: root.appendingPathComponent(created.files[3]), encoding: .utf8)
        let records = try golden.split(separator: "\n").map {
            try ArchiveJSON.decoder().decode(ArchiveRecord.self, from: Data($0.utf8))
        }
        let batch = ImportBatch(records: records)
        #expect(batch.validationProblems().isEmpty)
        let document = try #require(batch.documents.first)
        #expect(document.title == "Grain ships leave Odesa under the corridor deal")
        #expect(document.canonicalURL == "https://example.org/ministry-rss/grain-ships")
        #expect(document.published?.description == "2022-08-21")
        #expect(document.language == .english)
        #expect(document.metadata == ["section": "economy"])
        #expect(batch.passages.map(\.role.rawValue) == ["headline", "paragraph", "paragraph"])
        #expect(batch.passages[2].text.hasPrefix("The corridor, agreed in July, is meant") && batch.passages[2].text.hasSuffix("maize."))
    }

    @Test func refusesBadIdsMissingPackageAndOverwrites() throws {
        let root = try Self.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ImporterScaffold.Failure.self) { try ImporterScaffold.create(id: "Bad Id", at: root) }
        #expect(throws: ImporterScaffold.Failure.self) { try ImporterScaffold.create(id: "7days", at: root) }
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: ImporterScaffold.Failure.self) { try ImporterScaffold.create(id: "notes", at: empty) }
        try ImporterScaffold.create(id: "notes", at: root)
        let again = try #require(throws: ImporterScaffold.Failure.self) { try ImporterScaffold.create(id: "notes", at: root) }
        #expect(again.description.contains("already exists"))
    }

    @Test func moduleNamesFromIds() {
        #expect(ImporterScaffold.moduleStem(for: "telegram-export") == "TelegramExport")
        #expect(ImporterScaffold.moduleStem(for: "news-24") == "News24")
    }
}
