import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot list [--kind K] [--lang L] [--json]`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the documents in the archive, oldest import first.")

        @OptionGroup var options: ArchiveOptions

        @Option(help: ArgumentHelp("Only documents of this kind.", valueName: "K"))
        var kind: String?

        @Option(name: .customLong("lang"), help: ArgumentHelp("Only documents in this language.", valueName: "L"))
        var language: String?

        @Flag(help: "One JSON object a line: document, kind, language, title, published, source.")
        var json = false

        func validate() throws {
            _ = try Parsing.kind(kind)
            _ = try Parsing.language(language, option: "--lang")
        }

        func run() throws {
            let archive = try options.open()
            for listing in try archive.list(kind: try Parsing.kind(kind), language: try Parsing.language(language, option: "--lang")) {
                if json { try Console.json(listing); continue }
                Console.print([listing.document, listing.kind, listing.language, listing.published ?? "-",
                               listing.title ?? "(untitled)", listing.source ?? "-"].joined(separator: "\t"))
            }
        }
    }
}
