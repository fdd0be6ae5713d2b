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
        for unit in units { try output.write(tu(unit, of: item, header: header)) }
        summary.count(item, written: units.count)
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

    private func tu(_ unit: ExportUnit, of item: ExportPair,
                    header: (sourceLanguage: String, segtype: ExportUnit.Level)) -> String {
        let tuid = unit.index.map { "\(item.exportedID)-\($0)" } ?? item.exportedID
        var attributes = "tuid=\"\(XMLText.attribute(tuid))\""
        if item.original.language.rawValue != header.sourceLanguage {
            attributes += " srclang=\"\(XMLText.attribute(item.original.language.rawValue))\""
        }
        if unit.level != header.segtype { attributes += " segtype=\"\(unit.level.rawValue)\"" }
        var text = "    <tu \(attributes)>\n"
        for (type, value) in Self.props(of: item) {
            text += "      <prop type=\"\(type)\">\(XMLText.content(value))</prop>\n"
        }
        text += "      <tuv xml:lang=\"\(XMLText.attribute(item.original.language.rawValue))\"><seg>"
            + XMLText.content(unit.original) + "</seg></tuv>\n"
        text += "      <tuv xml:lang=\"\(XMLText.attribute(item.rendering.language.rawValue))\"><seg>"
            + XMLText.content(unit.rendering) + "</seg></tuv>\n"
        text += "    </tu>\n"
        return text
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
