import ArgumentParser
import DiglotAnalysis
import DiglotKit
import DiglotModel

extension Diglot {
    /// `diglot search QUERY [--lang L] [--kind K] [--from DATE] [--to DATE] [--limit N] [--json]`
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search documents across languages and scripts; a hit brings the other sides of its pairs.",
            discussion: """
                Every word is required; "quoted words" match as a phrase, -word excludes, OR offers alternatives, \
                parentheses group. Inflected forms, names across scripts (Kharkiv, Харків, Харьков) and, through \
                the glossary, English words for Ukrainian and Russian ones all match; exact forms rank first, then \
                lemmas, names, translations. A query with nothing to search for is refused with a sentence (exit 2).
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "The words to find.")
        var query: String

        @Option(name: .customLong("lang"), help: ArgumentHelp("Only documents in this language (uk, ru, en).", valueName: "L"))
        var language: String?

        @Option(help: ArgumentHelp("Only documents of this kind (tweet, wire-report, staff-bulletin, article).", valueName: "K"))
        var kind: String?

        @Option(help: ArgumentHelp("Only documents published on or after this UTC day (YYYY-MM-DD).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Only documents published on or before this UTC day (YYYY-MM-DD).", valueName: "date"))
        var to: String?

        @Option(help: "At most this many results.")
        var limit = 20

        @Flag(help: "One JSON object a line.")
        var json = false

        @Option(help: ArgumentHelp("Rank at most the N most recently archived matches of each stage by BM25 (0: all of them).",
                                   valueName: "N"))
        var rankingWindow = DiglotArchive.defaultRankingWindow

        func validate() throws {
            _ = try Parsing.language(language, option: "--lang")
            _ = try Parsing.kind(kind)
            let start = try Parsing.day(from, option: "--from")
            let end = try Parsing.day(to, option: "--to")
            if let start, let end, start > end { throw ValidationError("--from \(start) is after --to \(end).") }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
            if rankingWindow < 0 { throw ValidationError("--ranking-window must be 0 (rank every match) or more.") }
            if query.trimmingWhitespace().isEmpty { throw ValidationError("Give some words to search for.") }
        }

        func run() throws {
            let archive = try options.open()
            let results: [SearchResult]
            do {
                results = try archive.search(query, language: try Parsing.language(language, option: "--lang"),
                                             kind: try Parsing.kind(kind), from: try Parsing.day(from, option: "--from"),
                                             to: try Parsing.day(to, option: "--to"), limit: limit,
                                             rankingWindow: rankingWindow)
            } catch let refusal as SearchQueryError {
                Console.error(refusal.description)
                throw ExitCode(2)
            }
            for note in DiglotArchive.queryNotes(query) { Console.error(note) }
            for (index, result) in results.enumerated() {
                if json { try Console.json(result); continue }
                show(result, number: index + 1)
            }
            if results.isEmpty && !json { Console.print("No documents match.") }
        }

        /// One hit and, indented beneath it, the other side of each of its pairs.
        private func show(_ result: SearchResult, number: Int) {
            var heading = "\(number). [\(result.language)] \(result.title ?? "(untitled \(result.kind))")"
            if let published = result.published { heading += " — \(published)" }
            Console.print(heading)
            Console.print("   \(result.document) \(result.kind), \(result.match) match, score \(result.score)")
            Console.print("   " + result.snippet.replacingOccurrences(of: "\n", with: " "))
            for partner in result.pairs {
                Console.print("   ⇄ [\(partner.language)] \(partner.title ?? "(untitled)") — \(partner.document)")
                Console.print("     " + partner.snippet.replacingOccurrences(of: "\n", with: " "))
            }
        }
    }
}
