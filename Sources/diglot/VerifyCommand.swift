import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot verify`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the archive: SQLite integrity and every stored source against its SHA-256.",
            discussion: "Exit status 0 when the archive is sound; otherwise each problem is listed and the status is 1.")

        @OptionGroup var options: ArchiveOptions

        func run() throws {
            let archive = try options.open()
            let problems = try archive.verify()
            if problems.isEmpty {
                let stats = try archive.stats()
                Console.print("\(options.path) is sound: \(stats.sources) sources verified, \(stats.documents) documents.")
                return
            }
            for problem in problems { Console.print(problem) }
            Console.error("\(options.path) has \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
