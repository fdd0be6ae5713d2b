import GRDB

extension ArchiveStore {
    /// Runs `body` with each pragma of `settings` set on `db`, and puts every one back to its earlier value
    /// after, whatever `body` does: a pool connection outlives the read or write that tuned it (see
    /// `readPairRecords`, `writingInGroups`).
    ///
    /// ```swift
    /// try Self.withPragmas([("cache_size", -32_768)], db) { try readEverything(db) }
    /// ```
    static func withPragmas<T>(_ settings: [(name: String, value: Int)], _ db: Database,
                               _ body: () throws -> T) throws -> T {
        var earlier: [(name: String, value: Int)] = []
        defer {
            for (name, value) in earlier.reversed() { try? db.execute(sql: "PRAGMA \(name) = \(value)") }
        }
        for (name, value) in settings {
            guard let current = try Int.fetchOne(db, sql: "PRAGMA \(name)") else { continue }
            earlier.append((name, current))
            try db.execute(sql: "PRAGMA \(name) = \(value)")
        }
        return try body()
    }
}
