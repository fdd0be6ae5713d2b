import DiglotModel
import DiglotPairing
import DiglotStore

/// Weighs the engine's proposals against the pairs already stored, so that curation and earlier evidence win.
///
/// - A pair a person unlinked is never proposed again.
/// - Two documents already paired at any level (an importer's tweet↔quote pair, a bulletin pair, a manual
///   link) are not paired a second time.
/// - One rendering per original per target language and one original per rendering, among document-level
///   pairs: a manual or importer pair holds its slot; an earlier engine pair holds it unless the new proposal is
///   more confident, and then it is displaced (removed). Explicitly linked proposals (one links to the other)
///   are exempt from the slot rule, as in the engine.
enum PairSelection {
    struct Decision {
        var kept: [ScoredPair] = []
        /// Earlier engine pairs a more confident proposal replaces.
        var displaced: [PairID] = []
        /// Proposals left out (unlinked, already paired, slot held).
        var keptOut = 0
    }

    private struct Slot: Hashable { var original: DocumentID; var language: LanguageTag }
    private struct Couple: Hashable {
        var a: DocumentID, b: DocumentID
        init(_ x: DocumentID, _ y: DocumentID) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// - Parameter proposed: best first, as `PairingEngine.findPairs` returns them.
    static func decide(_ proposed: [ScoredPair], store: ArchiveStore) throws -> Decision {
        var decision = Decision()
        guard !proposed.isEmpty else { return decision }
        let unlinked = try store.unlinked(among: proposed.map(\.pairID))
        let stored = try store.pairs(touching: Set(proposed.flatMap { [$0.original, $0.rendering] }))
        var byID: [PairID: PairEnds] = [:]
        var couples: [Couple: Set<PairID>] = [:]
        var slots: [Slot: Set<PairID>] = [:]
        var renderings: [DocumentID: Set<PairID>] = [:]
        func hold(_ ends: PairEnds) {
            byID[ends.pair.id] = ends
            couples[Couple(ends.originalDocument, ends.renderingDocument), default: []].insert(ends.pair.id)
            guard ends.isDocumentLevel else { return }
            slots[Slot(original: ends.originalDocument, language: ends.renderingLanguage), default: []].insert(ends.pair.id)
            renderings[ends.renderingDocument, default: []].insert(ends.pair.id)
        }
        func release(_ id: PairID) {
            guard let ends = byID.removeValue(forKey: id) else { return }
            couples[Couple(ends.originalDocument, ends.renderingDocument)]?.remove(id)
            slots[Slot(original: ends.originalDocument, language: ends.renderingLanguage)]?.remove(id)
            renderings[ends.renderingDocument]?.remove(id)
        }
        stored.forEach(hold)

        for scored in proposed {
            let id = scored.pairID
            if unlinked.contains(id) { decision.keptOut += 1; continue }
            if let same = byID[id], same.pair.origin != .engine { decision.keptOut += 1; continue }
            var others: Set<PairID> = couples[Couple(scored.original, scored.rendering)] ?? []
            others.remove(id)
            if !others.isEmpty { decision.keptOut += 1; continue }
            if scored.features.explicitLink == 0 {
                var holders: Set<PairID> = slots[Slot(original: scored.original, language: scored.renderingLanguage)] ?? []
                holders.formUnion(renderings[scored.rendering] ?? [])
                holders.remove(id)
                let conflicts: [PairEnds] = holders.compactMap { byID[$0] }
                if conflicts.contains(where: { $0.pair.origin != .engine || $0.pair.confidence >= scored.confidence }) {
                    decision.keptOut += 1
                    continue
                }
                for conflict in conflicts {
                    decision.displaced.append(conflict.pair.id)
                    release(conflict.pair.id)
                }
            }
            decision.kept.append(scored)
            hold(PairEnds(pair: scored.pair, originalDocument: scored.original, originalLanguage: scored.originalLanguage,
                          renderingDocument: scored.rendering, renderingLanguage: scored.renderingLanguage))
        }
        return decision
    }
}
