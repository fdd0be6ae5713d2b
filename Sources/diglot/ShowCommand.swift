import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot show ID [--json]`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one document with its source, passages and pairs.")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "The document id (as search and list print it).")
        var id: String

        @Flag(help: "One JSON object.")
        var json = false

        func run() throws {
            let archive = try options.open()
            guard let detail = try archive.show(id) else {
                Console.error("\(options.path) has no document \(id)")
                throw ExitCode(1)
            }
            if json { try Console.json(detail); return }
            Console.print("\(detail.document)  \(detail.kind)  \(detail.language)"
                + (detail.declaredLanguage.map { " (declared \($0))" } ?? ""))
            if let title = detail.title { Console.print("Title:     \(title)") }
            if let author = detail.author { Console.print("Author:    \(author)") }
            if let publisher = detail.publisher { Console.print("Publisher: \(publisher)") }
            if let published = detail.published { Console.print("Published: \(published)") }
            if let url = detail.url { Console.print("URL:       \(url)") }
            for (key, value) in detail.metadata.sorted(by: { $0.key < $1.key }) { Console.print("\(key): \(value)") }
            for source in detail.sources {
                Console.print("Source:    \(source.path ?? source.url ?? "?") (\(source.importer) \(source.importerVersion), sha256 \(source.sha256.prefix(12))…)")
            }
            Console.print("")
            Console.print(detail.text)
            if !detail.pairs.isEmpty {
                Console.print("")
                for pair in detail.pairs {
                    Console.print("Pair \(pair.pair): \(pair.role) of \(pair.partner.document) (\(pair.partner.language)), \(pair.method), confidence \(pair.confidence), fidelity \(pair.fidelity.status)")
                }
            }
        }
    }
}
