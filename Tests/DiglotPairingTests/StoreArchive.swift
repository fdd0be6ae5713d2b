import Foundation
import DiglotKit
import DiglotModel
import DiglotStore

/// A fresh archive in its own temporary folder for the store-path pairing tests, removed when the value goes away.
final class StoreArchive {
    let folder: URL
    let path: String
    let store: ArchiveStore
    private let keeps: Bool

    /// - Parameter keeping: an archive path to create and keep afterwards (to time a release build of
    ///   `diglot pair` on it); by default a temporary one that is removed.
    init(keeping kept: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-pairing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = kept ?? folder.appendingPathComponent("archive.sqlite").path
        keeps = kept != nil
        store = try ArchiveStore(path: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        if !keeps { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes documents (and any pairs among them) as one input, the way an importer's batch arrives.
    @discardableResult
    func write(_ documents: [Document], pairs: [Pair] = [], passages: [Passage] = [], name: String = UUID().uuidString) throws -> WriteOutcome {
        let source = Source(bytes: Data((name + documents.map(\.id.rawValue).joined()).utf8), mediaType: "text/plain",
                            fileName: name, importedAt: Date(), importerID: "test", importerVersion: "1")
        return try store.write(source: source, batch: ImportBatch(documents: documents, passages: passages, pairs: pairs))
    }

    /// Every stored pair, by id.
    func pairs() throws -> [PairID: PairRow] {
        var result: [PairID: PairRow] = [:]
        try store.forEachPair { result[$0.pair.id] = $0 }
        return result
    }
}

extension EvaluationSet {
    /// The evaluation documents as archive documents (URL as canonical URL, extra links in `links` metadata),
    /// in the set's order, so arrival order matches the in-memory index's positions.
    func archiveDocuments() -> [DiglotModel.Document] {
        documents.map { document in
            var metadata: [String: String] = [:]
            if let links = document.links, !links.isEmpty { metadata["links"] = links.joined(separator: " ") }
            let kind = DocumentKind(rawValue: document.kind == "statement" ? "article" : document.kind) ?? .article
            return DiglotModel.Document(id: documentID[document.id]!, kind: kind, language: LanguageTag(bcp47: document.language),
                            title: document.title, published: PublishedDate(iso: document.published),
                            canonicalURL: document.url, text: document.text, metadata: metadata)
        }
    }
}
