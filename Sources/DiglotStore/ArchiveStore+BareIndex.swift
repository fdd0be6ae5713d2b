import GRDB

extension ArchiveStore {
    /// The name of the table `bareIndexInsertSeconds` fills.
    public static let bareIndexTable = "bare_index"

    /// Seconds spent inserting `texts`, a row each, into a bare FTS5 table that tokenizes with this store's
    /// analysis, in one transaction: what the storage engine costs for an index with Diglot's analysis and
    /// nothing else an import does (no raw original, no document or passage rows, no figures, no hashing).
    ///
    /// The benchmark sets it between the plain `unicode61` insert of the same texts and the whole import, so a
    /// ratio to the plain limit can be read apart: what analysis costs in the index, and what the rest costs.
    /// For a scratch archive only: the table stays in it. Timed as the plain baseline is (`BatchTiming`); the
    /// analyzer's first use (loading its dictionaries) falls inside the timed inserts, as it does in an import.
    public func bareIndexInsertSeconds<Texts: Sequence<String>>(texts: Texts, batchSize: Int = 10_000) throws -> Double {
        try pool.write { db in
            try db.execute(sql: "DROP TABLE IF EXISTS \(Self.bareIndexTable)")
            try db.execute(sql: "CREATE VIRTUAL TABLE \(Self.bareIndexTable) USING fts5(text, tokenize='\(AnalyzerTokenizer.name)')")
        }
        return try pool.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO \(Self.bareIndexTable)(text) VALUES (?)")
            return try BatchTiming.seconds(over: texts, batchSize: batchSize) { try statement.execute(arguments: [$0]) }
        }
    }
}
