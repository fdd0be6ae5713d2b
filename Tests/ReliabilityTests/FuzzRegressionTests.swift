import Foundation
import Testing
import DiglotAnalysis
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotLanguage
import DiglotStore
import DiglotTestSupport
import DiglotXML

/// Replays every input libFuzzer ever found crashing, leaking or timing out (fuzz/crashes/TARGET/, committed)
/// through the real code the target drives: the importer of that module through the import pipeline, or
/// DiglotXML, the text decoder and the store's search for the other targets. Each must now end in a result
/// or a clear error, within a time limit.
struct FuzzRegressionTests {
    static let crashes = TestPaths.packageRoot.appendingPathComponent("fuzz/crashes")

    /// Every committed crash input as (target, file).
    static func inputs() -> [(target: String, file: URL)] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? []
        return targets.sorted().flatMap { target in
            let folder = crashes.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }
                .map { (target, folder.appendingPathComponent($0)) }
        }
    }

    @Test func everyCommittedCrashInputNowEndsCleanly() throws {
        let inputs = Self.inputs()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-fuzz-replay-\(UUID().uuidString)")
        let archive = try ScratchArchive(in: folder, name: "replay")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = archive.store
        var outcomes: [String] = []
        for (target, file) in inputs {
            let data = try Data(contentsOf: file)
            let outcome = TimeLimit.run(60) { Self.replay(target: target, data: data, name: file.lastPathComponent, store: store) }
            #expect(outcome != nil, "\(target)/\(file.lastPathComponent) took over 60 s")
            outcomes.append("\(target)/\(file.lastPathComponent): \(outcome ?? "HANG")")
        }
        #expect(try archive.store.verify().isEmpty)
        print("fuzz regression inputs replayed: \(inputs.count)" + outcomes.map { "\n  " + $0 }.joined())
    }

    /// Runs one input through what its target drives; returns how it ended, in words.
    static func replay(target: String, data: Data, name: String, store: ArchiveStore) -> String {
        switch target {
        case "xml":
            return describe { _ = try MarkupDocument.xml(data, fileName: name).root?.text }
        case "html":
            return describe { _ = try MarkupDocument.html(data, fileName: name, encoding: nil).root?.text }
        case "decoder":
            return describe { _ = LanguageDetector.detect(try TextDecoder.decode(data).text) }
        case "query":
            return describe { _ = try store.search(SearchRequest(text: String(decoding: data, as: UTF8.self))) }
        default:
            guard let importer = BuiltinImporters.all.first(where: { String(reflecting: $0).hasPrefix(target + ".") }) else {
                return "no built-in importer in module \(target)"
            }
            let pipeline = ImportPipeline(store: store, catalog: ImporterCatalog(importers: [AnyImporter(importer)]))
            for fileName in ["\(name).html", "\(name).txt", "\(name).xml", "\(name).tmx", name] {
                _ = describe { _ = try pipeline.importBytes(data, fileName: fileName, importerID: importer.identifier) }
            }
            return "read under five file names"
        }
    }

    private static func describe(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "read"
        } catch {
            return "refused: \(error)"
        }
    }
}
