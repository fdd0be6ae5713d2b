import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot figures [--from DATE] [--to DATE] [--category C] [--json|--csv|--check]`
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "figures",
            abstract: "List dated figures (loss bulletin lines); a delta the bulletin did not state is empty.",
            discussion: """
                --check reports, one line each, days whose total minus the previous day's total differs from the                 stated delta, totals that decrease, and language versions or sources that disagree. Findings are                 data, not failures: the exit status is 0 whatever it finds.
                """)

        @OptionGroup var options: ArchiveOptions

        @Option(help: ArgumentHelp("From this day on (YYYY-MM-DD).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Up to this day (YYYY-MM-DD).", valueName: "date"))
        var to: String?

        @Option(help: ArgumentHelp("Only this category (personnel, tank, artillery…).", valueName: "C"))
        var category: String?

        @Flag(help: "One JSON object a line.")
        var json = false

        @Flag(help: "CSV with a header line.")
        var csv = false

        @Flag(help: "Check the series: stated deltas, decreasing totals, versions that disagree (exit 0 either way).")
        var check = false

        func validate() throws {
            if json && csv { throw ValidationError("Choose one of --json and --csv.") }
            if check && csv { throw ValidationError("--check prints lines or --json, not --csv.") }
            let start = try Parsing.day(from, option: "--from")
            let end = try Parsing.day(to, option: "--to")
            if let start, let end, start > end { throw ValidationError("--from \(start) is after --to \(end).") }
            _ = try Parsing.category(category)
        }

        func run() throws {
            let archive = try options.open()
            if check { return try runCheck(archive) }
            let figures = try archive.figures(from: try Parsing.day(from, option: "--from"),
                                              to: try Parsing.day(to, option: "--to"),
                                              category: try Parsing.category(category))
            let writer = JSONLinesWriter(handle: .standardOutput)
            if csv { try writer.writeLine(FigureListing.csvHeader) }
            for figure in figures {
                if json { try writer.write(figure) }
                else if csv { try writer.writeLine(figure.csvRow) }
                else {
                    let delta = figure.delta.map { "(+\($0))" } ?? "(no delta stated)"
                    let qualifier = figure.qualifier.map { " \($0)" } ?? ""
                    try writer.writeLine("\(figure.date)  \(figure.language)  \(figure.category):\(qualifier) \(figure.total) \(delta)")
                }
            }
            try writer.flush()
        }

        private func runCheck(_ archive: DiglotArchive) throws {
            let findings = try archive.checkFigures(from: try Parsing.day(from, option: "--from"),
                                                    to: try Parsing.day(to, option: "--to"),
                                                    category: try Parsing.category(category))
            let writer = JSONLinesWriter(handle: .standardOutput)
            for finding in findings {
                if json { try writer.write(finding) } else { try writer.writeLine(finding.line) }
            }
            try writer.flush()
        }
    }
}
