import Foundation
import DiglotImporting
import DiglotModel

/// One `diglot-import-<id>` executable, run out of process under limits (protocol v1, docs/importer-protocol.md).
///
/// An import runs the executable with the raw bytes on stdin and `--file-name NAME --media-type TYPE` as
/// arguments, reads JSON Lines from stdout, routes `item` lines through the built-in importers, and validates
/// the whole result. The file imports only if all of it is valid: any failure (time limit, output limit,
/// non-zero exit, a signal, a malformed line, a dangling reference) throws and returns nothing.
///
/// ```swift
/// let importer = ExternalImporter(executable: url, description: described, limits: .init(), itemCatalog: .builtin)
/// let batch = try importer.read(ImportInput(bytes: data, fileName: "result.json"))
/// ```
public struct ExternalImporter: Sendable {
    public let executable: URL
    public let description: ExternalImporterDescription
    public let limits: ExternalImporterLimits
    /// The importers `item` lines are routed through (the built-in ones: an item never goes to a plugin).
    public let itemCatalog: ImporterCatalog
    /// The environment the plugin runs in.
    public let environment: [String: String]

    public init(executable: URL, description: ExternalImporterDescription, limits: ExternalImporterLimits,
                itemCatalog: ImporterCatalog, environment: [String: String]) {
        self.executable = executable
        self.description = description
        self.limits = limits
        self.itemCatalog = itemCatalog
        self.environment = environment
    }

    /// This importer behind the pipeline's wrapper, kind `.external`.
    public var anyImporter: AnyImporter {
        let importer = self
        return AnyImporter(
            identifier: description.id, summary: description.summary, version: description.version,
            mediaTypes: description.mediaTypes, kind: .external,
            confidence: { input in
                importer.description.confidence(fileName: input.fileName, declaredMediaType: input.declaredMediaType,
                                                 head: input.bytes.prefix(ExternalImporterDescription.markerWindow))
            },
            read: { input, configuration in try importer.read(input, configuration: configuration) })
    }

    private var name: String { "external importer \(description.id) (\(executable.path))" }

    /// Runs the plugin over `input`.
    /// - Throws: `ImportError` naming the file and the plugin: it overran a limit, crashed, exited non-zero,
    ///   wrote something that is not protocol output, or wrote records that do not hold together.
    public func read(_ input: ImportInput, configuration: ImporterConfiguration = .default) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("the file has \(input.bytes.count) bytes, more than the limit of \(configuration.maximumInputBytes)")
        }
        let baseName = (input.fileName as NSString).lastPathComponent
        let mediaType = input.declaredMediaType ?? Self.mediaType(forExtension: input.fileExtension)
        let result: PluginProcess.Result
        do {
            result = try PluginProcess.run(
                executable: executable, arguments: ["--file-name", baseName, "--media-type", mediaType],
                input: input.bytes, environment: environment,
                limits: .init(timeLimit: limits.timeLimit, outputLimit: limits.outputLimit))
        } catch let failure as PluginProcess.LaunchFailure {
            throw input.error("\(name) could not be started: \(failure.description)")
        }
        try check(result, input: input)
        let output: ExternalOutput
        do {
            output = try ExternalOutput(parsing: result.output)
        } catch let problem as ExternalOutput.LineProblem {
            throw input.error("\(name) wrote invalid output: line \(problem.line) \(problem.message); nothing was imported")
        }
        var batch = try assemble(output, input: input, configuration: configuration)
        batch.upgradeLegacyPassageIDs()
        let problems = batch.validationProblems()
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count > 2 ? "s" : ""))" : ""
            throw input.error("\(name) wrote records that do not hold together: \(first)\(more); nothing was imported")
        }
        guard !batch.documents.isEmpty else {
            throw input.error("\(name) found no documents in the file")
        }
        return batch
    }

    private func check(_ result: PluginProcess.Result, input: ImportInput) throws {
        let said = result.lastErrorLine.map { ": \"\($0)\"" } ?? ""
        switch result.outcome {
        case .exited(0):
            return
        case .exited(let code):
            throw input.error("\(name) failed with exit status \(code)\(said); nothing was imported")
        case .signalled(let signal):
            throw input.error("\(name) crashed (signal \(signal))\(said); nothing was imported")
        case .timedOut:
            throw input.error("\(name) ran longer than the \(Self.format(limits.timeLimit)) s time limit and was stopped; nothing was imported")
        case .outputTooLarge:
            throw input.error("\(name) wrote more than the \(limits.outputLimit) byte output limit and was stopped; nothing was imported")
        case .ioFailure(let reason):
            throw input.error("\(name) could not be run to the end: \(reason); nothing was imported")
        }
    }

    /// Records as written, plus every item read by the built-in importer that recognises it.
    private func assemble(_ output: ExternalOutput, input: ImportInput,
                          configuration: ImporterConfiguration) throws -> ImportBatch {
        var records: [ArchiveRecord] = []
        var warnings: [String] = []
        var routed = ImportBatch()
        var itemIndex = 0
        for (number, line) in output.lines {
            switch line {
            case .record(let record):
                if case .document(let document) = record, let source = document.sourceID, source != input.sourceID {
                    throw input.error("\(name) wrote invalid output: line \(number) names source \(source), not this file's \(input.sourceID); nothing was imported")
                }
                records.append(record)
            case .warning(let message):
                warnings.append(message)
            case .item(let item):
                itemIndex += 1
                let batch = try ItemRouter(pluginName: name, catalog: itemCatalog)
                    .read(item, index: itemIndex, line: number, outer: input, configuration: configuration)
                let known = Set(routed.documents.map(\.id))
                if let repeated = batch.documents.first(where: { known.contains($0.id) }) {
                    warnings.append("item \(itemIndex) (line \(number)) repeats document \(repeated.id) and was skipped")
                    continue
                }
                routed.append(batch)
            }
        }
        var batch = ImportBatch(records: records, warnings: warnings)
        batch.append(routed)
        return batch
    }

    /// A media type for a file extension, when the caller declared none.
    static func mediaType(forExtension ext: String) -> String {
        switch ext {
        case "json": "application/json"
        case "jsonl", "ndjson": "application/x-ndjson"
        case "html", "htm": "text/html"
        case "xml": "application/xml"
        case "txt", "text": "text/plain"
        case "csv": "text/csv"
        default: "application/octet-stream"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
