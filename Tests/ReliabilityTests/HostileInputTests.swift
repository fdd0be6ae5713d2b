import Foundation
import Testing
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotStore

/// Issue 9, hostile and broken input: every input of `HostileCorpus` goes through the real `ImportPipeline`,
/// once with detection over the built-in importers (what `diglot import` does), once forced through each
/// built-in importer (`--importer ID`), and once through `ProbeImporter` (DiglotXML and TextDecoder
/// directly, whatever importers have landed). Each must end in a correct import or an error naming the
/// file, within a time limit, with bounded memory; afterwards the archive verifies, what it held before
/// is unchanged, no local file leaked into it and nothing connected to the witness port.
@Suite(.serialized)
struct HostileInputTests {
    /// One way of running the pipeline.
    struct Mode {
        var label: String
        var catalog: ImporterCatalog
        var importerID: String?
        /// A test reader or detection may leave a case unrecognised; a forced importer may refuse a format
        /// it does not read.
        var mayRefuseText: Bool
        var runsLargeCases: Bool
    }

    static var modes: [Mode] {
        let builtin = ImporterCatalog.builtin
        var modes = [Mode(label: "auto", catalog: builtin, importerID: nil, mayRefuseText: false, runsLargeCases: true),
                     Mode(label: "probe", catalog: ImporterCatalog(importers: [AnyImporter(ProbeImporter.self)]),
                          importerID: "probe", mayRefuseText: false, runsLargeCases: true)]
        for importer in builtin.importers {
            modes.append(Mode(label: importer.identifier, catalog: builtin, importerID: importer.identifier,
                              mayRefuseText: true, runsLargeCases: false))
        }
        return modes
    }

    @Test(.timeLimit(.minutes(30)))
    func everyHostileInputEndsInAnImportOrAClearError() throws {
        let corpus = try HostileCorpus(large: true)
        var table = OutcomeTable()
        var problems: [String] = []
        for mode in Self.modes {
            let archive = try ScratchArchive(in: corpus.folder, name: "hostile-\(mode.label)")
            let baseline = try archive.importBaseline()
            let pipeline = ImportPipeline(store: archive.store, catalog: mode.catalog)
            for hostile in corpus.cases where mode.runsLargeCases || !hostile.large {
                let row = Self.run(hostile, mode: mode, pipeline: pipeline, archive: archive)
                table.rows.append(row)
                problems += row.problems.map { "[\(mode.label)] \(hostile.name): \($0)" }
            }
            problems += try archive.problemsAfterwards(baseline: baseline).map { "[\(mode.label)] \($0)" }
            let leaks = try archive.inspector.occurrences(of: corpus.secretMarker)
            if !leaks.isEmpty { problems.append("[\(mode.label)] the secret file's marker reached the archive: \(leaks)") }
            try archive.store.close()
        }
        let connections = corpus.listener.connectionsSoFar()
        if connections > 0 { problems.append("\(connections) connection(s) reached 127.0.0.1:\(corpus.listener.port)") }
        print(table.render(title: "Hostile inputs: \(corpus.cases.count) inputs × \(Self.modes.count) modes"))
        print("hostile inputs: \(table.rows.count) runs, \(table.count("imported")) imported, \(table.count("refused")) refused, "
              + "\(table.count("skipped")) skipped, \(table.count("duplicate")) duplicate, \(table.count("HANG")) hung; "
              + "secret leaks: none found=\(problems.allSatisfy { !$0.contains("secret") }), connections: \(connections)")
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.joined(separator: "\n")))
    }

    /// Runs one case in one mode and judges how it ended.
    static func run(_ hostile: HostileCorpus.Case, mode: Mode, pipeline: ImportPipeline, archive: ScratchArchive) -> OutcomeTable.Row {
        ProcessMemory.resetPeak()
        let started = Date()
        let limit: TimeInterval = hostile.large ? 900 : 90
        let summary = TimeLimit.run(limit) { pipeline.run(paths: hostile.paths, importerID: mode.importerID) }
        var row = OutcomeTable.Row(input: hostile.name, mode: mode.label, seconds: Date().timeIntervalSince(started),
                                   peakMiB: ProcessMemory.peakMiB())
        guard let summary else {
            row.outcome = "HANG (over \(Int(limit)) s)"
            row.problems.append("no result within \(Int(limit)) s")
            return row
        }
        row.outcome = OutcomeTable.describe(summary)
        let notes = summary.errors + summary.skipped
        for note in notes where !note.message.contains(hostile.nameHint) && !note.path.contains(hostile.nameHint) {
            row.problems.append("a message does not name the file: \(note.message)")
        }
        for note in notes where note.message.isEmpty { row.problems.append("an empty message for \(note.path)") }
        let memoryBound: Double = hostile.large ? 3072 : 1024
        if row.peakMiB > memoryBound { row.problems.append("peak memory \(Int(row.peakMiB)) MiB over \(Int(memoryBound)) MiB") }
        switch hostile.expectation {
        case .refused:
            // A forced text importer (`--importer article` on an XML bomb) may keep the bytes as literal text;
            // what it must never do is expand them.
            let inputBytes = hostile.paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +)
            let texts = hostile.paths.flatMap { (try? archive.inspector.documentTexts(fileName: $0)) ?? [] }
            let literal = mode.mayRefuseText && texts.allSatisfy { $0.utf8.count <= inputBytes }
            if summary.documents > 0 && !literal {
                row.problems.append("expected a refusal, but \(summary.documents) documents were imported (\(texts.map(\.utf8.count)) bytes of text from \(inputBytes))")
            }
        case .decodes(let expected):
            if summary.imported > 0 {
                let texts = (try? archive.inspector.documentTexts(fileName: hostile.paths[0])) ?? []
                if !texts.contains(where: { $0.precomposedStringWithCanonicalMapping.contains(expected) }) {
                    row.problems.append("imported, but no document holds \"\(expected)\" (decoded wrongly?): \(texts.map { String($0.prefix(80)) })")
                }
            } else if summary.duplicates == 0 {
                let unrecognised = notes.allSatisfy { $0.message.contains("no importer recognises") }
                if !(mode.mayRefuseText || (mode.label == "auto" && unrecognised)) {
                    row.problems.append("expected a correct import, got: \(notes.map(\.message))")
                }
            }
        case .importedOrRefused:
            break
        }
        return row
    }
}
