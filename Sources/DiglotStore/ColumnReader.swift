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
