import ArgumentParser
import Foundation
import DiglotImporters

extension Diglot {
    /// `diglot importer new <id>`: tools for writing importers.
    struct Importer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importer",
            abstract: "Tools for adding a source: `diglot importer new <id>` scaffolds a built-in importer.",
            subcommands: [New.self]
        )

        /// `diglot importer new <id> [--package DIR]`
        struct New: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "new",
                abstract: "Create Plugins/<Name>Importer, its test file and Samples/<id>/ with a first sample and golden file.",
                discussion: "Nothing existing is edited: the command prints the one line to add to Package.swift and the one line to add to BuiltinImporters.swift."
            )

            @Argument(help: ArgumentHelp("The importer id, lowercase words joined by dashes (e.g. ministry-rss).", valueName: "id"))
            var id: String

            @Option(help: ArgumentHelp("The Diglot source tree (default: the current folder).", valueName: "dir"))
            var package: String = "."

            func run() throws {
                do {
                    let created = try ImporterScaffold.create(id: id, at: URL(fileURLWithPath: package))
                    Console.print(created.instructions)
                } catch {
                    Console.error("\(error)")
                    throw ExitCode(1)
                }
            }
        }
    }
}
