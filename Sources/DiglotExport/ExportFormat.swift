/// A file format pairs can be exported to. Built-in formats are static members, so call sites read
/// `format: .tmx()`, `.xliff()`, `.jsonLines()`, `.csv(bom: true)`, `.moses()`.
///
/// ```swift
/// let summary = try Exporter.export(items, format: .tmx(), to: .file(url))
/// ```
public protocol ExportFormat: Sendable {
    /// The name `diglot export --format` takes (`tmx`, `xliff`, `jsonl`, `csv`, `moses`).
    var identifier: String { get }

    /// Opens the outputs this format writes and returns a writer that takes pairs one at a time.
    /// - Throws: `ExportError` when an output cannot be opened.
    func makeWriter(to destination: ExportDestination) throws -> any ExportWriter

    /// Whether the format prints a pair's fidelity issues, not only its status. The store then reads each
    /// report whole; for the others it reads only the status (decoding every report was a tenth of an export).
    var printsFidelityIssues: Bool { get }

    /// Whether the format prints each side's document metadata. The others read only the keys a TMX import
    /// records (`TMXProvenance.keys`), and the store then parses no other metadata.
    var printsMetadata: Bool { get }
}

public extension ExportFormat {
    var printsFidelityIssues: Bool { false }
    var printsMetadata: Bool { false }
}

/// Writes pairs as they come and finishes the file(s) at the end; it never holds more than one pair.
public protocol ExportWriter: AnyObject {
    /// Writes one pair.
    /// - Throws: `ExportError` when the pair cannot be written in this format (a language direction the
    ///   file cannot hold) or when the output fails.
    func write(_ item: ExportPair) throws

    /// Closes the document (root elements, trailing buffers) and the outputs.
    func finish() throws -> ExportSummary
}

/// What an export wrote.
public struct ExportSummary: Hashable, Sendable {
    public var pairs: Int
    /// Translation units written (TMX `tu`s, CSV rows, Moses lines, XLIFF `unit`s).
    public var units: Int
    /// Aligned units left out because one side is empty (`1-0`, `0-1`).
    public var skippedUnits: Int

    public init(pairs: Int = 0, units: Int = 0, skippedUnits: Int = 0) {
        self.pairs = pairs
        self.units = units
        self.skippedUnits = skippedUnits
    }

    mutating func count(_ item: ExportPair, written: Int) {
        pairs += 1
        units += written
        skippedUnits += item.skippedUnitCount
    }
}

/// Runs an export from start to end.
public enum Exporter {
    /// Exports a sequence of pairs, pulling one at a time.
    /// - Throws: `ExportError` from the writer.
    @discardableResult
    public static func export<S: Sequence>(_ items: S, format: some ExportFormat,
                                           to destination: ExportDestination) throws -> ExportSummary
        where S.Element == ExportPair {
        var iterator = items.makeIterator()
        return try export(format: format, to: destination) { iterator.next() }
    }

    /// Exports the pairs `next` returns until it returns nil (a database cursor, for instance).
    /// - Throws: whatever `next` throws, or `ExportError` from the writer.
    @discardableResult
    public static func export(format: some ExportFormat, to destination: ExportDestination,
                              next: () throws -> ExportPair?) throws -> ExportSummary {
        let writer = try format.makeWriter(to: destination)
        while let item = try next() { try writer.write(item) }
        return try writer.finish()
    }
}
