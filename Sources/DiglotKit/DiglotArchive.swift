import Foundation
import DiglotAnalysis
import DiglotImporters
import DiglotImporting
import DiglotModel
import DiglotStore

/// Everything the `diglot` command does, callable in process (tests, the benchmark).
///
/// ```swift
/// let archive = try DiglotArchive(path: "diglot.sqlite")
/// let summary = archive.importer().run(paths: ["Samples"])
/// for hit in try archive.search("танків", language: .ukrainian) { print(hit.snippet) }
/// ```
public struct DiglotArchive: Sendable {
    public let store: ArchiveStore

    /// Opens (or creates) the archive at `path`, with Diglot's morphological search analysis by default.
    /// Hunspell is loaded only when an import meets a word this process has not analysed; a search reads the
    /// archive's vocabulary instead.
    /// - Throws: `StoreError` when the file is not a usable Diglot archive, `MorphologyError` when the
    ///   Hunspell dictionaries are not installed.
    public init(path: String, analysis: SearchAnalysis = .morphological()) throws {
        store = try ArchiveStore(path: path, analysis: analysis)
    }

    public init(store: ArchiveStore) { self.store = store }

    /// The import pipeline over this archive.
    public func importer(catalog: ImporterCatalog = .builtin,
                         configuration: ImporterConfiguration = .default) -> ImportPipeline {
        ImportPipeline(store: store, catalog: catalog, configuration: configuration)
    }

    /// Documents matching `text`, best first, each with its pairs' other sides.
    /// - Parameters:
    ///   - from: first UTC publication day, `YYYY-MM-DD`; `to` the last (inclusive).
    /// - Throws: `SearchQueryError` when the query has nothing to search for (its `description` says why).
    public func search(_ text: String, language: LanguageTag? = nil, kind: DocumentKind? = nil,
                       from: String? = nil, to: String? = nil, limit: Int = 20) throws -> [SearchResult] {
        try store.search(SearchRequest(text: text, language: language, kind: kind, from: from, to: to, limit: limit))
            .map(SearchResult.init)
    }

    /// How a query's text was read where it was not well formed ("An unmatched quote was ignored."), for
    /// the user; empty for a well-formed query or one that is refused.
    public static func queryNotes(_ text: String) -> [String] {
        (try? SearchQuery.parse(text).get())?.notes ?? []
    }

    /// The document with `id`, or nil.
    public func show(_ id: String) throws -> DocumentDetail? {
        try store.document(DocumentID(rawValue: id)).map(DocumentDetail.init)
    }

    public func list(kind: DocumentKind? = nil, language: LanguageTag? = nil) throws -> [DocumentListing] {
        try store.documents(kind: kind, language: language).map(DocumentListing.init)
    }

    /// Calls `body` with each pair, streaming.
    public func forEachPair(originalLanguage: LanguageTag? = nil, renderingLanguage: LanguageTag? = nil,
                            _ body: (PairListing) throws -> Void) throws {
        try store.forEachPair(PairFilter(originalLanguage: originalLanguage, renderingLanguage: renderingLanguage)) {
            try body(PairListing($0))
        }
    }

    public func figures(from: String? = nil, to: String? = nil, category: FigureCategory? = nil) throws -> [FigureListing] {
        try store.figures(FigureFilter(from: from, to: to, category: category)).map(FigureListing.init)
    }

    public func stats() throws -> ArchiveStats { ArchiveStats(try store.statistics()) }

    /// Problems found, one sentence each; empty when the archive is sound.
    public func verify() throws -> [String] { try store.verify() }

    /// The importers this build knows, as `diglot importers` lists them.
    public static func importers(catalog: ImporterCatalog = .builtin) -> [ImporterListing] {
        catalog.importers.map(ImporterListing.init)
    }
}
