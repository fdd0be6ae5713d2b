import Foundation
import GRDB
import DiglotModel

extension ArchiveStore {
    /// Calls `body` with each pair matching `filter`, both sides' texts included, reading them one at a time
    /// from SQLite: exporting a million pairs holds one in memory at a time.
    ///
    /// ```swift
    /// try store.forEachPair(PairFilter(originalLanguage: .ukrainian, renderingLanguage: .english)) { row in
    ///     try writer.write(row)
    /// }
    /// ```
    public func forEachPair(_ filter: PairFilter = PairFilter(), _ body: (PairRow) throws -> Void) throws {
        try reading { db in
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: Self.pairRowSelect + """
                 WHERE (?1 IS NULL OR p.original_language = ?1) AND (?2 IS NULL OR p.rendering_language = ?2)
                ORDER BY p.rowid
                """), arguments: [filter.originalLanguage?.rawValue, filter.renderingLanguage?.rawValue])
            while let row = try cursor.next() { try body(Self.pairRow(from: row)) }
        }
    }

    /// The aligned units of a pair, in order.
    public func alignedUnits(of pair: PairID) throws -> [AlignedUnit] {
        try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM aligned_units WHERE pair_id = ? ORDER BY idx"),
                             arguments: [pair.rawValue]).map { row in
                AlignedUnit(pairID: pair, index: row["idx"], originalText: row["original_text"],
                            renderingText: row["rendering_text"], pattern: row["pattern"])
            }
        }
    }

    /// Which of `pairs` have sentence alignments stored, in one read (`diglot pair` asks it of each batch of
    /// unchecked pairs; one read per pair was 18,750 transactions at 100k documents).
    public func pairsWithAlignedUnits(_ pairs: [PairID]) throws -> Set<PairID> {
        guard !pairs.isEmpty else { return [] }
        return try reading { db in
            var found = Set<PairID>()
            try db.forEachRow(cachedSQL: """
                SELECT DISTINCT pair_id FROM aligned_units WHERE pair_id IN (SELECT value FROM json_each(?))
                """, arguments: [StoreJSON.encodeStrings(pairs.map(\.rawValue))]) { found.insert(PairID(rawValue: $0.text(0))) }
            return found
        }
    }

    /// Saves what the pairing engine found, in one transaction: new pairs are added, the engine's own earlier
    /// pairs are refreshed (method, confidence, fidelity), and the units of each saved pair replace its old
    /// ones. Pairs a person unlinked and manual pairs are left as they are.
    ///
    /// - Returns: how many pairs were written (added or refreshed).
    /// - Throws: `StoreError.invalidBatch` when a pair names a document or passage the archive lacks.
    public func savePairs(_ pairs: [Pair], alignedUnits: [AlignedUnit] = []) throws -> Int {
        try writing { db in
            let context = try BatchContext(batch: ImportBatch(pairs: pairs), db: db)
            let problems = ImportBatch(pairs: pairs, alignedUnits: alignedUnits)
                .validationProblems(knownDocuments: context.storedDocuments, knownPassages: Set(context.storedPassages.keys))
            guard problems.isEmpty else { throw StoreError(file: path, reason: .invalidBatch(problems)) }
            var saved = Set<PairID>()
            let now = Self.timestamp(Date())
            for pair in pairs {
                guard let original = context.resolve(pair.original), let rendering = context.resolve(pair.rendering) else { continue }
                if try Self.insertPair(pair, original: original, rendering: rendering, replacing: true, createdAt: now, db) {
                    saved.insert(pair.id)
                }
            }
            // A set, not a search of the units for each pair: 2,000 pairs with their units per `diglot pair` batch.
            let aligned = Set(alignedUnits.map(\.pairID))
            for id in saved where aligned.contains(id) {
                try db.execute(sql: "DELETE FROM aligned_units WHERE pair_id = ?", arguments: [id.rawValue])
            }
            for unit in alignedUnits where saved.contains(unit.pairID) {
                try Self.insertAlignedUnit(unit, db)
            }
            return saved.count
        }
    }

    /// Links two records by hand (`diglot pair --link`): a manual pair that automatic runs never undo.
    /// Linking lifts an earlier manual unlink of the same sides.
    /// - Throws: `StoreError.invalidBatch` when either side is not in the archive.
    @discardableResult
    public func link(original: PairSide, rendering: PairSide, confidence: Double = 1) throws -> Pair {
        let pair = Pair(original: original, rendering: rendering, method: .manual, confidence: confidence,
                        fidelity: .unchecked, origin: .manual)
        try writing { db in
            try db.execute(sql: "DELETE FROM unlinks WHERE pair_id = ?", arguments: [pair.id.rawValue])
            let context = try BatchContext(batch: ImportBatch(pairs: [pair]), db: db)
            let problems = ImportBatch(pairs: [pair])
                .validationProblems(knownDocuments: context.storedDocuments, knownPassages: Set(context.storedPassages.keys))
            guard problems.isEmpty, let o = context.resolve(original), let r = context.resolve(rendering) else {
                throw StoreError(file: path, reason: .invalidBatch(problems))
            }
            _ = try Self.insertPair(pair, original: o, rendering: r, replacing: true, createdAt: Self.timestamp(Date()), db)
        }
        return pair
    }

    /// Removes a pair by hand (`diglot pair --unlink`) and records the unlink, so no later import or engine
    /// run brings it back.
    /// - Returns: whether a stored pair was removed (the unlink is recorded either way).
    @discardableResult
    public func unlink(original: PairSide, rendering: PairSide) throws -> Bool {
        let id = PairID(original: original, rendering: rendering)
        return try writing { db in
            try db.execute(sql: "DELETE FROM pairs WHERE id = ?", arguments: [id.rawValue])
            let removed = db.changesCount > 0
            try db.execute(sql: """
                INSERT INTO unlinks(pair_id, original, rendering, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(pair_id) DO NOTHING
                """, arguments: [id.rawValue, original.rawValue, rendering.rawValue, Self.timestamp(Date())])
            return removed
        }
    }

    /// Whether a person unlinked these two sides.
    public func isUnlinked(_ id: PairID) throws -> Bool {
        try reading { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM unlinks WHERE pair_id = ?", arguments: [id.rawValue]) ?? false }
    }
}
