import Foundation
import DiglotModel

/// TMX 1.4b: the translation-memory exchange format every CAT tool reads (OmegaT, Trados, memoQ).
///
/// One `tu` per translation unit (`ExportPair.translationUnits`), its `tuid` the pair id plus `-` and the
/// unit index (the pair id alone for a whole-document unit), so re-exports give the same ids. Each `tu`
/// carries `prop`s `x-original-document`, `x-rendering-document`, `x-source-url`, `x-published`, `x-method`,
/// `x-confidence`, `x-fidelity`, `x-kind`, and two `tuv`s: the original first (the source), the rendering
/// second, each with a plain BCP 47 `xml:lang` (`uk`, never `uk-UA`) and one `seg`.
///
/// The header is written when the first pair arrives: its `srclang` is `sourceLanguage` or else that pair's
/// original language, its `segtype` that pair's first unit's level. A later `tu` that differs carries its own
/// `srclang` or `segtype` attribute, as TMX allows, so a stream may mix directions and levels. An empty export
/// says `srclang="*all*"` and `segtype="sentence"`.
///
/// Characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) are dropped
/// from segments and props: TMX has no element for them, and a file containing them opens in no tool.
///
/// ```swift
/// try Exporter.export(items, format: .tmx(), to: .file(url))
/// ```
public struct TMXFormat: ExportFormat {
    public var identifier: String { "tmx" }
    /// The header's `srclang`; nil takes the first pair's original language.
    public var sourceLanguage: LanguageTag?
    /// The header's `creationdate`.
    public var creationDate: Date
    public var toolVersion: String

    public init(sourceLanguage: LanguageTag? = nil, creationDate: Date = Date(),
                toolVersion: String = DiglotExportInfo.version) {
        self.sourceLanguage = sourceLanguage
        self.creationDate = creationDate
        self.toolVersion = toolVersion
    }

    public func makeWriter(to destination: ExportDestination) throws -> any ExportWriter {
        TMXWriter(format: self, output: BufferedOutput(try destination.open(suffix: nil)))
    }

    /// `YYYYMMDDThhmmssZ`, the form TMX requires for dates.
    public static func timestamp(_ date: Date) -> String {
        let c = CivilDay(date)
        let d = PublishedDate.digits
        return d(c.year, 4) + d(c.month, 2) + d(c.day, 2) + "T" + d(c.hour, 2) + d(c.minute, 2) + d(c.second, 2) + "Z"
    }
}

public extension ExportFormat where Self == TMXFormat {
    /// TMX 1.4b (see `TMXFormat`).
    static func tmx(sourceLanguage: LanguageTag? = nil, creationDate: Date = Date()) -> TMXFormat {
        TMXFormat(sourceLanguage: sourceLanguage, creationDate: creationDate)
    }
}

final class TMXWriter: ExportWriter {
    private let format: TMXFormat
    private let output: BufferedOutput
    private var header: (sourceLanguage: String, segtype: ExportUnit.Level)?
    private var summary = ExportSummary()

    init(format: TMXFormat, output: BufferedOutput) {
        self.format = format
        self.output = output
    }

    func write(_ item: ExportPair) throws {
        let units = item.translationUnits
        let header = try writeHeaderIfNeeded(sourceLanguage: item.original.language.rawValue,
                                             segtype: units.first?.level ?? .sentence)
        guard !units.isEmpty else { return summary.count(item, written: 0) }
        let pairID = item.exportedID
        let extraSourceLanguage = item.original.language.rawValue != header.sourceLanguage
        renderRepeatedParts(of: item)
        for unit in units {
            output.append("    <tu tuid=\"")
            output.appendEscaped(pairID, inAttribute: true)
            if let index = unit.index {
                output.append("-")
                output.append(String(index))
            }
            output.append("\"")
            if extraSourceLanguage {
                output.append(" srclang=\"")
                output.appendEscaped(item.original.language.rawValue, inAttribute: true)
                output.append("\"")
            }
            if unit.level != header.segtype { output.append(" segtype=\"\(unit.level.rawValue)\"") }
            output.append(">\n")
            output.append(bytes: propsAndOriginalOpening)
            output.appendEscaped(unit.original, inAttribute: false)
            output.append(bytes: renderingOpening)
            output.appendEscaped(unit.rendering, inAttribute: false)
            output.append("</seg></tuv>\n    </tu>\n")
        }
        try output.flushIfFull()
        summary.count(item, written: units.count)
    }

