import ArgumentParser
import Foundation
import DiglotKit

extension Diglot {
    /// `diglot export --format jsonl [--source-lang L] [--target-lang L] [--output PATH]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export pairs (JSON Lines: one pair a line, as `diglot pairs --json` prints them).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

        @OptionGroup var options: ArchiveOptions

        @Option(help: "The export format.")
        var format: Format

        @Option(help: ArgumentHelp("Only pairs whose original is in this language.", valueName: "L"))
        var sourceLang: String?

        @Option(help: ArgumentHelp("Only pairs whose rendering is in this language.", valueName: "L"))
        var targetLang: String?

        @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
        var output: String?

        func validate() throws {
            _ = try Parsing.language(sourceLang, option: "--source-lang")
            _ = try Parsing.language(targetLang, option: "--target-lang")
        }

        func run() throws {
            let archive = try options.open()
            let handle: FileHandle
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: nil),
                      let file = FileHandle(forWritingAtPath: output) else {
                    Console.error("cannot write the export to \(output)")
                    throw ExitCode(1)
                }
                handle = file
            } else {
                handle = .standardOutput
            }
            defer { if output != nil { try? handle.close() } }
            let count = try archive.exportJSONLines(to: handle,
                                                    originalLanguage: try Parsing.language(sourceLang, option: "--source-lang"),
                                                    renderingLanguage: try Parsing.language(targetLang, option: "--target-lang"))
            if let output { FileHandle.standardError.write(Data("Exported \(count) pairs to \(output).\n".utf8)) }
        }
    }
}
