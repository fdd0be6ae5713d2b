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
        let props = propsAndLanguages(of: item)
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
            output.append(bytes: props.props)
            output.append(bytes: props.originalOpening)
            output.appendEscaped(unit.original, inAttribute: false)
            output.append(bytes: props.renderingOpening)
            output.appendEscaped(unit.rendering, inAttribute: false)
            output.append("</seg></tuv>\n    </tu>\n")
        }
        try output.flushIfFull()
        summary.count(item, written: units.count)
    }

    /// The last pair's `prop` block, with the values it was written from. A bulletin's line pairs, stored one
    /// after another, print the same props (the same two documents, method, confidence and fidelity status).
    private var lastProps: (values: [(String, String)], rendered: (props: [UInt8], originalOpening: [UInt8], renderingOpening: [UInt8]))?

    /// What every `tu` of a pair repeats, escaped once per pair rather than once per unit: the `prop` lines,
    /// the opening of the original's `tuv` and the markup between the two segments.
    private func propsAndLanguages(of item: ExportPair)
        -> (props: [UInt8], originalOpening: [UInt8], renderingOpening: [UInt8]) {
        let values = Self.props(of: item) + [("", item.original.language.rawValue), ("", item.rendering.language.rawValue)]
        if let last = lastProps, last.values.elementsEqual(values, by: ==) { return last.rendered }
        let rendered = render(values.dropLast(2), original: item.original.language.rawValue,
                              rendering: item.rendering.language.rawValue)
        lastProps = (values, rendered)
        return rendered
    }

    private func render(_ values: ArraySlice<(String, String)>, original originalLanguage: String,
                        rendering renderingLanguage: String)
        -> (props: [UInt8], originalOpening: [UInt8], renderingOpening: [UInt8]) {
        var props: [UInt8] = []
        props.reserveCapacity(512)
        for (type, value) in values {
            props.append(contentsOf: "      <prop type=\"\(type)\">".utf8)
            XMLText.appendEscaped(value, inAttribute: false, to: &props)
            props.append(contentsOf: "</prop>\n".utf8)
        }
        var original = Array("      <tuv xml:lang=\"".utf8)
        XMLText.appendEscaped(originalLanguage, inAttribute: true, to: &original)
        original.append(contentsOf: "\"><seg>".utf8)
        var rendering = Array("</seg></tuv>\n      <tuv xml:lang=\"".utf8)
        XMLText.appendEscaped(renderingLanguage, inAttribute: true, to: &rendering)
        rendering.append(contentsOf: "\"><seg>".utf8)
        return (props, original, rendering)
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
    static func props(of item: ExportPair) -> [(String, String)] {
        var props: [(String, String)] = [
            ("x-original-document", item.original.exportedID),
            ("x-rendering-document", item.rendering.exportedID),
        ]
        if let url = item.original.canonicalURL { props.append(("x-source-url", url)) }
        if let published = item.original.published { props.append(("x-published", published.description)) }
        props.append(("x-method", item.exportedMethod.rawValue))
        props.append(("x-confidence", String(item.pair.confidence)))
        props.append(("x-fidelity", item.pair.fidelity.status.rawValue))
        props.append(("x-kind", item.original.kind.rawValue))
        return props
    }
}
