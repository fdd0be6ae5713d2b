import DiglotModel

/// CSV (RFC 4180) for spreadsheets: a header row, then one row per translation unit.
///
/// Columns: `pair`, `unit` (index, empty for a whole-document unit), `source_language`, `target_language`,
/// `source`, `target`, `method`, `confidence`, `fidelity`, `original_document`, `rendering_document`,
/// `published`, `url`. Lines end in CRLF; a field holding a comma, a quote, CR or LF is quoted and its quotes
/// doubled; the text is UTF-8, preceded by a byte-order mark when `bom` is set (what Excel needs to read UTF-8).
///
/// ```swift
/// try Exporter.export(items, format: .csv(bom: true), to: .file(url))
/// ```
public struct CSVFormat: ExportFormat {
    public var identifier: String { "csv" }
    public var bom: Bool

    public init(bom: Bool = false) { self.bom = bom }

    public static let columns = [
        "pair", "unit", "source_language", "target_language", "source", "target", "method", "confidence",
        "fidelity", "original_document", "rendering_document", "published", "url",
    ]

    public func makeWriter(to destination: ExportDestination) throws -> any ExportWriter {
        let output = BufferedOutput(try destination.open(suffix: nil))
        if bom { try output.write(bytes: [0xEF, 0xBB, 0xBF]) }
        try output.write(Self.row(Self.columns))
        return CSVWriter(output: output)
    }

    /// One record: fields joined by commas, quoted where RFC 4180 requires, ended by CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}

public extension ExportFormat where Self == CSVFormat {
    /// RFC 4180 CSV (see `CSVFormat`).
    static func csv(bom: Bool = false) -> CSVFormat { CSVFormat(bom: bom) }
}

final class CSVWriter: ExportWriter {
    private let output: BufferedOutput
    private var summary = ExportSummary()

    init(output: BufferedOutput) { self.output = output }

    func write(_ item: ExportPair) throws {
        let units = item.translationUnits
        for unit in units {
            try output.write(CSVFormat.row([
                item.pair.id.rawValue, unit.index.map(String.init) ?? "", item.original.language.rawValue,
                item.rendering.language.rawValue, unit.original, unit.rendering, item.pair.method.rawValue,
                String(item.pair.confidence), item.pair.fidelity.status.rawValue, item.original.documentID.rawValue,
                item.rendering.documentID.rawValue, item.original.published?.description ?? "",
                item.original.canonicalURL ?? "",
            ]))
        }
        summary.count(item, written: units.count)
    }

    func finish() throws -> ExportSummary {
        try output.close()
        return summary
    }
}
