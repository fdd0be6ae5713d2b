import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot figures [--from DATE] [--to DATE] [--category C] [--json|--csv]`
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List dated figures (loss bulletin lines); a delta the bulletin did not state is empty.")

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

        func validate() throws {
            if json && csv { throw ValidationError("Choose one of --json and --csv.") }
            let start = try Parsing.day(from, option: "--from")
            let end = try Parsing.day(to, option: "--to")
            if let start, let end, start > end { throw ValidationError("--from \(start) is after --to \(end).") }
            _ = try Parsing.category(category)
        }

        func run() throws {
            let archive = try options.open()
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
    }
}
