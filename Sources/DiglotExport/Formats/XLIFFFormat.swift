import Foundation
import DiglotModel

/// XLIFF 2.1 (namespace `urn:oasis:names:tc:xliff:document:2.0`, `version="2.1"`): what CAT tools open as a
/// bilingual file to review or reuse.
///
/// One `file` per pair (its `id` the pair id), one `unit` per translation unit (`u0`, `u1`… by unit index, `u`
/// for a whole-document unit), each with one `segment` holding `source` (the original) and `target` (the
/// rendering) with `xml:space="preserve"`, so line breaks survive. The pair's provenance travels in the
/// Metadata module (`mda:metadata`, category `diglot`) of each `file`.
///
/// `state` on each segment: `final` when a person linked the pair (origin `manual`) and the fidelity check
/// found no mismatch, otherwise `translated` (the target is a published rendering, never a draft); the fidelity
/// status travels as `subState="diglot:fidelity-ok|warning|mismatch|unchecked"`.
///
/// XLIFF has one `srcLang`/`trgLang` per document: they are `sourceLanguage`/`targetLanguage`, or else the
/// first pair's languages, and a pair in another direction stops the export with an `ExportError` telling the
/// user to pass `--source-lang`/`--target-lang`. Characters XML cannot carry are written as XLIFF's
/// `<cp hex="…"/>`.
///
/// ```swift
/// try Exporter.export(items, format: .xliff(sourceLanguage: .ukrainian, targetLanguage: .english), to: .file(url))
/// ```
public struct XLIFFFormat: ExportFormat {
    public var identifier: String { "xliff" }
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?

    public init(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func makeWriter(to destination: ExportDestination) throws -> any ExportWriter {
        XLIFFWriter(format: self, output: BufferedOutput(try destination.open(suffix: nil)))
    }

    /// The segment `state` for a pair (see the type's documentation).
    public static func state(of pair: Pair) -> String {
        pair.origin == .manual && pair.fidelity.status != .mismatch ? "final" : "translated"
    }
}

public extension ExportFormat where Self == XLIFFFormat {
    /// XLIFF 2.1 (see `XLIFFFormat`).
    static func xliff(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) -> XLIFFFormat {
        XLIFFFormat(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }
}

final class XLIFFWriter: ExportWriter {
    private let format: XLIFFFormat
    private let output: BufferedOutput
    private var languages: (source: LanguageTag, target: LanguageTag)?
    private var summary = ExportSummary()

    init(format: XLIFFFormat, output: BufferedOutput) {
        self.format = format
        self.output = output
    }

    func write(_ item: ExportPair) throws {
        let languages = try openIfNeeded(source: item.original.language, target: item.rendering.language)
        guard item.original.language == languages.source, item.rendering.language == languages.target else {
            throw ExportError.direction(item, format: "XLIFF", source: languages.source, target: languages.target)
        }
        let units = item.translationUnits
        guard !units.isEmpty else { return summary.count(item, written: 0) }  // a `file` needs a unit
        var text = "  <file id=\"\(Self.nmtoken(item.exportedID))\">\n"
        text += "    <mda:metadata>\n      <mda:metaGroup category=\"diglot\">\n"
        for (type, value) in TMXWriter.props(of: item) {
            text += "        <mda:meta type=\"\(type)\">\(XMLText.content(value))</mda:meta>\n"
        }
        text += "      </mda:metaGroup>\n    </mda:metadata>\n"
        let state = XLIFFFormat.state(of: item.pair)
        let subState = "diglot:fidelity-\(item.pair.fidelity.status.rawValue)"
        for unit in units {
            text += "    <unit id=\"u\(unit.index.map(String.init) ?? "")\">\n"
            text += "      <segment state=\"\(state)\" subState=\"\(subState)\">\n"
            text += "        <source xml:space=\"preserve\">\(Self.content(unit.original))</source>\n"
            text += "        <target xml:space=\"preserve\">\(Self.content(unit.rendering))</target>\n"
            text += "      </segment>\n    </unit>\n"
        }
        text += "  </file>\n"
        try output.write(text)
        summary.count(item, written: units.count)
    }

    func finish() throws -> ExportSummary {
        try openIfNeeded(source: .undetermined, target: .undetermined)
        try output.write("</xliff>\n")
        try output.close()
        return summary
    }

    @discardableResult
    private func openIfNeeded(source: LanguageTag, target: LanguageTag) throws -> (source: LanguageTag, target: LanguageTag) {
        if let languages { return languages }
        let chosen = (format.sourceLanguage ?? source, format.targetLanguage ?? target)
        languages = chosen
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="\(XLIFFFormat.namespace)" xmlns:mda="\(XLIFFFormat.metadataNamespace)" version="2.1" \
            srcLang="\(XMLText.attribute(chosen.0.rawValue))" trgLang="\(XMLText.attribute(chosen.1.rawValue))">\n
            """)
        return chosen
    }

    /// Segment text with XML-forbidden characters as `<cp hex="…"/>`.
    private static func content(_ text: String) -> String {
        XMLText.content(text) { String(format: "<cp hex=\"%04X\"/>", $0.value) }
    }

    /// Diglot ids are NMTOKENs already; anything else (an id a foreign TMX recorded) has its other characters
    /// replaced by `_`.
    static func nmtoken(_ id: String) -> String {
        let cleaned = String(scalars: id.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-._:".unicodeScalars.contains(scalar)
                ? scalar : "_"
        })
        return cleaned.isEmpty ? "_" : cleaned
    }
}
