import Foundation
import Testing
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotModel
import DiglotStore

@Suite struct ImportPipelineTests {
    private let catalog = ImporterCatalog(importers: [AnyImporter(NoteImporter.self)])

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func aDirectoryImportsEveryFileItCanAndNamesTheOneThatFailed() throws {
        let archive = try TemporaryArchive()
        let input = archive.file("in")
        try write("key: uk-1\nlang: uk\nЗнищено 40 танків", to: input.appendingPathComponent("a.note"))
        try write("key: en-1\nlang: en\nForty tanks destroyed\npair: uk-1 > en-1", to: input.appendingPathComponent("sub/b.note"))
        try write("key: x\nfail", to: input.appendingPathComponent("sub/bad.note"))
        try write("binary?", to: input.appendingPathComponent("picture.bin"))
        let pipeline = ImportPipeline(store: archive.store, catalog: catalog)
        let summary = pipeline.run(paths: [input.path])
        #expect(summary.files == 4)
        #expect(summary.imported == 2 && summary.failed == 1 && summary.documents == 2 && summary.pairs == 1)
        #expect(summary.errors.map(\.path) == [input.appendingPathComponent("sub/bad.note").path])
        #expect(summary.errors.first?.message.contains("bad.note:2: the note asks to fail") == true)
        #expect(summary.skipped.map(\.path) == [input.appendingPathComponent("picture.bin").path])
        let again = pipeline.run(paths: [input.path])
        #expect(again.duplicates == 2 && again.imported == 0 && again.documents == 0)
    }

    /// A file too large to journal in memory (`WriteGroup.inMemoryJournalRowLimit`) between small ones: the
    /// group is committed before it and after it, every file is imported and reported, and a pair across the
    /// kinds of transaction still links.
    @Test func aFileTooLargeForAnInMemoryJournalImportsBetweenSmallOnes() throws {
        let archive = try TemporaryArchive()
        let input = archive.file("in")
        let paragraphs = (0...WriteGroup.inMemoryJournalRowLimit).map { "Paragraph \($0): shelling near Kharkiv." }
        try write("key: uk-1\nlang: uk\nЗнищено 40 танків", to: input.appendingPathComponent("a.note"))
        try write("key: big\nlang: en\n" + paragraphs.joined(separator: "\n"), to: input.appendingPathComponent("b.note"))
        try write("key: en-1\nlang: en\nForty tanks destroyed\npair: uk-1 > en-1", to: input.appendingPathComponent("c.note"))
        let summary = ImportPipeline(store: archive.store, catalog: catalog).run(paths: [input.path])
        #expect(summary.files == 3 && summary.imported == 3 && summary.failed == 0)
        #expect(summary.documents == 3 && summary.pairs == 1)
        #expect(try archive.store.statistics().passages == paragraphs.count + 2)
        #expect(try archive.store.verify().isEmpty)
    }

    @Test func anExplicitUnrecognisedFileOrMissingPathFails() throws {
        let archive = try TemporaryArchive()
        let bin = archive.file("picture.bin")
        try write("binary?", to: bin)
        let summary = ImportPipeline(store: archive.store, catalog: catalog)
            .run(paths: [bin.path, archive.file("absent.note").path])
        #expect(summary.failed == 2)
        let messages = Dictionary(uniqueKeysWithValues: summary.errors.map { ($0.path, $0.message) })
        #expect(messages[bin.path] == "no importer recognises \(bin.path); tried: note")
        #expect(messages[archive.file("absent.note").path] == "\(archive.file("absent.note").path) does not exist")
    }

    /// Bytes that are not text get the decoding reason first, not just the list of importers that passed.
    @Test func anUnrecognisedFileThatIsNotTextSaysWhy() throws {
        let archive = try TemporaryArchive()
        let page = archive.file("broken.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<html><body><p>Forty tanks\0</p>\0</body></html>".utf8).write(to: page)
        let summary = ImportPipeline(store: archive.store, catalog: catalog).run(paths: [page.path])
        let message = try #require(summary.errors.first?.message)
        #expect(message.hasPrefix("no importer recognises \(page.path): the text contains NUL bytes"), "\(message)")
        let readable = archive.file("plain.bin")
        try write("just some words", to: readable)
        let other = try #require(ImportPipeline(store: archive.store, catalog: catalog).run(paths: [readable.path]).errors.first?.message)
        #expect(other.hasPrefix("no importer recognises") || other.contains(": no importer recognises"), "\(other)")
    }

