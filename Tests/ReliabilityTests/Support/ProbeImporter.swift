import Foundation
import DiglotImporting
import DiglotLanguage
import DiglotModel
import DiglotXML

/// A test-only importer that reads every input the way the platform's shared layers do: `.xml` through
/// `MarkupDocument.xml` (strict, with the configured depth and entity limits), `.html`/`.htm` through
/// `MarkupDocument.html`, anything else through `ImportInput.text()` (BOMs, UTF-8, windows-1251, KOI8-U).
///
/// It gives hostile input a reader that is independent of which real importers this build has, so the
/// pipeline, DiglotXML and the text decoder are attacked whatever has landed. One document per input,
/// one passage per non-empty line.
struct ProbeImporter: Importer {
    static let identifier = "probe"
    static let summary = "Test reader over DiglotXML and TextDecoder"
    static let version = "1"
    static let mediaTypes = ["application/octet-stream"]

    /// Lowest non-zero confidence: any real importer that recognises the input wins.
    static func confidence(for input: ImportInput) -> Double { input.bytes.isEmpty ? 0 : 0.001 }

    let configuration: ImporterConfiguration

    init(configuration: ImporterConfiguration) { self.configuration = configuration }

    func read(_ input: ImportInput) throws -> ImportBatch {
        let limits = MarkupDocument.Limits(maximumDepth: configuration.maximumNestingDepth,
                                           maximumEntityExpansion: configuration.maximumEntityExpansion)
        let text: String
        do {
            switch input.fileExtension {
            case "xml", "tmx":
                text = try MarkupDocument.xml(input.bytes, fileName: input.fileName, limits: limits).root?.text ?? ""
            case "html", "htm":
                text = try MarkupDocument.html(input.bytes, fileName: input.fileName, encoding: nil, limits: limits).root?.text ?? ""
            default:
                text = try input.text()
            }
        } catch let error as MarkupError {
            throw input.error(error.message, line: error.line, column: error.column)
        }
        let id = DocumentID(naturalKey: "probe:\(input.sourceID.rawValue)")
        let language = LanguageDetector.detect(text)
        var builder = PassageBuilder(documentID: id, language: language)
        for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            builder.append(String(line), role: .paragraph)
        }
        let (documentText, passages) = builder.finish()
        guard !documentText.isEmpty else { throw input.error("holds no text") }
        var batch = ImportBatch()
        batch.documents = [Document(id: id, kind: .article, language: language, title: input.fileName, text: documentText)]
        batch.passages = passages
        return batch
    }
}
