import Foundation
import DiglotAnalysis
import DiglotImporters
import DiglotImporting
import DiglotModel
import DiglotStore
import StaffBulletinImporter

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

    /// Closes the archive's connections; the last one copies the write-ahead log into the archive and removes
    /// it. Use the archive no more afterwards.
    public func close() throws { try store.close() }

    /// The import pipeline over this archive.
    public func importer(catalog: ImporterCatalog = .builtin,
                         configuration: ImporterConfiguration = .default) -> ImportPipeline {
        ImportPipeline(store: store, catalog: catalog, configuration: configuration)
    }

    /// Documents matching `text`, best first, each with its pairs' other sides.
    /// - Parameters:
    ///   - from: first UTC publication day, `YYYY-MM-DD`; `to` the last (inclusive).
    /// - Throws: `SearchQueryError` when the query has nothing to search for (its `description` says why).
    /// How many matches of one search stage BM25 ranks by default (`SearchRequest.rankingWindow`).
    public static let defaultRankingWindow = SearchRequest.defaultRankingWindow

    public func search(_ text: String, language: LanguageTag? = nil, kind: DocumentKind? = nil,
                       from: String? = nil, to: String? = nil, limit: Int = 20,
                       rankingWindow: Int = SearchRequest.defaultRankingWindow) throws -> [SearchResult] {
        try store.search(SearchRequest(text: text, language: language, kind: kind, from: from, to: to, limit: limit,
                                       rankingWindow: rankingWindow))
            .map(SearchResult.init)
    }

    /// How a query's text was read where it was not well formed ("An unmatched quote was ignored."), for
    /// the user; empty for a well-formed query or one that is refused.
    public static func queryNotes(_ text: String) -> [String] {
        (try? SearchQuery.parse(text).get())?.notes ?? []
    }

    /// The document with `id`, or nil; each pair carries both sides' texts and its sentence alignment.
    public func show(_ id: String) throws -> DocumentDetail? {
        guard let stored = try store.document(DocumentID(rawValue: id)) else { return nil }
        let texts = try store.texts(of: Set(stored.pairs.flatMap { [$0.pair.original, $0.pair.rendering] }))
        var units: [PairID: [AlignedUnit]] = [:]
        for link in stored.pairs { units[link.pair.id] = try store.alignedUnits(of: link.pair.id) }
        return DocumentDetail(stored, texts: texts, units: units)
    }

    /// `diglot pair`: examines the documents that arrived since the last run (see `PairingRunner`).
    public func pair(windowDays: Int = 3, threshold: Double = 0.5) throws -> PairingSummary {
        try PairingRunner(store: store, windowDays: windowDays, threshold: threshold).run()
    }

    /// `diglot pair --link`: a manual pair of two document or passage ids.
    /// - Throws: `StoreError.notFound` for an id that is neither a document nor a passage of the archive.
    public func link(original: String, rendering: String) throws -> PairListing {
        guard let o = PairSide(rawValue: original) else { throw StoreError(file: store.path, reason: .notFound("document or passage \(original)")) }
        guard let r = PairSide(rawValue: rendering) else { throw StoreError(file: store.path, reason: .notFound("document or passage \(rendering)")) }
        let pair = try PairingRunner(store: store).link(original: o, rendering: r)
        return try listing(of: pair.id)
    }

    /// `diglot pair --unlink`: removes a pair for good.
    /// - Throws: `StoreError.notFound` when the archive has no such pair.
    public func unlink(pair id: String) throws -> Pair {
        try PairingRunner(store: store).unlink(PairID(rawValue: id))
    }

    /// One stored pair as `diglot pairs --json` prints it.
    func listing(of id: PairID) throws -> PairListing {
        guard let row = try store.pairRow(id) else { throw StoreError(file: store.path, reason: .notFound("pair \(id)")) }
        return PairListing(row)
    }

    /// `diglot figures --check`: consistency findings over the stored figures (findings are data, not failures).
    public func checkFigures(from: String? = nil, to: String? = nil, category: FigureCategory? = nil) throws -> [FigureCheckListing] {
        FigureSeriesCheck.check(try store.figures(FigureFilter(from: from, to: to, category: category))).map(FigureCheckListing.init)
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

    /// Stores older passages as their spans and rebuilds the file (see `ArchiveStore.compact`).
    public func compact() throws -> CompactionOutcome { try store.compact() }

    /// The importers this build knows, as `diglot importers` lists them.
    public static func importers(catalog: ImporterCatalog = .builtin) -> [ImporterListing] {
        catalog.importers.map(ImporterListing.init)
    }
}
