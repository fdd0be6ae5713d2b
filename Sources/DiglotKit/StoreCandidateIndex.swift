import Foundation
import DiglotModel
import DiglotPairing
import DiglotStore

/// The pairing engine's `CandidateIndex` over the archive's candidate tables: documents by language and
/// published day, by shared blocking tokens, and by link keys, each an indexed SQL lookup.
///
/// Candidates come back light: signature, day, kind and links, no text (scoring needs no text; the runner
/// reads the texts of the pairs it keeps). `CandidateIndex` cannot throw, so the first archive error is kept
/// and `checkError()` rethrows it after the engine has run.
///
/// ```swift
/// let index = StoreCandidateIndex(store: store)
/// let found = engine.findPairs(new: arrivals, pool: index)
/// try index.checkError()
/// ```
public final class StoreCandidateIndex: CandidateIndex, @unchecked Sendable {
    public let store: ArchiveStore
    /// A token carried by more documents than this on one day is no evidence for that day (as in
    /// `InMemoryCandidateIndex`).
    public let stopTokenLength: Int
    private let lock = NSLock()

    /// The candidates lookups decoded, by arrival number (what lookups return first).
    private var bySequence: [Int64: PairingCandidate] = [:]
    /// The arrival number of each decoded candidate's document (a second dictionary of candidates would hold
    /// a second copy of each: 60 MB more at a million documents).
    private var sequenceOfDocument: [DocumentID: Int64] = [:]
    private var firstError: (any Error)?

    public init(store: ArchiveStore, stopTokenLength: Int = 512) {
        self.store = store
        self.stopTokenLength = stopTokenLength
    }

    public func candidates(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int)
        -> [(candidate: PairingCandidate, sharedTokens: Int)] {
        let found: [(candidate: PairingCandidate, sharedTokens: Int)]? = attempt {
            try store.candidateHits(language: language, days: days, sharing: tokens, limit: limit,
                                    stopTokenLength: stopTokenLength, known: isDecoded).map { hit in
                (candidate: try candidate(hit), sharedTokens: hit.sharedTokens)
            }
        }
        return found ?? []
    }

    public func candidates(language: LanguageTag, days: ClosedRange<Int>, limit: Int) -> [PairingCandidate] {
        let found: [PairingCandidate]? = attempt {
            try store.candidateHits(language: language, days: days, limit: limit, known: isDecoded).map(candidate)
        }
        return found ?? []
    }

    public func candidates(linkedBy links: Set<String>) -> [PairingCandidate] {
        let found: [PairingCandidate]? = attempt {
            try store.candidateHits(linkedBy: links, known: isDecoded).map(candidate)
        }
        return found ?? []
    }

    /// The candidate a lookup of this run already returned (signature and links, no text), or nil.
    public func lookedUp(_ id: DocumentID) -> PairingCandidate? {
        lock.lock()
        defer { lock.unlock() }
        return sequenceOfDocument[id].flatMap { bySequence[$0] }
    }

    /// Rethrows the first archive error any lookup met.
    public func checkError() throws {
        lock.lock()
        defer { lock.unlock() }
        if let firstError { throw firstError }
    }

    private func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch {
            lock.lock()
            if firstError == nil { firstError = error }
            lock.unlock()
            return nil
        }
    }

    /// Whether a lookup of this run already decoded the candidate with this arrival number (the store then
    /// does not read its row).
    private func isDecoded(_ sequence: Int64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return bySequence[sequence] != nil
    }

    /// The engine's view of a hit: decoded from its entry once per run, then taken from what was decoded.
    private func candidate(_ hit: CandidateHit) throws -> PairingCandidate {
        guard let entry = hit.entry else {
            lock.lock()
            let cached = bySequence[hit.sequence]
            lock.unlock()
            guard let cached else {
                // `isDecoded` said yes, so the candidate is there: the memory is never emptied during a run.
                throw StoreError(file: store.path, reason: .unreadable("pairing candidate \(hit.sequence) was lost"))
            }
            return cached
        }
        guard let signature = SignatureCodec.decode(entry.signature) else {
            throw StoreError(file: store.path, reason: .unreadable("the pairing signature of document \(entry.document) is damaged"))
        }
        var candidate = PairingCandidate(
            id: entry.document, language: entry.language, kind: entry.kind,
            published: entry.day.map { PublishedDate(instant: Date(timeIntervalSince1970: Double($0) * 86_400), precision: .day) },
            text: "", signature: signature)
        candidate.ownLinks = Set(entry.ownLinks)
        candidate.outgoingLinks = Set(entry.outgoingLinks)
        lock.lock()
        bySequence[entry.sequence] = candidate
        sequenceOfDocument[entry.document] = entry.sequence
        lock.unlock()
        return candidate
    }

    /// The index entry of a candidate built from a stored document.
    static func entry(for candidate: PairingCandidate, sequence: Int64) -> CandidateEntry {
        CandidateEntry(sequence: sequence, document: candidate.id, language: candidate.language, kind: candidate.kind,
                       day: candidate.day, signature: SignatureCodec.encode(candidate.signature),
                       tokens: candidate.signature.blockingTokens, ownLinks: candidate.ownLinks.sorted(),
                       outgoingLinks: candidate.outgoingLinks.sorted())
    }
}
