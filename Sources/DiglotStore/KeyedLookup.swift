import GRDB
import GRDBSQLite

/// One statement that finds the rows of many keys at once, stepped by hand:
/// `SELECT … FROM (VALUES (?1), …, (?512)) AS keys CROSS JOIN table ON table.key = keys.column1`.
///
/// Looking up a pair's sides one statement execution each cost more in executing (binding, resetting, and
/// SQLite freeing and growing every register's buffer on each run) than in finding the rows. Keys are bound
/// `width` at a time; unused places stay NULL, which matches nothing. The keys are a `VALUES` list walked
/// in order (`CROSS JOIN` keeps it the outer loop) rather than `key IN (…)`, which made SQLite sort the keys
/// into a temporary index first and doubled the B-tree work. Rows come in the order of the keys.
///
/// ```swift
/// let lookup = try KeyedLookup(db, columns: "id, text", from: "passages", key: "id")
/// try lookup.forEachRow(of: ids) { row in texts[row.text(0)] = row.text(1) }
/// ```
struct KeyedLookup {
    /// Keys per execution: enough for a batch of pairs' sides in one run, well under SQLite's 32,766 variables.
    static let width = 512

    private let statement: Statement

    /// - Parameters:
    ///   - columns: the `SELECT` list, read by position in `forEachRow`.
    ///   - key: the column of `table` the keys are matched against.
    ///   - order: an `ORDER BY` that keeps the keys' order (`keys.rowid, …`), for rows that must come in order
    ///     within a key.
    init(_ db: Database, columns: String, from table: String, key: String, order: String? = nil) throws {
        let places = (1...Self.width).map { "(?\($0))" }.joined(separator: ", ")
        statement = try db.cachedStatement(sql: """
            SELECT \(columns) FROM (VALUES \(places)) AS keys CROSS JOIN \(table) ON \(table).\(key) = keys.column1
            \(order.map { "ORDER BY \($0)" } ?? "")
            """)
    }

    /// Calls `read` on every row found for `keys`, in the keys' order (a key given twice is looked up twice).
    /// The statement is reset and its bindings cleared before it is left, so GRDB finds it as it left it.
    /// - Throws: a database error when SQLite fails mid-read.
    func forEachRow(of keys: [String], _ read: (ColumnReader) throws -> Void) throws {
        let handle = statement.sqliteStatement
        var start = 0
        while start < keys.count {
            defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
            let end = min(start + Self.width, keys.count)
            for (place, key) in keys[start..<end].enumerated() {
                let bound = key.withCString { sqlite3_bind_text(handle, Int32(place + 1), $0, -1, Self.transient) }
                guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound)) }
            }
            let row = ColumnReader(handle)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
                }
                try read(row)
            }
            start = end
        }
    }

    /// SQLite's `SQLITE_TRANSIENT` (copy the bound text), a C macro Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
