import Foundation
import DiglotImporting
import DiglotModel

/// A test-only importer for `.note` files, so the pipeline can be tested before built-in importers exist.
///
/// A note holds documents separated by `---`; each starts with `key:`, `lang:` and optional `title:` lines,
/// then its text. `pair: KEY > KEY` lines (anywhere) pair two documents, which may come from earlier files.
/// A line `fail` makes the importer throw, naming the line.
struct NoteImporter: Importer {
    static let identifier = "note"
    static let summary = "Test notes"
    static let version = "1"
    static let mediaTypes = ["text/x-note"]

    static func confidence(for input: ImportInput) -> Double { input.fileExtension == "note" ? 0.9 : 0 }

    init(configuration: ImporterConfiguration) {}

    func read(_ input: ImportInput) throws -> ImportBatch {
        var batch = ImportBatch()
        let text = try input.text()
        var lineNumber = 0
        for block in text.components(separatedBy: "\n---\n") {
            var key: String?
            var language = LanguageTag.undetermined
            var title: String?
            var body: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                lineNumber += 1
                if line == "fail" { throw input.error("the note asks to fail", line: lineNumber) }
                if line.hasPrefix("key: ") { key = String(line.dropFirst(5)) }
                else if line.hasPrefix("lang: ") { language = LanguageTag(bcp47: String(line.dropFirst(6))) }
                else if line.hasPrefix("title: ") { title = String(line.dropFirst(7)) }
                else if line.hasPrefix("pair: ") {
                    let keys = line.dropFirst(6).components(separatedBy: " > ")
                    batch.pairs.append(Pair(original: .document(DocumentID(naturalKey: keys[0])),
                                            rendering: .document(DocumentID(naturalKey: keys[1])),
                                            method: .explicitLink, confidence: 0.9))
                } else if !line.isEmpty { body.append(line) }
            }
            guard let key else { continue }
            let id = DocumentID(naturalKey: key)
            var builder = PassageBuilder(documentID: id, language: language)
            for paragraph in body { builder.append(paragraph, role: .paragraph) }
            let (documentText, passages) = builder.finish()
            batch.documents.append(Document(id: id, kind: .article, language: language, title: title, text: documentText))
            batch.passages += passages
        }
        return batch
    }
}
