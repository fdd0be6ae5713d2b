import ArgumentParser
import Foundation
import DiglotExport
import DiglotKit
import DiglotModel

extension Diglot {
    /// `diglot export --format tmx|xliff|jsonl|csv|moses [filters] [--output PATH]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export pairs as TMX 1.4b, XLIFF 2.1, JSON Lines, CSV or Moses parallel text.",
            discussion: """
                The original is the source, the rendering the target. Without --output the export goes to \
                standard output (Moses needs --output PATH and writes PATH.<source> and PATH.<target>). Files \
                are written under a temporary name and put in place only when the export is complete. A \
                summary line goes to standard error.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case tmx, xliff, jsonl, csv, moses }

        @OptionGroup var options: ArchiveOptions

        @Option(help: "The export format: tmx, xliff, jsonl, csv or moses.")
        var format: Format

        @Option(help: ArgumentHelp("Only pairs whose original is in this language (uk, ru, en).", valueName: "L"))
        var sourceLang: String?

        @Option(help: ArgumentHelp("Only pairs whose rendering is in this language.", valueName: "L"))
        var targetLang: String?

        @Option(help: ArgumentHelp("Write here instead of standard output (Moses: PATH.<source>, PATH.<target>).",
                                   valueName: "path"))
        var output: String?

        @Flag(help: "Start the CSV with a UTF-8 byte-order mark (for spreadsheet programs that need one).")
        var bom = false

        @Option(help: ArgumentHelp("Only pairs whose original was published on or after this day.", valueName: "YYYY-MM-DD"))
        var from: String?

        @Option(help: ArgumentHelp("Only pairs whose original was published on or before this day.", valueName: "YYYY-MM-DD"))
        var to: String?

        @Option(help: ArgumentHelp("Only pairs whose original is of this kind (tweet, wire-report, staff-bulletin, article).",
                                   valueName: "K"))
        var kind: String?

        @Option(help: ArgumentHelp("Only pairs found this way (same-bulletin, bilingual-list, embedded-quote, tmx, manual…).",
                                   valueName: "M"))
        var method: String?

        @Option(help: ArgumentHelp("Only pairs at least this confident (0 to 1).", valueName: "X"))
        var minConfidence: Double?

        @Option(help: ArgumentHelp("Only pairs whose fidelity check found nothing wrong: ok.", valueName: "ok"))
        var fidelity: String?

        @Option(help: ArgumentHelp("Only the pairs of this search's hits (the best 1000 documents and their partners).",
                                   valueName: "words"))
        var query: String?

        func validate() throws {
            _ = try filter()
            if format == .moses && output == nil {
                throw ValidationError("--format moses writes two files, PATH.<source> and PATH.<target>; give --output PATH.")
            }
            if bom && format != .csv { throw ValidationError("--bom applies to --format csv only.") }
            if let query, query.trimmingWhitespace().isEmpty {
                throw ValidationError("--query needs some words to search for.")
            }
            if let output, output.isEmpty || output.hasSuffix("/") {
                throw ValidationError("--output \"\(output)\" is not a file path.")
            }
        }

        /// The filters the options describe, each checked with a sentence the user understands.
        func filter() throws -> ExportFilter {
            let from = try Parsing.day(from, option: "--from"), to = try Parsing.day(to, option: "--to")
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to).") }
            if let minConfidence, !(0...1).contains(minConfidence) {
                throw ValidationError("--min-confidence \(minConfidence) is outside 0...1.")
            }
            if let fidelity, fidelity != "ok" {
                throw ValidationError("--fidelity \"\(fidelity)\" is not supported; the only value is ok (pairs whose check found nothing wrong).")
            }
            if let method, method.isEmpty || !method.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
                throw ValidationError("--method \"\(method)\" is not a pairing method; use a name such as same-bulletin, embedded-quote, tmx or manual.")
            }
            return ExportFilter(from: from, to: to, kind: try Parsing.kind(kind), method: method.map(PairMethod.init(rawValue:)),
                                minimumConfidence: minConfidence, fidelityOK: fidelity != nil,
                                sourceLanguage: try Parsing.language(sourceLang, option: "--source-lang"),
                                targetLanguage: try Parsing.language(targetLang, option: "--target-lang"))
        }

        func exportFormat(_ filter: ExportFilter) -> any ExportFormat {
            switch format {
            case .tmx: TMXFormat(sourceLanguage: filter.sourceLanguage)
            case .xliff: XLIFFFormat(sourceLanguage: filter.sourceLanguage, targetLanguage: filter.targetLanguage)
            case .jsonl: JSONLinesFormat()
            case .csv: CSVFormat(bom: bom)
            case .moses: MosesFormat(sourceLanguage: filter.sourceLanguage, targetLanguage: filter.targetLanguage)
            }
        }

        func run() throws {
            let archive = try options.open()
            let filter = try filter()
            let files = output.map(ExportFiles.init(path:))
            let summary: ExportSummary
            do {
                summary = try archive.export(format: exportFormat(filter), filter: filter, query: query,
                                             to: files?.destination ?? .standardOutput)
                try files?.commit()
            } catch {
                files?.discard()
                Console.error("\(error)")
                throw ExitCode(1)
            }
            var line = "Exported \(summary.pairs) pairs (\(summary.units) units) to "
                + (files.map { $0.paths.joined(separator: " and ") } ?? "standard output")
            if let files, files.paths.isEmpty {
                line = "Exported no pairs, so no file: nothing named the languages of \(files.path).<source> and "
                    + ".<target>; give --source-lang and --target-lang"
            }
            if summary.skippedUnits > 0 {
                line += "; \(summary.skippedUnits) aligned units with one empty side left out"
            }
            FileHandle.standardError.write(Data((line + ".\n").utf8))
        }
    }
}
