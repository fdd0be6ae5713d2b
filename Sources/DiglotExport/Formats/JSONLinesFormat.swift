import DiglotModel

/// JSON Lines: one object per pair, for scripts and MT training pipelines.
///
/// Each line holds `pair`, `method`, `confidence`, `origin`, `fidelity` (`status`, `issues`), `original` and
/// `rendering` (`document`, `passage`, `language`, `kind`, `title`, `url`, `published`, `text`, `metadata`) and
/// `units` (every aligned unit, `1-0`/`0-1` included, with `index`, `pattern`, `original`, `rendering`). Ids
/// are this archive's. Keys are sorted, so equal pairs give equal lines.
///
/// ```swift
/// try Exporter.export(items, format: .jsonLines(), to: .standardOutput)
/// ```
public struct JSONLinesFormat: ExportFormat {
    public var identifier: String { "jsonl" }
    /// Each line carries the fidelity report whole, issues included.
    public var printsFidelityIssues: Bool { true }
    /// Each side carries its document's metadata whole.
    public var printsMetadata: Bool { true }

    public init() {}

    public func makeWriter(to destination: ExportDestination) throws -> any ExportWriter {
        JSONLinesWriter(output: BufferedOutput(try destination.open(suffix: nil)))
    }
}

public extension ExportFormat where Self == JSONLinesFormat {
    /// JSON Lines (see `JSONLinesFormat`).
    static func jsonLines() -> JSONLinesFormat { JSONLinesFormat() }
}

/// Writes each pair's line straight into the output buffer with `JSONText`, the keys in the order a sorted
/// `JSONEncoder` gives them (JSONTextTests compares the two on seeded pairs).
final class JSONLinesWriter: ExportWriter {
    private let output: BufferedOutput
    private var summary = ExportSummary()

    init(output: BufferedOutput) { self.output = output }

    func write(_ item: ExportPair) throws {
        // Checked before anything is appended, so a refused pair leaves no half line behind.
        guard JSONText.isWritable(item.pair.confidence) else {
            throw ExportError("pair \(item.pair.id) cannot be written as JSON: its confidence is \(item.pair.confidence)")
        }
        output.withBuffer { line in
            Self.append(item, to: &line)
            line.append(0x0A)
        }
        try output.flushIfFull()
        summary.count(item, written: item.translationUnits.count)
    }

    func finish() throws -> ExportSummary {
        try output.close()
        return summary
    }

    /// One pair as a JSON object: `confidence`, `fidelity`, `method`, `origin`, `original`, `pair`, `rendering`,
    /// `units`, in that (sorted) order.
    static func append(_ item: ExportPair, to line: inout [UInt8]) {
        line.append(0x7B)
        JSONText.appendKey("confidence", to: &line)
        JSONText.appendNumber(item.pair.confidence, to: &line)
        line.append(0x2C)
        JSONText.appendKey("fidelity", to: &line)
        JSONText.appendFidelity(item.pair.fidelity, to: &line)
        line.append(0x2C)
        JSONText.appendKey("method", to: &line)
        JSONText.appendString(item.pair.method.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("origin", to: &line)
        JSONText.appendString(item.pair.origin.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("original", to: &line)
        append(item.original, to: &line)
        line.append(0x2C)
        JSONText.appendKey("pair", to: &line)
        JSONText.appendString(item.pair.id.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("rendering", to: &line)
        append(item.rendering, to: &line)
        line.append(0x2C)
        JSONText.appendKey("units", to: &line)
        line.append(0x5B)
        for (position, unit) in item.units.sorted(by: { $0.index < $1.index }).enumerated() {
            if position > 0 { line.append(0x2C) }
            line.append(0x7B)
            JSONText.appendKey("index", to: &line)
            JSONText.appendNumber(unit.index, to: &line)
            line.append(0x2C)
            JSONText.appendKey("original", to: &line)
            JSONText.appendString(unit.originalText, to: &line)
            line.append(0x2C)
            JSONText.appendKey("pattern", to: &line)
            JSONText.appendString(unit.pattern, to: &line)
            line.append(0x2C)
            JSONText.appendKey("rendering", to: &line)
            JSONText.appendString(unit.renderingText, to: &line)
            line.append(0x7D)
        }
        line.append(0x5D)
        line.append(0x7D)
    }

    /// `document`, `kind`, `language`, `metadata`, `passage` (null for the whole document), `published`, `text`,
    /// `title`, `url`; absent values are written as null.
    private static func append(_ side: ExportSide, to line: inout [UInt8]) {
        line.append(0x7B)
        JSONText.appendKey("document", to: &line)
        JSONText.appendString(side.documentID.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("kind", to: &line)
        JSONText.appendString(side.kind.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("language", to: &line)
        JSONText.appendString(side.language.rawValue, to: &line)
        line.append(0x2C)
        JSONText.appendKey("metadata", to: &line)
        JSONText.appendObject(side.metadata, to: &line)
        line.append(0x2C)
        JSONText.appendKey("passage", to: &line)
        JSONText.appendString(side.passageID?.rawValue, orNullTo: &line)
        line.append(0x2C)
        JSONText.appendKey("published", to: &line)
        JSONText.appendString(side.published?.description, orNullTo: &line)
        line.append(0x2C)
        JSONText.appendKey("text", to: &line)
        JSONText.appendString(side.text, to: &line)
        line.append(0x2C)
        JSONText.appendKey("title", to: &line)
        JSONText.appendString(side.title, orNullTo: &line)
        line.append(0x2C)
        JSONText.appendKey("url", to: &line)
        JSONText.appendString(side.canonicalURL, orNullTo: &line)
        line.append(0x7D)
    }
}
