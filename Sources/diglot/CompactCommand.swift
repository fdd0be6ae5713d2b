import ArgumentParser
import Foundation
import DiglotKit
import DiglotStore

extension Diglot {
    /// `diglot compact`
    struct Compact: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compact",
            abstract: "Store older passages once, in their documents, and give the space freed back to the disk.",
            discussion: """
                Archives written before schema 8 hold a second copy of every passage's text; imports since store \
                a passage that repeats its span of its document as the span alone. This stores the older \
                passages the same way, drops the links to a document's first source that archives before \
                schema 9 also kept, and rebuilds the file (SQLite's VACUUM), which needs as much free space \
                again as the archive takes and waits for other processes to stop reading it.
                """)

        @OptionGroup var options: ArchiveOptions

        func run() throws {
            let archive = try options.open()
            defer { ArchiveOptions.close(archive) }
            let outcome = try archive.compact()
            Console.print("\(options.path): \(outcome.passagesStoredAsSpans) passages now stored as their spans, "
                          + "\(outcome.firstSourceLinksDropped) links repeating a document's first source dropped; "
                          + "\(Self.megabytes(outcome.bytesBefore)) → \(Self.megabytes(outcome.bytesAfter)).")
        }

        static func megabytes(_ bytes: Int64) -> String {
            String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }
}
