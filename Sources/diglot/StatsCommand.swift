import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot stats [--json]`
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count documents, pairs and figures, by language and kind.")

        @OptionGroup var options: ArchiveOptions

        @Flag(help: "One JSON object.")
        var json = false

        func run() throws {
            let stats = try options.open().stats()
            if json { try Console.json(stats); return }
            Console.print("Documents: \(stats.documents) (from \(stats.sources) sources, \(stats.passages) passages)")
            Console.print("Pairs:     \(stats.pairs)")
            Console.print("Figures:   \(stats.figures)")
            Console.print("By language: " + Self.counts(stats.languages))
            Console.print("By kind:     " + Self.counts(stats.kinds))
        }

        static func counts(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "-" : counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ")
        }
    }
}
