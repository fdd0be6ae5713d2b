import ArgumentParser
import Foundation
import DiglotImporters

/// Where external importers (`diglot-import-<id>` executables) are looked for, shared by the commands that
/// import or list importers.
struct PluginOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A folder holding external importers (diglot-import-<id>); repeatable. Also searched: $DIGLOT_PLUGINS, then $PATH.",
        valueName: "dir"))
    var plugins: [String] = []

    /// The built-in importers followed by every usable external one; plugins that cannot describe themselves
    /// are reported on stderr and left out.
    func catalog() -> ImporterCatalog {
        var catalog = ImporterCatalog.builtin
        let found = ExternalImporters.discover(directories: plugins.map { URL(fileURLWithPath: $0) },
                                               environment: ProcessInfo.processInfo.environment)
        for problem in found.problems { Console.error(problem) }
        catalog.add(found.importers)
        return catalog
    }
}
