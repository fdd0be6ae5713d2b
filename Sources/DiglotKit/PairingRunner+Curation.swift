import DiglotModel
import DiglotStore

extension PairingRunner {
    /// `diglot pair --link ORIGINAL RENDERING`: a manual pair (method `manual`, confidence 1) of two documents or
    /// passages, aligned and checked at once. An engine pair holding the same slot (another rendering of this
    /// original in this language, or another original of this rendering) is removed; no automatic run undoes
    /// the link.
    ///
    /// - Throws: `StoreError.notFound` naming the id the archive lacks.
    @discardableResult
    public func link(original: PairSide, rendering: PairSide) throws -> Pair {
        guard let originalLanguage = try store.language(of: original) else {
            throw StoreError(file: store.path, reason: .notFound(Self.describe(original)))
        }
        guard let renderingLanguage = try store.language(of: rendering) else {
            throw StoreError(file: store.path, reason: .notFound(Self.describe(rendering)))
        }
        var pair = try store.link(original: original, rendering: rendering)
        if case .document(let o) = original, case .document(let r) = rendering {
            let displaced = try store.pairs(touching: [o, r]).filter { ends in
                ends.pair.id != pair.id && ends.pair.origin == .engine && ends.isDocumentLevel
                    && ((ends.originalDocument == o && ends.renderingLanguage == renderingLanguage) || ends.renderingDocument == r)
            }
            try store.removeEnginePairs(displaced.map(\.pair.id))
        }
        let texts = try store.texts(of: [original, rendering])
        let (report, units) = check(pair.id, original: texts[original] ?? "", originalLanguage: originalLanguage,
                                    rendering: texts[rendering] ?? "", renderingLanguage: renderingLanguage)
        pair.fidelity = report
        _ = try store.savePairs([pair], alignedUnits: units)
        return pair
    }

    /// `diglot pair --unlink PAIR`: removes a stored pair (and the line pairs inside it) and records the unlink,
    /// so no import or later `diglot pair` run re-creates it.
    /// - Returns: the pair that was removed.
    /// - Throws: `StoreError.notFound` when the archive has no such pair.
    @discardableResult
    public func unlink(_ id: PairID) throws -> Pair {
        guard let pair = try store.pair(id) else { throw StoreError(file: store.path, reason: .notFound("pair \(id)")) }
        let documents = Set([pair.original, pair.rendering].compactMap { side -> DocumentID? in
            if case .document(let d) = side { return d }
            return nil
        })
        for child in try store.pairs(touching: documents) where child.pair.parent == id {
            try store.unlink(original: child.pair.original, rendering: child.pair.rendering)
        }
        try store.unlink(original: pair.original, rendering: pair.rendering)
        return pair
    }

    static func describe(_ side: PairSide) -> String {
        switch side {
        case .document(let id): "document \(id)"
        case .passage(let id): "passage \(id)"
        }
    }
}
