import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot pair [--window DAYS] [--threshold X] [--json]`, `diglot pair --link ORIGINAL RENDERING`,
    /// `diglot pair --unlink PAIR`
    struct PairCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pair",
            abstract: "Find originals and their renderings among the documents that arrived since the last run.",
            discussion: """
                Each run examines only documents imported since the previous run, pairs them against the whole \
                archive within the date window, aligns and checks the pairs it keeps, and checks the fidelity of \
                importer pairs not checked yet. --link and --unlink curate by hand; no later run undoes them.
                """)

        @OptionGroup var options: ArchiveOptions

        @Option(help: ArgumentHelp("Look for partners published within ± this many days.", valueName: "days"))
        var window = 3

        @Option(help: ArgumentHelp("Keep pairs whose confidence is at least this (0…1).", valueName: "x"))
        var threshold = 0.5

        @Option(parsing: .upToNextOption,
                help: ArgumentHelp("Pair these two documents or passages by hand (original first).",
                                   valueName: "original rendering"))
        var link: [String] = []

        @Option(help: ArgumentHelp("Remove this pair for good: no later run re-creates it.", valueName: "pair"))
        var unlink: String?

        @Flag(help: "One JSON object.")
        var json = false

        func validate() throws {
            if !link.isEmpty && link.count != 2 { throw ValidationError("--link takes two ids: ORIGINAL RENDERING.") }
            if !link.isEmpty && unlink != nil { throw ValidationError("Choose one of --link and --unlink.") }
            if window < 0 { throw ValidationError("--window must be 0 or more days.") }
            if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1.") }
        }

        func run() throws {
            let archive = try options.open()
            defer { ArchiveOptions.close(archive) }
            do {
                if link.count == 2 {
                    let pair = try archive.link(original: link[0], rendering: link[1])
                    if json { try Console.json(pair); return }
                    Console.print("linked \(pair.pair): \(pair.original.document) (\(pair.original.language)) → \(pair.rendering.document) (\(pair.rendering.language)), fidelity \(pair.fidelity.status)")
                    for issue in pair.fidelity.issues { Console.print("  \(issue.severity): \(issue.message)") }
                } else if let unlink {
                    let pair = try archive.unlink(pair: unlink)
                    if json { try Console.json(["unlinked": pair.id.rawValue]); return }
                    Console.print("unlinked \(pair.id): \(pair.original) → \(pair.rendering); no later run re-creates it")
                } else {
                    let summary = try archive.pair(windowDays: window, threshold: threshold)
                    if json { try Console.json(summary); return }
                    Console.print("examined \(summary.examined) new documents; found \(summary.found) pairs, saved \(summary.pairs)"
                        + " (\(summary.keptOut) kept out by curation or stored pairs, \(summary.displaced) earlier pairs replaced);"
                        + " checked the fidelity of \(summary.checked) pairs")
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }
}
