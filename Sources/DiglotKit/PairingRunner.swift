import Foundation
import DiglotModel
import DiglotPairing
import DiglotStore

/// `diglot pair`: finds original↔rendering pairs among the documents that arrived since the last run, checks the
/// fidelity of pairs no check has looked at yet, and records manual links and unlinks.
///
/// Each new document gets a `PairingCandidate` (text, passages, figures, URL and tweet status id, and any
/// `links` metadata) whose signature, blocking tokens and link keys go into the archive's candidate tables once;
/// the engine then looks for partners through `StoreCandidateIndex`. What it proposes is weighed against the pairs
/// already stored: an unlinked pair never comes back, a manual or importer pair keeps its slot (one rendering per
/// original per target language, one original per rendering), and an earlier engine pair gives way only to a
/// more confident one. Kept pairs are aligned sentence by sentence and checked before they are saved.
///
/// ```swift
/// let summary = try PairingRunner(store: store).run()
/// print(summary.examined, summary.pairs)
/// ```
public struct PairingRunner: Sendable {
    /// The meta key holding the arrival number of the last document examined.
    public static let lastSequenceKey = "pairing.last_sequence"

    public let store: ArchiveStore
    public let engine: PairingEngine
    /// Documents examined per round (their candidates are held in memory together).
    public var batchSize: Int

    public init(store: ArchiveStore, windowDays: Int = 3, threshold: Double = 0.5, batchSize: Int = 5_000) {
        self.store = store
        var configuration = PairingEngine.Configuration(dateWindowDays: windowDays, threshold: threshold)
        configuration.alignsAndChecks = false
        engine = PairingEngine(configuration: configuration)
        self.batchSize = max(1, batchSize)
    }

    /// Examines every document that arrived since the last run, then checks unchecked pairs.
    /// - Throws: `StoreError` when the archive cannot be read or written; what earlier rounds saved stays saved.
    public func run() throws -> PairingSummary {
        let clock = ContinuousClock(), start = clock.now
        var summary = PairingSummary()
        var last = Int64(try store.meta(Self.lastSequenceKey) ?? "") ?? 0
        while true {
            let arrivals = try store.documents(since: last, limit: batchSize)
            guard let newest = arrivals.last?.sequence else { break }
            try examine(arrivals, into: &summary)
            last = newest
            try store.setMeta(Self.lastSequenceKey, String(last))
        }
        summary.checked = try checkUncheckedPairs()
        summary.lastSequence = last
        let elapsed = (clock.now - start).components
        summary.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return summary
    }

    /// Records the candidate signatures of every document that arrived since the last run and marks them
    /// examined, *without* looking for their pairs.
    ///
    /// For bulk loads and scale benchmarks only: it stands for the earlier `diglot pair` runs an archive of a
    /// million documents would have had, so that the next run's cost (the new arrivals against the whole
    /// archive) can be measured without first pairing the million among themselves. `diglot` never calls it.
    /// - Returns: how many documents were indexed.
    public func indexWithoutPairing() throws -> Int {
        var last = Int64(try store.meta(Self.lastSequenceKey) ?? "") ?? 0
        var indexed = 0
        while true {
            let arrivals = try store.documents(since: last, limit: batchSize)
            guard let newest = arrivals.last?.sequence else { break }
            indexed += try index(arrivals).count
            last = newest
            try store.setMeta(Self.lastSequenceKey, String(last))
        }
        return indexed
    }

    /// The arrivals as the engine sees them, their signatures saved in the candidate tables.
    private func index(_ arrivals: [(document: Document, sequence: Int64)]) throws -> [PairingCandidate] {
        let parts = try store.passageTextsAndFigures(of: arrivals.map(\.document))
        let stored = zip(arrivals, parts).map { arrival, part in
            StoredParts(document: arrival.document, sequence: arrival.sequence, passages: part.passages, figures: part.figures)
        }
        // The index entry (the signature encoded) is made beside the signature, on every core: on the main thread
        // it was 0.8 s of serial work at 100k documents.
        let indexed = ConcurrentWork.map(stored) { (parts: StoredParts) -> (PairingCandidate, CandidateEntry) in
            let candidate = Self.candidate(for: parts.document, passages: parts.passages, figures: parts.figures)
            return (candidate, StoreCandidateIndex.entry(for: candidate, sequence: parts.sequence))
        }
        try store.saveCandidates(indexed.map(\.1))
        return indexed.map(\.0)
    }

