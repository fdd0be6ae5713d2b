import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot importers [--json]`
    struct Importers: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the importers this build knows.")

        @OptionGroup var options: ArchiveOptions

        @Flag(help: "One JSON object a line: id, summary, kind.")
        var json = false

        func run() throws {
            let importers = DiglotArchive.importers()
            for importer in importers {
                if json {
                    try Console.json(importer)
                } else {
                    Console.print("\(importer.id)\t\(importer.kind)\t\(importer.summary)")
                }
            }
            if importers.isEmpty && !json { Console.print("No importers are installed.") }
        }
    }
}
