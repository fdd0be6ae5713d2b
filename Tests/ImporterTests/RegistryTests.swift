import Foundation
import Testing
import DiglotImporters
import DiglotImporting
import DiglotTestSupport

/// The built-in registry's contract: unique ids, and every importer proven on samples we wrote.
///
/// The golden-sample test runs every registered importer over every file in its `Samples/<id>/`, so an
/// importer added to `BuiltinImporters.all` is covered without touching this file. A sample whose name
/// contains "invalid" or "bad" must be refused; its `<name>.error.txt` holds the expected error sentence.
@Suite struct RegistryTests {
    @Test func identifiersAreUnique() {
        let ids = BuiltinImporters.all.map { $0.identifier }
        #expect(Set(ids).count == ids.count, "duplicate importer ids in \(ids)")
        #expect(ids.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() && !$0.contains(" ") })
    }

    @Test func everyImporterHasAGoldenSample() {
        for importer in BuiltinImporters.all {
            let samples = GoldenFile.samples(for: importer.identifier)
            let golden = samples.filter { FileManager.default.fileExists(atPath: GoldenFile.path(for: $0).path) }
            #expect(!golden.isEmpty, "importer \(importer.identifier) has no sample with a golden file in Samples/\(importer.identifier)/")
        }
    }

    @Test(arguments: RegistryTests.allSamples())
    func goldenSample(_ sample: RegistrySample) throws {
        let importer = try #require(BuiltinImporters.all.first { $0.identifier == sample.importerID })
        if sample.expectsFailure {
            let errorFile = sample.url.deletingLastPathComponent()
                .appendingPathComponent(sample.url.lastPathComponent + ".error.txt")
            do {
                let batch = try GoldenFile.run(importer, on: sample.url)
                Issue.record("\(sample) was expected to fail but produced \(batch.documents.count) document(s)")
            } catch let error as ImportError {
                let actual = error.description + "\n"
                if ProcessInfo.processInfo.environment["DIGLOT_UPDATE_GOLDEN"] == "1" {
                    try actual.write(to: errorFile, atomically: true, encoding: .utf8)
                } else {
                    let expected = try? String(contentsOf: errorFile, encoding: .utf8)
                    #expect(expected == actual, "\(errorFile.lastPathComponent): expected \(expected ?? "<missing>"), got \(actual)")
                }
            }
            return
        }
        let batch = try GoldenFile.run(importer, on: sample.url)
        #expect(batch.validationProblems().isEmpty, "\(sample): \(batch.validationProblems())")
        if let difference = try GoldenFile.compare(batch, input: sample.url) { Issue.record("\(sample): \(difference)") }
    }

    static func allSamples() -> [RegistrySample] {
        BuiltinImporters.all.flatMap { importer in
            GoldenFile.samples(for: importer.identifier).map { RegistrySample(importerID: importer.identifier, url: $0) }
        }
    }
}

/// One sample file of one importer, named in test output as `id/file`.
struct RegistrySample: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    let importerID: String
    let url: URL

    /// Samples named "invalid..." or "bad..." must be refused with the error their `.error.txt` holds.
    var expectsFailure: Bool {
        let name = url.lastPathComponent.lowercased()
        return name.contains("invalid") || name.contains("bad")
    }

    var description: String { "\(importerID)/\(url.lastPathComponent)" }
    var testDescription: String { description }
}
