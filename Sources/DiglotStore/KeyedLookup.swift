import GRDB
import GRDBSQLite

/// One statement that finds the rows of many keys at once, stepped by hand:
/// `SELECT … FROM (VALUES (?1), …, (?512)) AS keys CROSS JOIN table ON table.key = keys.column1`.
///
/// Looking up a pair's sides one statement execution each cost more in executing (binding, resetting, and
/// SQLite freeing and growing every register's buffer on each run) than in finding the rows. Keys are bound
/// `width` at a time; unused places stay NULL, which matches nothing. The keys are a `VALUES` list walked
/// in order (`CROSS JOIN` keeps it the outer loop) rather than `key IN (…)`, which made SQLite sort the keys
/// into a temporary index first and doubled the B-tree work. Rows come in the order of the keys, so each is
/// handed out with the position of its key (found by comparing bytes, not by hashing ids into a dictionary,
/// which cost a twentieth of an export).
///
/// ```swift
/// let lookup = try KeyedLookup(db, columns: "id, text", from: "passages", key: "id")
/// try lookup.forEachRow(of: ids) { position, row in texts[position] = row.text(1) }
/// ```
struct KeyedLookup {
    /// Keys per execution: enough for a batch of pairs' sides in one run, well under SQLite's 32,766 variables.
    static let width = 512

    private let statement: Statement

    /// - Parameters:
    ///   - columns: the `SELECT` list, read by position in `forEachRow`; the first column is the key.
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

    /// The error of a step that gave neither a row nor the end, with SQLite's message.
    static func stepError(_ code: Int32, _ handle: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
    }

    /// Calls `read` on every row found for `keys` with the position of its key in `keys`, in the keys' order
    /// (a key given twice is looked up twice).
    /// The statement is reset and its bindings cleared before it is left, so GRDB finds it as it left it.
    /// - Throws: a database error when SQLite fails mid-read.
    func forEachRow(of keys: KeyList, _ read: (Int, ColumnReader) throws -> Void) throws {
        let handle = statement.sqliteStatement
        var start = 0
        while start < keys.count {
            defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
            let end = min(start + Self.width, keys.count)
            for position in start..<end {
                let place = Int32(position - start + 1)
                // A zero-length key still binds as text (an empty string), not NULL.
                let bound = keys.withKey(position) { BoundStatement.bindText($0, to: handle, at: place) }
                guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound)) }
            }
            let row = ColumnReader(handle)
            var position = start
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw Self.stepError(code, handle) }
                // Rows of a key come after those of the keys before it: the key is at or after the last one.
                while position < end && !keys.matches(position, row, 0) { position += 1 }
                guard position < end else { break }
                try read(position, row)
            }
            start = end
        }
    }
}

/// A cached statement with one text parameter, run for one key after another through SQLite's C API: the
/// archive's row for each of a batch's ids.
///
/// Why: `fetchOne` with GRDB boxed the key into `StatementArguments`, looked the statement up by its SQL and
/// decoded a `Row` each time: 13,000-18,000 instructions a key on the writer, where the lookup itself is a few
/// thousand (callgrind, 5,000 documents, session 19).
struct KeyedRowLookup {
    private let handle: OpaquePointer

    init(_ db: Database, cachedSQL sql: String) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Calls `read` with the first row `key` finds, if any; whether there was one. The statement is reset and
    /// its binding cleared before it returns, as GRDB leaves a statement it ran.
    @discardableResult
    func firstRow(for key: String, _ read: (ColumnReader) -> Void) throws -> Bool {
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        var key = key
        let bound = key.withUTF8 { BoundStatement.bindText($0, to: handle, at: 1) }
        guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound)) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else { throw KeyedLookup.stepError(code, handle) }
        read(ColumnReader(handle))
        return true
    }
}
