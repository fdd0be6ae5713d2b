import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot pairs [--source-lang L] [--target-lang L] [--json]`
    struct Pairs: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pairs", abstract: "List originals and their renderings.")

        @OptionGroup var options: ArchiveOptions

        @Option(help: ArgumentHelp("Only pairs whose original is in this language.", valueName: "L"))
        var sourceLang: String?

        @Option(help: ArgumentHelp("Only pairs whose rendering is in this language.", valueName: "L"))
        var targetLang: String?

        @Flag(help: "One JSON object a line.")
        var json = false

        func validate() throws {
            _ = try Parsing.language(sourceLang, option: "--source-lang")
            _ = try Parsing.language(targetLang, option: "--target-lang")
        }

        func run() throws {
            let archive = try options.open()
            let writer = JSONLinesWriter(handle: .standardOutput)
            try archive.forEachPair(originalLanguage: try Parsing.language(sourceLang, option: "--source-lang"),
                                    renderingLanguage: try Parsing.language(targetLang, option: "--target-lang")) { pair in
                if json { try writer.write(pair); return }
                try writer.writeLine("\(pair.pair)  \(pair.method)  confidence \(pair.confidence)  fidelity \(pair.fidelity.status)")
                try writer.writeLine("  \(pair.original.language) \(pair.original.document): \(Self.excerpt(pair.original.text))")
                try writer.writeLine("  \(pair.rendering.language) \(pair.rendering.document): \(Self.excerpt(pair.rendering.text))")
                for issue in pair.fidelity.issues { try writer.writeLine("  \(issue.severity): \(issue.message)") }
            }
            try writer.flush()
        }

        static func excerpt(_ text: String) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return flat.count > 160 ? String(flat.prefix(159)) + "…" : flat
        }
    }
}
