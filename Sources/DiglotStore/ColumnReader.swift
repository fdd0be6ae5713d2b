import Foundation
import GRDB
import GRDBSQLite

/// The columns of the row a SQLite statement stands on, read by position. Valid until the statement steps.
struct ColumnReader {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column as text; a NULL reads as the empty string. Invalid UTF-8 is repaired, as GRDB does.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The column's text bytes, without making a string of them; empty for a NULL. Valid until the statement
    /// steps.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// Whether the column holds exactly `value`'s UTF-8 bytes (SQLite's `=` on text), without making a string.
    func equals(_ column: Int32, _ value: String) -> Bool {
        let bytes = self.bytes(column)
        var value = value
        return value.withUTF8 { own in
            own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        }
    }
}

extension Database {
    /// Runs a cached statement and hands each row to `read` by position (see `RecordColumns`). The reader
    /// stands on the statement's current row: it is valid only inside `read`.
    func forEachRow(cachedSQL sql: String, arguments: StatementArguments = [],
                    _ read: (ColumnReader) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        let row = ColumnReader(statement.sqliteStatement)
        while try cursor.next() != nil { try read(row) }
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
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        read(ColumnReader(handle))
        return true
    }
}
