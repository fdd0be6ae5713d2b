import Foundation
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

final class JSONLinesWriter: ExportWriter {
    private let output: BufferedOutput
    private let encoder = ArchiveJSON.encoder()
    private var summary = ExportSummary()

    init(output: BufferedOutput) { self.output = output }

    func write(_ item: ExportPair) throws {
        let data: Data
        do { data = try encoder.encode(Line(item)) } catch {
            throw ExportError("pair \(item.pair.id) cannot be written as JSON: \(error)")
        }
        try output.write(bytes: [UInt8](data) + [0x0A])
        summary.count(item, written: item.translationUnits.count)
    }

    func finish() throws -> ExportSummary {
        try output.close()
        return summary
    }

    private struct Line: Encodable {
        var pair: PairID
        var method: PairMethod
        var confidence: Double
        var origin: PairOrigin
        var fidelity: FidelityReport
        var original: Side
        var rendering: Side
        var units: [Unit]

        init(_ item: ExportPair) {
            pair = item.pair.id
            method = item.pair.method
            confidence = item.pair.confidence
            origin = item.pair.origin
            fidelity = item.pair.fidelity
            original = Side(item.original)
            rendering = Side(item.rendering)
            units = item.units.sorted { $0.index < $1.index }.map(Unit.init)
        }
    }

    private struct Side: Encodable {
        var document: DocumentID
        var passage: PassageID?
        var language: LanguageTag
        var kind: DocumentKind
        var title: String?
        var url: String?
        var published: PublishedDate?
        var text: String
        var metadata: [String: String]

        init(_ side: ExportSide) {
            document = side.documentID
            passage = side.passageID
            language = side.language
            kind = side.kind
            title = side.title
            url = side.canonicalURL
            published = side.published
            text = side.text
            metadata = side.metadata
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(document, forKey: .document)
            try c.encode(passage, forKey: .passage)  // explicit null: "the whole document"
            try c.encode(language, forKey: .language)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(url, forKey: .url)
            try c.encode(published, forKey: .published)
            try c.encode(text, forKey: .text)
            try c.encode(metadata, forKey: .metadata)
        }

        private enum CodingKeys: String, CodingKey {
            case document, passage, language, kind, title, url, published, text, metadata
        }
    }

    private struct Unit: Encodable {
        var index: Int
        var pattern: String
        var original: String
        var rendering: String

        init(_ unit: AlignedUnit) {
            index = unit.index
            pattern = unit.pattern
            original = unit.originalText
            rendering = unit.renderingText
        }
    }
}
