import DiglotModel

/// Moses plain text, the parallel-corpus form MT toolkits train on: `PATH.<source>` and `PATH.<target>`, line
/// N of one the translation of line N of the other.
///
/// One translation unit per line; line breaks inside a unit (CR, LF, CRLF, U+0085, U+2028, U+2029, vertical
/// tab, form feed) and tabs become single spaces, so both files always have the same number of lines. A
/// parallel corpus has one direction: `sourceLanguage`/`targetLanguage`, or else the first pair's languages,
/// and a pair in another direction stops the export with an `ExportError`.
///
/// ```swift
/// try Exporter.export(items, format: .moses(), to: .file(URL(fileURLWithPath: "corpus")))  // corpus.uk, corpus.en
/// ```
public struct MosesFormat: ExportFormat {
    public var identifier: String { "moses" }
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?

    public init(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func makeWriter(to destination: ExportDestination) throws -> any ExportWriter {
        MosesWriter(format: self, destination: destination)
    }

    /// A unit's text as one line (without the line end).
    public static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\r", "\n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

public extension ExportFormat where Self == MosesFormat {
    /// Moses parallel text (see `MosesFormat`).
    static func moses(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) -> MosesFormat {
        MosesFormat(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }
}

final class MosesWriter: ExportWriter {
    private let format: MosesFormat
    private let destination: ExportDestination
    private var outputs: (source: BufferedOutput, target: BufferedOutput, languages: (LanguageTag, LanguageTag))?
    private var summary = ExportSummary()

    init(format: MosesFormat, destination: ExportDestination) {
        self.format = format
        self.destination = destination
    }

    func write(_ item: ExportPair) throws {
        let outputs = try openIfNeeded(source: item.original.language, target: item.rendering.language)
        guard item.original.language == outputs.languages.0, item.rendering.language == outputs.languages.1 else {
            throw ExportError.direction(item, format: "Moses", source: outputs.languages.0, target: outputs.languages.1)
        }
        let units = item.translationUnits
        for unit in units {
            try outputs.source.write(MosesFormat.line(unit.original) + "\n")
            try outputs.target.write(MosesFormat.line(unit.rendering) + "\n")
        }
        summary.count(item, written: units.count)
    }

    func finish() throws -> ExportSummary {
        guard let outputs else {
            // Nothing was exported: still leave the two (empty) files the user asked for, when their names are known.
            if let source = format.sourceLanguage, let target = format.targetLanguage {
                try openIfNeeded(source: source, target: target)
                return try finish()
            }
            return summary
        }
        try outputs.source.close()
        try outputs.target.close()
        return summary
    }

    @discardableResult
    private func openIfNeeded(source: LanguageTag, target: LanguageTag) throws
        -> (source: BufferedOutput, target: BufferedOutput, languages: (LanguageTag, LanguageTag)) {
        if let outputs { return outputs }
        let languages = (format.sourceLanguage ?? source, format.targetLanguage ?? target)
        guard languages.0 != languages.1 else {
            throw ExportError("Moses needs two languages, one file each, but both sides are \(languages.0)")
        }
        let opened = (BufferedOutput(try destination.open(suffix: languages.0.rawValue)),
                      BufferedOutput(try destination.open(suffix: languages.1.rawValue)), languages)
        outputs = opened
        return opened
    }
}
