/// Passage ids by the first formula, as external importers written against protocol v1 compute them.
public extension ImportBatch {
    /// Rewrites every passage id made by the first formula (`PassageID.legacy`) to the current one, and every
    /// reference to it in the batch: figures' passages, pairs' sides, the ids of pairs derived from those sides,
    /// their children's `parent` and their aligned units.
    ///
    /// A plugin that follows the protocol's first formula thus keeps working; ids matching neither formula are
    /// left for validation to refuse. A legacy id naming a passage that is already archived, outside the batch,
    /// cannot be rewritten (the formula cannot be inverted) and is refused as unknown.
    mutating func upgradeLegacyPassageIDs() {
        var renamedPassages: [PassageID: PassageID] = [:]
        for position in passages.indices {
            let passage = passages[position]
            let current = PassageID(document: passage.documentID, index: passage.index)
            guard passage.id != current,
                  passage.id == PassageID.legacy(document: passage.documentID, index: passage.index) else { continue }
            renamedPassages[passage.id] = current
            passages[position].id = current
        }
        guard !renamedPassages.isEmpty else { return }
        for position in figures.indices {
            if let id = figures[position].passageID, let renamed = renamedPassages[id] { figures[position].passageID = renamed }
        }
        func upgraded(_ side: PairSide) -> PairSide {
            if case .passage(let id) = side, let renamed = renamedPassages[id] { return .passage(renamed) }
            return side
        }
        var renamedPairs: [PairID: PairID] = [:]
        for position in pairs.indices {
            let pair = pairs[position]
            let original = upgraded(pair.original), rendering = upgraded(pair.rendering)
            guard original != pair.original || rendering != pair.rendering else { continue }
            if pair.id == PairID(original: pair.original, rendering: pair.rendering) {
                let current = PairID(original: original, rendering: rendering)
                renamedPairs[pair.id] = current
                pairs[position].id = current
            }
            pairs[position].original = original
            pairs[position].rendering = rendering
        }
        guard !renamedPairs.isEmpty else { return }
        for position in pairs.indices {
            if let parent = pairs[position].parent, let renamed = renamedPairs[parent] { pairs[position].parent = renamed }
        }
        for position in alignedUnits.indices {
            if let renamed = renamedPairs[alignedUnits[position].pairID] { alignedUnits[position].pairID = renamed }
        }
    }
}
