import Foundation
import DiglotImporting
import DiglotModel

/// Reads one `item` line with the built-in importer that recognises it, and fills the documents' empty
/// fields from the item's metadata (a Telegram post's URL and date, which its text does not carry).
struct ItemRouter {
    let pluginName: String
    let catalog: ImporterCatalog

    /// Item metadata keys that fill document fields rather than landing in `metadata`.
    static let documentFields: Set<String> = ["url", "published", "author", "publisher", "title", "language"]

    /// - Throws: `ImportError` naming the outer file, the plugin and the item.
    func read(_ item: ExternalItem, index: Int, line: Int, outer: ImportInput,
              configuration: ImporterConfiguration) throws -> ImportBatch {
        let label = "item \(index) (line \(line)\(item.fileName.map { ", \($0)" } ?? ""))"
        let bytes: Data
        do {
            bytes = try item.bytes()
        } catch let problem as ExternalItem.ItemProblem {
            throw outer.error("\(pluginName) wrote invalid output: \(label): \(problem.description); nothing was imported")
        }
        let input = ImportInput(bytes: bytes, fileName: item.fileName ?? "item-\(index)",
                                declaredMediaType: item.mediaType, metadata: item.metadata)
        var batch: ImportBatch
        do {
            let (importer, _) = try catalog.detect(input)
            batch = try importer.read(input, configuration: configuration)
        } catch let error as ImportError {
            throw outer.error("\(label) from \(pluginName) could not be imported: \(error.description); nothing was imported")
        }
        batch.documents = batch.documents.map { enrich($0, with: item.metadata) }
        return batch
    }

    private func enrich(_ document: Document, with metadata: [String: String]) -> Document {
        var document = document
        if document.canonicalURL == nil { document.canonicalURL = metadata["url"] }
        if document.published == nil { document.published = metadata["published"].flatMap { PublishedDate(iso: $0) } }
        if document.author == nil { document.author = metadata["author"] }
        if document.publisher == nil { document.publisher = metadata["publisher"] }
        if document.title == nil { document.title = metadata["title"] }
        if document.declaredLanguage == nil { document.declaredLanguage = metadata["language"].map { LanguageTag(bcp47: $0) } }
        for (key, value) in metadata where !Self.documentFields.contains(key) && document.metadata[key] == nil {
            document.metadata[key] = value
        }
        return document
    }
}
