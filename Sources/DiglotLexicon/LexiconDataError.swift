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
    ///
    /// Splits the UTF-8 bytes (every separator is ASCII): splitting the `String` walks grapheme clusters,
    /// which made reading the bundled tables most of a `diglot search` process's start-up.
    static func rows(of text: String, file: String, columns: Int) throws -> [Row] {
        var rows: [Row] = []
        let utf8 = Array(text.utf8)
        for (offset, raw) in utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            if line.isEmpty || line.first == 0x23 { continue }  // "#": a comment
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
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
        guard !cell.isEmpty else { return [] }
        return Array(cell.utf8).split(separator: 0x7C).compactMap { part -> String? in
            let trimmed = TextFolding.trimmed(String(decoding: part, as: UTF8.self))
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}
