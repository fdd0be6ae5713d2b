import ArgumentParser
import Foundation
import DiglotImporters
import DiglotImporting
import DiglotKit
import DiglotModel

extension Diglot {
    /// `diglot import [--importer ID] [--json] PATH...`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import files, directories (recursively) or standard input (-) into the archive.",
            discussion: "Each file is imported in one transaction; a file already imported is a duplicate. A file that fails is reported and the others are still imported (exit status 1)."
        )

        @OptionGroup var options: ArchiveOptions
        @OptionGroup var pluginOptions: PluginOptions

        @Option(help: ArgumentHelp("Use this importer instead of detecting one (see `diglot importers`).", valueName: "id"))
        var importer: String?

        @Flag(help: "Print one JSON object summarising the import.")
        var json = false

        @Option(help: ArgumentHelp("Refuse files larger than this many bytes (default 67108864, 64 MiB).", valueName: "bytes"))
        var maxFileSize = ImporterConfiguration.default.maximumInputBytes

        @Option(help: ArgumentHelp("Refuse HTML/XML nesting elements deeper than this (default 256).", valueName: "levels"))
        var maxDepth = ImporterConfiguration.default.maximumNestingDepth

        @Option(help: ArgumentHelp("Refuse XML whose entities would expand past this many bytes (default 1048576, 1 MiB).", valueName: "bytes"))
        var maxEntityExpansion = ImporterConfiguration.default.maximumEntityExpansion

        @Argument(help: ArgumentHelp("Files or directories to import; - reads standard input.", valueName: "path"))
        var paths: [String]

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Name at least one file or directory to import.") }
            if paths.contains("-") && importer == nil {
                throw ValidationError("Reading standard input (-) needs --importer ID, since there is no file name to detect a format from.")
            }
            for (name, value) in [("--max-file-size", maxFileSize), ("--max-depth", maxDepth),
                                  ("--max-entity-expansion", maxEntityExpansion)] where value < 1 {
                throw ValidationError("\(name) must be at least 1 (got \(value)).")
            }
        }

        /// The limits every importer honours, from the options.
        var configuration: ImporterConfiguration {
            ImporterConfiguration(maximumInputBytes: maxFileSize, maximumNestingDepth: maxDepth,
                                  maximumEntityExpansion: maxEntityExpansion)
        }

        func run() throws {
            let catalog = pluginOptions.catalog()
            if let importer, catalog.importer(id: importer) == nil {
                let known = catalog.importers.map(\.identifier)
                throw ValidationError("No importer is called \"\(importer)\"; available: \(known.isEmpty ? "none" : known.joined(separator: ", ")).")
            }
            let archive = try options.open()
            defer { ArchiveOptions.close(archive) }
            var progress: ImportPipeline.Progress?
            if Console.stderrIsTerminal {
                progress = { done, total, path in
                    Console.progress(path.isEmpty ? "" : "[\(done + 1)/\(total)] \(path)")
                }
            }
            let summary = archive.importer(catalog: catalog, configuration: configuration)
                .run(paths: paths, importerID: importer, progress: progress)
            for error in summary.errors { Console.error(error.message) }
            if json {
                try Console.json(summary)
            } else {
                var line = "Imported \(summary.imported) of \(summary.files) files: \(summary.documents) new documents, \(summary.pairs) new pairs"
                var notes: [String] = []
                if summary.duplicates > 0 { notes.append("\(summary.duplicates) already in the archive") }
                if summary.failed > 0 { notes.append("\(summary.failed) failed") }
                if !summary.skipped.isEmpty { notes.append("\(summary.skipped.count) skipped") }
                if !notes.isEmpty { line += " (" + notes.joined(separator: ", ") + ")" }
                Console.print(line + ".")
                for note in summary.skipped { Console.print("skipped: \(note.message)") }
            }
            if !summary.succeeded { throw ExitCode(1) }
        }
    }
}
