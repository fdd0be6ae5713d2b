import Foundation
import DiglotModel

/// Finds original↔rendering pairs across the archive, aligns them sentence by sentence and checks their fidelity.
///
/// For each new document it asks the pool for documents in the other language(s) published within the date
/// window that share blocking tokens (numbers, names) or a link, scores each candidate from the two signatures
/// with a logistic `ConfidenceModel`, and keeps one rendering per original per target language (and one original per
/// rendering) by best score; explicit links are kept whatever else matched. Only accepted pairs are aligned.
///
/// ```swift
/// let engine = PairingEngine(configuration: .init(dateWindowDays: 3, threshold: 0.5))
/// let pairs = engine.findPairs(new: arrivals, pool: InMemoryCandidateIndex(archive))
/// ```
public struct PairingEngine: Sendable {
    public struct Configuration: Sendable {
        /// Candidates are looked for within ± this many days.
        public var dateWindowDays: Int
        /// Pairs below this confidence are not proposed.
        public var threshold: Double
        /// At most this many token-sharing candidates are scored per document and language.
        public var candidateLimit: Int
        /// When a document has no blocking tokens, at most this many same-window documents are scored.
        public var fallbackLimit: Int
        /// Align and check fidelity of the accepted pairs (off for a quick count).
        public var alignsAndChecks: Bool
        public var model: ConfidenceModel

        public init(dateWindowDays: Int = 3, threshold: Double = 0.5, candidateLimit: Int = 64,
                    fallbackLimit: Int = 400, alignsAndChecks: Bool = true, model: ConfidenceModel = .default) {
            self.dateWindowDays = dateWindowDays
            self.threshold = threshold
            self.candidateLimit = candidateLimit
            self.fallbackLimit = fallbackLimit
            self.alignsAndChecks = alignsAndChecks
            self.model = model
        }
    }

    public var configuration: Configuration
    public var aligner = SentenceAligner()
    public var checker = FidelityChecker()

    public init(configuration: Configuration = .init()) { self.configuration = configuration }

    /// The pairs involving at least one of `new`, best first.
    public func findPairs(new: [PairingCandidate], pool: some CandidateIndex) -> [ScoredPair] {
        let accepted = assign(scoreCandidates(new: new, pool: pool))
        guard configuration.alignsAndChecks else { return accepted.map(\.pair) }
        return ConcurrentMap.map(accepted) { self.aligned($0.pair, original: $0.original, rendering: $0.rendering) }
    }

    /// Scores one document against another (the Ukrainian or Russian side becomes the original).
    public func score(_ a: PairingCandidate, _ b: PairingCandidate) -> ScoredPair {
        let (original, rendering) = Self.orient(a, b)
        let features = PairFeatures(original: original, rendering: rendering)
        let confidence = configuration.model.confidence(features)
        return ScoredPair(original: original.id, rendering: rendering.id, originalLanguage: original.language,
                          renderingLanguage: rendering.language, confidence: confidence,
                          method: method(features), features: features, alignment: [], fidelity: .unchecked)
    }

    /// Aligns a scored pair and checks its fidelity.
    public func aligned(_ pair: ScoredPair, original: PairingCandidate, rendering: PairingCandidate) -> ScoredPair {
        var result = pair
        let units = aligner.align(original: original.text, originalLanguage: original.language,
                                  rendering: rendering.text, renderingLanguage: rendering.language)
        result.alignment = units.enumerated().map { index, unit in
            AlignedUnit(pairID: pair.pairID, index: index, originalText: unit.original.joined(separator: " "),
                        renderingText: unit.rendering.joined(separator: " "), pattern: unit.pattern)
        }
        result.fidelity = checker.check(units: units, originalLanguage: original.language,
                                        renderingLanguage: rendering.language)
        return result
    }

    /// Ukrainian or Russian first; English second.
    static func orient(_ a: PairingCandidate, _ b: PairingCandidate) -> (PairingCandidate, PairingCandidate) {
        if b.language.isEastSlavic && !a.language.isEastSlavic { return (b, a) }
        return (a, b)
    }

    private func method(_ features: PairFeatures) -> PairMethod {
        if features.explicitLink > 0 { return .explicitLink }
        switch configuration.model.strongestFeature(features) {
        case "nameOverlap", "sharedNames": return .names
        case "glossaryOverlap": return .glossary
        default: return .numbers
        }
    }

    static func targetLanguages(of language: LanguageTag) -> [LanguageTag] {
        if language == .english { return [.ukrainian, .russian] }
        if language.isEastSlavic { return [.english] }
        return []
    }

    /// A scored pair with the two documents it was scored from, kept until alignment needs their texts.
    struct Scored: Sendable {
        var pair: ScoredPair
        var original: PairingCandidate
        var rendering: PairingCandidate
    }

    private func scoreCandidates(new: [PairingCandidate], pool: some CandidateIndex) -> [Scored] {
        let window = configuration.dateWindowDays
        let perDocument = ConcurrentMap.map(new) { document -> [Scored] in
            var seen = Set<DocumentID>()
            var result: [Scored] = []
            func consider(_ other: PairingCandidate) {
                guard other.id != document.id, Self.targetLanguages(of: document.language).contains(other.language),
                      seen.insert(other.id).inserted else { return }
                let scored = self.score(document, other)
                guard scored.confidence >= self.configuration.threshold else { return }
                let (original, rendering) = Self.orient(document, other)
                result.append(Scored(pair: scored, original: original, rendering: rendering))
            }
            let links = document.ownLinks.union(document.outgoingLinks)
            if !links.isEmpty {
                for other in pool.candidates(linkedBy: links) where other.isExplicitlyLinked(to: document) { consider(other) }
            }
            guard let day = document.day else { return result }
            let days = (day - window)...(day + window)
            let tokens = document.signature.blockingTokens
            for language in Self.targetLanguages(of: document.language) {
                var found = false
                if !tokens.isEmpty {
                    for (other, _) in pool.candidates(language: language, days: days, sharing: tokens,
                                                      limit: self.configuration.candidateLimit) {
                        found = true
                        consider(other)
                    }
                }
                if !found {
                    for other in pool.candidates(language: language, days: days, limit: self.configuration.fallbackLimit) {
                        consider(other)
                    }
                }
            }
            return result
        }
        var unique: [PairID: Scored] = [:]
        for scored in perDocument.joined() { unique[scored.pair.pairID] = scored }
        return Array(unique.values)
    }

    /// Best score first: each original gets at most one rendering per language and each rendering one original,
    /// except that explicitly linked pairs are always kept.
    func assign(_ scored: [Scored]) -> [Scored] {
        let ordered = scored.sorted {
            let (a, b) = ($0.pair, $1.pair)
            if (a.features.explicitLink > 0) != (b.features.explicitLink > 0) { return a.features.explicitLink > 0 }
            if a.confidence != b.confidence { return a.confidence > b.confidence }
            return a.pairID < b.pairID
        }
        struct Slot: Hashable { var document: DocumentID; var language: LanguageTag }
        var takenOriginal = Set<Slot>()
        var takenRendering = Set<DocumentID>()
        var accepted: [Scored] = []
        for scored in ordered {
            let pair = scored.pair
            let slot = Slot(document: pair.original, language: pair.renderingLanguage)
            if pair.features.explicitLink == 0, takenOriginal.contains(slot) || takenRendering.contains(pair.rendering) {
                continue
            }
            takenOriginal.insert(slot)
            takenRendering.insert(pair.rendering)
            accepted.append(scored)
        }
        return accepted
    }
}