    @Test func symbolicLinksNeverLeaveTheDirectoryOrLoop() throws {
        let archive = try TemporaryArchive()
        let input = archive.file("in")
        try write("key: inside\nlang: en\ninside text", to: input.appendingPathComponent("a.note"))
        try write("key: outside\nlang: en\noutside text", to: archive.file("outside.note"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("loop").path, withDestinationPath: input.path)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("out.note").path,
                                  withDestinationPath: archive.file("outside.note").path)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("again.note").path,
                                  withDestinationPath: input.appendingPathComponent("a.note").path)
        let summary = ImportPipeline(store: archive.store, catalog: catalog).run(paths: [input.path])
        #expect(summary.imported == 1 && summary.duplicates == 1 && summary.failed == 0)
        #expect(Set(summary.skipped.map { ($0.path as NSString).lastPathComponent }) == ["loop", "out.note"])
        #expect(try archive.store.statistics().documents == 1)
    }

    @Test func standardInputNeedsAForcedImporterAndHonoursTheSizeLimit() throws {
        let archive = try TemporaryArchive()
        var configuration = ImporterConfiguration.default
        configuration.maximumInputBytes = 64
        let pipeline = ImportPipeline(store: archive.store, catalog: catalog, configuration: configuration)
        let small = pipeline.run(paths: ["-"], importerID: "note", standardInput: { Data("key: s\nlang: en\nshort".utf8) })
        #expect(small.imported == 1)
        let big = pipeline.run(paths: ["-"], importerID: "note", standardInput: { Data(repeating: 0x41, count: 65) })
        #expect(big.failed == 1 && big.errors.first?.message.contains("over the limit of 64 bytes") == true)
        let unknown = pipeline.run(paths: ["-"], importerID: "nope", standardInput: { Data("x".utf8) })
        #expect(unknown.errors.first?.message.contains("no importer is called \"nope\"") == true)
    }

    @Test func kitResultsHaveTheDocumentedJSONShapes() throws {
        let archive = try TemporaryArchive()
        let input = archive.file("pair.note")
        try write("key: uk-1\nlang: uk\ntitle: Втрати\nЗнищено 40 танків\n---\nkey: en-1\nlang: en\nForty tanks destroyed\npair: uk-1 > en-1",
                  to: input)
        let kit = DiglotArchive(store: archive.store)
        #expect(kit.importer(catalog: catalog).run(paths: [input.path]).imported == 1)
        func keys<T: Encodable>(_ value: T) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: try ArchiveJSON.encoder().encode(value)) as? [String: Any]
            return Set(object?.keys.map { $0 } ?? [])
        }
        let hit = try #require(try kit.search("танків").first)
        #expect(try keys(hit) == ["document", "language", "kind", "title", "published", "snippet", "score", "match", "pairs"])
        #expect(hit.pairs.first?.language == "en")
        let detail = try #require(try kit.show(hit.document))
        #expect(try keys(detail).isSuperset(of: ["document", "text", "metadata", "passages", "pairs", "source",
                                                 "language", "declared_language"]))
        #expect(try keys(try #require(detail.source)).isSuperset(of: ["path", "sha256", "importer", "importer_version"]))
        var pairs: [PairListing] = []
        try kit.forEachPair { pairs.append($0) }
        #expect(try keys(try #require(pairs.first)).isSuperset(of: ["pair", "method", "confidence", "original", "rendering", "fidelity"]))
        #expect(pairs.first?.original.text == "Знищено 40 танків")
        #expect(try keys(kit.stats()).isSuperset(of: ["documents", "pairs", "figures", "languages", "kinds"]))
        #expect(try keys(try #require(try kit.list().first)) == ["document", "kind", "language", "title", "published", "source"])
        let figure = FigureListing(Figure(documentID: DocumentID(naturalKey: "b"), date: "2022-07-08", category: .tank,
                                          total: 1637, delta: nil, qualifier: nil, language: .ukrainian))
        #expect(try ArchiveJSON.line(figure).contains("\"delta\":null"))
        #expect(figure.csvRow.hasPrefix("2022-07-08,tank,1637,,,uk,"))
    }
}
