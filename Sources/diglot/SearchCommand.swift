import ArgumentParser
import DiglotKit
import DiglotModel

extension Diglot {
    /// `diglot search QUERY [--lang L] [--kind K] [--limit N] [--json]`
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search documents; every word must match, \"quoted words\" match as a phrase.",
            discussion: "Apostrophe variants (' ’ ʼ), letter case and grouped numbers (1 020 010, 1,020,010) match however they are written."
        )

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "The words to find.")
        var query: String

        @Option(name: .customLong("lang"), help: ArgumentHelp("Only documents in this language (uk, ru, en).", valueName: "L"))
        var language: String?

        @Option(help: ArgumentHelp("Only documents of this kind (tweet, wire-report, staff-bulletin, article).", valueName: "K"))
        var kind: String?

        @Option(help: "At most this many results.")
        var limit = 20

        @Flag(help: "One JSON object a line.")
        var json = false

        func validate() throws {
            _ = try Parsing.language(language, option: "--lang")
            _ = try Parsing.kind(kind)
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
            if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("Give some words to search for.") }
        }

        func run() throws {
            let archive = try options.open()
            let results = try archive.search(query, language: try Parsing.language(language, option: "--lang"),
                                             kind: try Parsing.kind(kind), limit: limit)
            for (index, result) in results.enumerated() {
                if json { try Console.json(result); continue }
                var heading = "\(index + 1). [\(result.language)] \(result.title ?? "(untitled \(result.kind))")"
                if let published = result.published { heading += " — \(published)" }
                Console.print(heading)
                Console.print("   \(result.document) \(result.kind), score \(result.score)")
                Console.print("   " + result.snippet.replacingOccurrences(of: "\n", with: " "))
                for partner in result.pairs { Console.print("   paired with \(partner.document) (\(partner.language))") }
            }
            if results.isEmpty && !json { Console.print("No documents match.") }
        }
    }
}
