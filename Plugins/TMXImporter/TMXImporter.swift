import DiglotImporting
import DiglotModel
import DiglotXML

/// Reads translation memories (TMX 1.4b: OPUS corpora, CAT-tool exports, Diglot's own exports) as paired
/// documents with method `tmx`.
///
/// Translation units are grouped by where they came from and their language direction: the units of one
/// Diglot pair (same `tuid` stem and `x-original-document`/`x-rendering-document` props), or, in a TMX without
/// those, all units of one direction. Each group becomes an original and a rendering document whose text is
/// the group's segments, one `segment` passage each (so every segment is searchable), and one document pair
/// whose aligned units are the `tu`s. A Diglot `tu` for a whole pair (a `tuid` without a unit index) becomes a
/// pair without units, of passages when its `segtype` is `paragraph`.
///
/// What the TMX recorded travels back: `x-published` and `x-source-url` become the original's date and URL,
/// `x-kind` its kind, `x-confidence`/`x-fidelity` the pair's confidence and fidelity status, and the ids and
/// method the TMX named are kept in document metadata (`tmx_document`, `tmx_pair`, `tmx_method`), which the
/// TMX exporter prints again: export, import and export give the same file.
///
/// Refused, with the file, the `tu` (its position, `tuid` and line) and nothing imported: a header without
/// `srclang`, a `tuv` without `xml:lang` or without exactly one `seg`, a `tu` with fewer than two variants,
/// entity declarations of any kind (TMX needs none: billion-laughs and external-entity files), malformed XML.
public struct TMXImporter: Importer {
    public static let identifier = "tmx"
    public static let summary = "Translation memories (TMX 1.4b) as paired documents with aligned units"
    public static let version = "1"
    public static let mediaTypes = ["application/x-tmx+xml", "application/xml", "text/xml"]

    private let configuration: ImporterConfiguration

    public init(configuration: ImporterConfiguration) { self.configuration = configuration }

    /// 0.95 when the root element is `<tmx`, else 0.
    /// The index just past the first occurrence of `closer` (ASCII) in `text`.
    static func end(of closer: String, in text: Substring) -> Substring.Index? {
        let needle = Array(closer.utf8)
        let utf8 = text.utf8
        var from = utf8.startIndex
        while let hit = utf8[from...].firstIndex(of: needle[0]) {
            if utf8[hit...].starts(with: needle) { return utf8.index(hit, offsetBy: needle.count) }
            from = utf8.index(after: hit)
        }
        return nil
    }

    public static func confidence(for input: ImportInput) -> Double {
        var rest = Substring(input.head(8192))
        // Markup is found on the bytes: Foundation's `range(of:)` bridged every candidate file's head to
        // `NSString` (a seventh of detection).
        while let open = rest.utf8.firstIndex(of: 0x3C) {
            let tail = rest[open...]
            if tail.hasPrefix("<?") || tail.hasPrefix("<!") {
                guard let end = Self.end(of: tail.hasPrefix("<!--") ? "-->" : ">", in: tail) else { return 0 }
                rest = tail[end...]
                continue
            }
            let name = tail.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name == "tmx" ? 0.95 : 0
        }
        return 0
    }

    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("the file is larger than the \(configuration.maximumInputBytes)-byte limit")
        }
        let document: MarkupDocument
        do {
            document = try MarkupDocument.xml(input.bytes, fileName: input.fileName, limits: .init(
                maximumDepth: configuration.maximumNestingDepth,
                maximumEntityExpansion: configuration.maximumEntityExpansion))
        } catch let error as MarkupError {
            throw ImportError(file: input.fileName, line: error.line, column: error.column, message: error.message)
        }
        if let entity = document.entityDeclarations.first {
            throw input.error(entity.isExternal
                ? "declares the external entity \"\(entity.name)\"; TMX needs no entities and Diglot never reads external ones"
                : "declares the entity \"\(entity.name)\"; TMX allows only XML's predefined entities")
        }
        let memory = try TMXReader(document: document, input: input).read()
        return TMXRecords(input: input, memory: memory).batch()
    }
}
