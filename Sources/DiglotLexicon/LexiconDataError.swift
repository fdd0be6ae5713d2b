import DiglotLocales

/// A problem with one of the bundled language resources in `Locales/data`.
///
/// Prints as one sentence naming the file and, where known, the line: "glossary.tsv:12: expected 5 columns, found 3".
public struct LexiconDataError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Reads the tab-separated resource files: `#` starts a comment line, blank lines are skipped.
enum TSVResource {
    struct Row {
        var line: Int
        var cells: [String]
    }

    /// The rows of bundled resource `name`, each checked to have exactly `columns` cells.
    ///
    /// - Throws: `LexiconDataError` when the resource is missing or a row has the wrong number of cells.
    static func rows(named name: String, columns: Int) throws -> [Row] {
        guard let text = Locales.text(named: name) else {
            throw LexiconDataError(file: name, reason: "the resource is not bundled in Locales/data")
        }
        return try rows(of: text, file: name, columns: columns)
    }

    /// The rows of `text`, as read from a file called `file`.
    static func rows(of text: String, file: String, columns: Int) throws -> [Row] {
        var rows: [Row] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns else {
                throw LexiconDataError(file: file, line: offset + 1,
                                       reason: "expected \(columns) tab-separated columns, found \(cells.count)")
            }
            rows.append(Row(line: offset + 1, cells: cells))
        }
        return rows
    }

    /// The alternatives of one cell ("a|b|c"), trimmed, empty ones dropped.
    static func alternatives(_ cell: String) -> [String] {
        cell.split(separator: "|").map { TextFolding.trimmed($0) }.filter { !$0.isEmpty }
    }
}