    /// What every `tu` of a pair repeats, rendered once per pair into buffers kept from pair to pair: the
    /// `prop` lines with the opening of the original's `tuv`, and the markup between the two segments. Built
    /// as strings and tuples, this was a sixth of an export.
    private var propsAndOriginalOpening: [UInt8] = []
    private var renderingOpening: [UInt8] = []

    private func renderRepeatedParts(of item: ExportPair) {
        propsAndOriginalOpening.removeAll(keepingCapacity: true)
        Self.forEachProp(of: item) { type, value in
            propsAndOriginalOpening.appendLiteral("      <prop type=\"")
            propsAndOriginalOpening.appendLiteral(type)
            propsAndOriginalOpening.appendLiteral("\">")
            XMLText.appendEscaped(value, inAttribute: false, to: &propsAndOriginalOpening)
            propsAndOriginalOpening.appendLiteral("</prop>\n")
        }
        propsAndOriginalOpening.appendLiteral("      <tuv xml:lang=\"")
        XMLText.appendEscaped(item.original.language.rawValue, inAttribute: true, to: &propsAndOriginalOpening)
        propsAndOriginalOpening.appendLiteral("\"><seg>")
        renderingOpening.removeAll(keepingCapacity: true)
        renderingOpening.appendLiteral("</seg></tuv>\n      <tuv xml:lang=\"")
        XMLText.appendEscaped(item.rendering.language.rawValue, inAttribute: true, to: &renderingOpening)
        renderingOpening.appendLiteral("\"><seg>")
    }

    func finish() throws -> ExportSummary {
        _ = try writeHeaderIfNeeded(sourceLanguage: "*all*", segtype: .sentence)
        try output.write("  </body>\n</tmx>\n")
        try output.close()
        return summary
    }

    private func writeHeaderIfNeeded(sourceLanguage: String, segtype: ExportUnit.Level) throws
        -> (sourceLanguage: String, segtype: ExportUnit.Level) {
        if let header { return header }
        let chosen = (format.sourceLanguage?.rawValue ?? sourceLanguage, segtype)
        header = chosen
        let attributes: [(String, String)] = [
            ("creationtool", DiglotExportInfo.tool), ("creationtoolversion", format.toolVersion),
            ("segtype", chosen.1.rawValue), ("o-tmf", DiglotExportInfo.tool), ("adminlang", "en"),
            ("srclang", chosen.0), ("datatype", "plaintext"),
            ("creationdate", TMXFormat.timestamp(format.creationDate)),
        ]
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header \(attributes.map { "\($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined(separator: " "))/>
              <body>\n
            """)
        return chosen
    }

    /// The `prop`s of every `tu` of a pair, in a fixed order; absent values are left out, not written empty.
    static func forEachProp(of item: ExportPair, _ body: (_ type: StaticString, _ value: String) -> Void) {
        body("x-original-document", item.original.exportedID)
        body("x-rendering-document", item.rendering.exportedID)
        if let url = item.original.canonicalURL { body("x-source-url", url) }
        if let published = item.original.published { body("x-published", published.description) }
        body("x-method", item.exportedMethod.rawValue)
        body("x-confidence", String(item.pair.confidence))
        body("x-fidelity", item.pair.fidelity.status.rawValue)
        body("x-kind", item.original.kind.rawValue)
    }

    /// `forEachProp` as a list, for XLIFF's metadata.
    static func props(of item: ExportPair) -> [(String, String)] {
        var props: [(String, String)] = []
        forEachProp(of: item) { props.append(($0.description, $1)) }
        return props
    }
}

extension [UInt8] {
    /// Appends a literal's UTF-8 bytes, with no string made on the way.
    mutating func appendLiteral(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
