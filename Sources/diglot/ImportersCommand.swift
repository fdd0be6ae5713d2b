import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot importers [--json]`
    struct Importers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "importers", abstract: "List the built-in importers and the external ones found (--plugins, $DIGLOT_PLUGINS, $PATH).")

        @OptionGroup var options: ArchiveOptions
        @OptionGroup var pluginOptions: PluginOptions

        @Flag(help: "One JSON object a line: id, summary, kind.")
        var json = false

        func run() throws {
            let importers = DiglotArchive.importers(catalog: pluginOptions.catalog())
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