    /// One round: index the arrivals, find their pairs, keep those the stored pairs allow, align and save them.
    private func examine(_ arrivals: [(document: Document, sequence: Int64)], into summary: inout PairingSummary) throws {
        let candidates = try index(arrivals)
        summary.examined += arrivals.count

        let index = StoreCandidateIndex(store: store)
        let proposed = engine.findPairs(new: candidates, pool: index)
        try index.checkError()
        summary.found += proposed.count

        let decision = try PairSelection.decide(proposed, store: store)
        summary.keptOut += decision.keptOut
        summary.displaced += try store.removeEnginePairs(decision.displaced)

        let known = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var missing = Set<DocumentID>()
        for pair in decision.kept { missing.insert(pair.original); missing.insert(pair.rendering) }
        missing.subtract(known.keys)
        var texts = known
        for document in try store.documents(missing) {
            // A partner from the archive came back from the index without its text; its signature is reused.
            guard var partner = index.lookedUp(document.id) else {
                texts[document.id] = try candidate(for: document)
                continue
            }
            partner.title = document.title
            partner.text = document.text
            texts[document.id] = partner
        }
        let full = texts
        let aligned: [ScoredPair] = ConcurrentWork.map(decision.kept) { (pair: ScoredPair) -> ScoredPair in
            guard let original = full[pair.original], let rendering = full[pair.rendering] else { return pair }
            return engine.aligned(pair, original: original, rendering: rendering)
        }
        summary.pairs += try store.savePairs(aligned.map(\.pair), alignedUnits: aligned.flatMap(\.alignment))
    }

    /// A stored document with its passages and figures.
    private struct StoredParts: Sendable {
        var document: Document
        var sequence: Int64
        var passages: [String]
        var figures: [Figure]
    }

    /// A stored document as the engine sees it.
    func candidate(for document: Document) throws -> PairingCandidate {
        Self.candidate(for: document, passages: try store.passages(of: document.id).map(\.text),
                       figures: try store.figures(of: document.id))
    }

    /// A document as the engine sees it: its URL and tweet status id are its own link keys; URLs in its text and
    /// in its `links` metadata (space-separated) are what it links to.
    static func candidate(for document: Document, passages: [String], figures: [Figure]) -> PairingCandidate {
        let links = (document.metadata["links"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return PairingCandidate(
            id: document.id, language: document.language, kind: document.kind, published: document.published,
            title: document.title, text: document.text, passages: passages,
            url: document.canonicalURL ?? document.metadata["url"], statusID: document.metadata["status_id"],
            links: links, metadata: document.metadata, figures: figures)
    }

    /// Checks the fidelity of pairs stored `unchecked` (an importer's tweet↔quote and TMX pairs, manual links made
    /// before a check could run) and saves the reports, with sentence alignments where the pair had none.
    /// - Returns: how many pairs were checked.
    public func checkUncheckedPairs() throws -> Int {
        var checked = 0
        while true {
            let rows = try store.uncheckedPairs(limit: 2_000)
            guard !rows.isEmpty else { break }
            // Each check reads only its two texts, so the batch is checked on every core; until session 26 it
            // ran on this thread alone, a tenth of `diglot pair`'s instructions over 10,000 documents while the
            // other core waited. The archive is read and written here, in order.
            let checks = ConcurrentWork.map(rows) { row in
                check(row.pair.id, original: row.originalText, originalLanguage: row.originalLanguage,
                      rendering: row.renderingText, renderingLanguage: row.renderingLanguage)
            }
            var pairs: [Pair] = []
            var units: [AlignedUnit] = []
            let alreadyAligned = try store.pairsWithAlignedUnits(rows.map(\.pair.id))
            for (row, (report, aligned)) in zip(rows, checks) {
                var pair = row.pair
                pair.fidelity = report
                pairs.append(pair)
                if !alreadyAligned.contains(pair.id) { units += aligned }
            }
            let saved = try store.savePairs(pairs, alignedUnits: units)
            checked += saved
            if saved == 0 { break }
        }
        return checked
    }

    /// The fidelity report and sentence alignment of two texts.
    func check(_ id: PairID, original: String, originalLanguage: LanguageTag, rendering: String,
               renderingLanguage: LanguageTag) -> (FidelityReport, [AlignedUnit]) {
        let units = engine.aligner.align(original: original, originalLanguage: originalLanguage,
                                         rendering: rendering, renderingLanguage: renderingLanguage)
        let report = engine.checker.check(units: units, originalLanguage: originalLanguage, renderingLanguage: renderingLanguage)
        let aligned = units.enumerated().map { index, unit in
            AlignedUnit(pairID: id, index: index, originalText: unit.original.joined(separator: " "),
                        renderingText: unit.rendering.joined(separator: " "), pattern: unit.pattern)
        }
        return (report, aligned)
    }
}
