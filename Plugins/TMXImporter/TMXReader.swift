import DiglotImporting
import DiglotModel
import DiglotXML

/// A translation memory as read from the XML, checked, before it becomes archive records.
struct TranslationMemory {
    struct Unit {
        /// 1-based position among the file's `tu`s, for messages.
        var position: Int
        var tuid: String?
        var line: Int
        var props: [String: String]
        var segtype: String?
        var source: (language: LanguageTag, text: String)
        var targets: [(language: LanguageTag, text: String)]
    }

    var units: [Unit]
    var headerSegtype: String
    var warnings: [String]
}

/// Walks a parsed TMX and checks what the importer relies on.
struct TMXReader {
    let document: MarkupDocument
    let input: ImportInput

    func read() throws -> TranslationMemory {
        guard let root = document.root, root.name == "tmx" else {
            throw input.error("the root element is not <tmx>", line: document.root?.line)
        }
        guard let header = root.children(named: "header").first else {
            throw input.error("the TMX has no <header>", line: root.line)
        }
        guard let headerSource = header.attribute("srclang"), !headerSource.isEmpty else {
            throw input.error("the TMX header has no srclang: the source language of its units is unknown",
                              line: header.line)
        }
        let headerSegtype = header.attribute("segtype") ?? "sentence"
        var units: [TranslationMemory.Unit] = []
        var warnings: [String] = []
        let tus = root.children(named: "body").first?.children(named: "tu") ?? []
        for (offset, tu) in tus.enumerated() {
            let position = offset + 1
            let name = "tu \(position)" + (tu.attribute("tuid").map { " (tuid \($0))" } ?? "")
            let variants = try tu.children(named: "tuv").map { tuv in try variant(tuv, in: name) }
            guard variants.count >= 2 else {
                throw input.error("\(name) has \(variants.count == 1 ? "only one tuv" : "no tuv"); a translation unit needs the source and a translation",
                                  line: tu.line)
            }
            let declared = tu.attribute("srclang") ?? headerSource
            let sourceIndex: Int
            if declared == "*all*" {
                sourceIndex = variants.firstIndex { $0.language.isEastSlavic } ?? 0
            } else if let found = variants.firstIndex(where: { $0.language == LanguageTag(bcp47: declared) }) {
                sourceIndex = found
            } else {
                throw input.error("\(name) has no tuv in its source language \(declared)", line: tu.line)
            }
            let source = variants[sourceIndex]
            let targets = variants.enumerated().filter { $0.offset != sourceIndex && $0.element.language != source.language }
                .map(\.element)
            if targets.isEmpty {
                throw input.error("\(name) has no tuv in a language other than its source \(source.language)", line: tu.line)
            }
            if source.text.allSatisfy(\.isWhitespace) || targets.contains(where: { $0.text.allSatisfy(\.isWhitespace) }) {
                warnings.append("\(name) at line \(tu.line) has an empty segment; skipped")
                continue
            }
            var props: [String: String] = [:]
            for prop in tu.children(named: "prop") {
                if let type = prop.attribute("type"), props[type] == nil { props[type] = prop.text }
            }
            units.append(.init(position: position, tuid: tu.attribute("tuid"), line: tu.line, props: props,
                               segtype: tu.attribute("segtype"), source: source, targets: targets))
        }
        return TranslationMemory(units: units, headerSegtype: headerSegtype, warnings: warnings)
    }

    private func variant(_ tuv: MarkupNode, in unit: String) throws -> (language: LanguageTag, text: String) {
        guard let code = tuv.attribute("lang", namespace: MarkupNode.xmlNamespace), !code.isEmpty else {
            throw input.error("a tuv of \(unit) has no xml:lang", line: tuv.line)
        }
        let segs = tuv.children(named: "seg")
        guard segs.count == 1 else {
            throw input.error("the \(code) tuv of \(unit) has \(segs.count) seg elements; TMX requires exactly one",
                              line: tuv.line)
        }
        return (LanguageTag(bcp47: code), Self.plainText(of: segs[0]))
    }

    /// A segment's text without its inline codes: `bpt`, `ept`, `it`, `ph` and `ut` hold the original format's
    /// markup (`<b>`, `{\b`), not text; `hi` holds text and is kept.
    static func plainText(of node: MarkupNode) -> String {
        var text = ""
        for child in node.childNodes {
            if child.isText { text += child.text }
            else if child.isElement, child.name == "hi" { text += plainText(of: child) }
        }
        return text
    }
}
