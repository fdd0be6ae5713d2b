import ArgumentParser
import DiglotKit

extension Diglot {
    /// `diglot show ID [--json]`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one document with its source, passages and pairs.")

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
            for pair in detail.pairs {
                Console.print("")
                Console.print("Pair \(pair.pair): \(pair.role) of \(pair.partner.document) (\(pair.partner.language)), \(pair.method), confidence \(pair.confidence), \(pair.origin)")
                Console.print("Fidelity:  \(pair.fidelity.status)"
                    + (pair.fidelity.status == "unchecked" ? " (not yet checked by diglot pair)" : ""))
                for issue in pair.fidelity.issues { Console.print("  \(issue.severity): \(issue.message)") }
                for line in Self.sideBySide(pair) { Console.print(line) }
            }
        }

        /// This document's side on the left, the partner's on the right: unit by unit when the pair is aligned.
        static func sideBySide(_ pair: DocumentDetail.PairInfo, columnWidth: Int = 58) -> [String] {
            let isOriginal = pair.role == "original"
            let rows: [(String, String)] = pair.alignment.isEmpty
                ? [(pair.text, pair.partner.text)]
                : pair.alignment.map { isOriginal ? ($0.original, $0.rendering) : ($0.rendering, $0.original) }
            var lines = [pad("this document", columnWidth) + " │ " + "\(pair.partner.language) \(pair.partner.document)"]
            lines.append(String(repeating: "─", count: columnWidth) + "─┼─" + String(repeating: "─", count: columnWidth))
            for (left, right) in rows {
                let a = wrap(left, columnWidth), b = wrap(right, columnWidth)
                for k in 0..<max(a.count, b.count) {
                    lines.append(pad(k < a.count ? a[k] : "", columnWidth) + " │ " + (k < b.count ? b[k] : ""))
                }
            }
            return lines
        }

        /// Words greedily filled into lines of at most `width` characters (a longer word is cut).
        static func wrap(_ text: String, _ width: Int) -> [String] {
            var lines: [String] = []
            var current = ""
            for word in text.split(whereSeparator: \.isWhitespace) {
                var word = String(word)
                while word.count > width {
                    if !current.isEmpty { lines.append(current); current = "" }
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                if current.isEmpty { current = word }
                else if current.count + 1 + word.count <= width { current += " " + word }
                else { lines.append(current); current = word }
            }
            if !current.isEmpty || lines.isEmpty { lines.append(current) }
            return lines
        }

        static func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
    }
}
