import ArgumentParser

/// `diglot`: a translation-aware archive for multilingual reporting.
@main
struct Diglot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diglot",
        abstract: "A translation-aware archive: import sources, find originals and their renderings, search, export.",
        discussion: """
            The archive is ./diglot.sqlite unless --archive PATH or DIGLOT_ARCHIVE says otherwise.
            Exit status: 0 success, 1 some input failed (the rest was done), 64 usage error.
            """,
        subcommands: [Import.self, Importers.self, Importer.self, Search.self, Show.self, List.self, Pairs.self, PairCommand.self, Figures.self,
                      Export.self, Stats.self, Verify.self, Compact.self]
    )
}
