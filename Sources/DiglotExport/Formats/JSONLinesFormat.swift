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
        JSONText.appendObject(to: &line) { pair in
            pair.number("confidence", item.pair.confidence)
            pair.member("fidelity") { JSONText.appendFidelity(item.pair.fidelity, to: &$0) }
            pair.string("method", item.pair.method.rawValue)
            pair.string("origin", item.pair.origin.rawValue)
            pair.member("original") { append(item.original, to: &$0) }
            pair.string("pair", item.pair.id.rawValue)
            pair.member("rendering") { append(item.rendering, to: &$0) }
            pair.member("units") { JSONText.appendArray(item.units.sorted { $0.index < $1.index }, to: &$0) { unit, bytes in
                JSONText.appendObject(to: &bytes) { object in
                    object.number("index", unit.index)
                    object.string("original", unit.originalText)
                    object.string("pattern", unit.pattern)
                    object.string("rendering", unit.renderingText)
                }
            } }
        }
    }

    /// `document`, `kind`, `language`, `metadata`, `passage` (null for the whole document), `published`, `text`,
    /// `title`, `url`; absent values are written as null.
    private static func append(_ side: ExportSide, to line: inout [UInt8]) {
        JSONText.appendObject(to: &line) { object in
            object.string("document", side.documentID.rawValue)
            object.string("kind", side.kind.rawValue)
            object.string("language", side.language.rawValue)
            object.member("metadata") { JSONText.appendObject(side.metadata, to: &$0) }
            object.string("passage", orNull: side.passageID?.rawValue)
            object.string("published", orNull: side.published?.description)
            object.string("text", side.text)
            object.string("title", orNull: side.title)
            object.string("url", orNull: side.canonicalURL)
        }
    }
}
