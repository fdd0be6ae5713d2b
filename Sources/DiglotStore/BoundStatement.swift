import Foundation
import GRDB
import GRDBSQLite

/// One cached statement, its values bound and the statement run through SQLite's C API: a row written, or
/// the rows of one lookup read (`forEachRow`).
///
/// Why not `execute(arguments:)`: GRDB takes the values as an array of `DatabaseValueConvertible` existentials,
/// boxes each into a `DatabaseValue` and binds them through a recursive generic helper. On the import's writing
/// thread, the critical path of an import, that cost a third of inserting a passage (perf, 10k corpus,
/// docs/performance.md, session 18): retains and releases of the boxes, the array, value witness calls. Here a
/// value is bound where it is given, text straight from the string's UTF-8 (SQLite copies it).
///
/// The statement is reset and its bindings cleared when it has run, as GRDB leaves a statement it ran, so GRDB
/// and this type can share the cache.
///
/// ```swift
/// var insert = try BoundStatement(db, cachedSQL: "INSERT INTO figures(document_id, total) VALUES (?, ?)")
/// insert.bind(figure.documentID.rawValue)
/// insert.bind(figure.total)
/// try insert.run()
/// ```
struct BoundStatement {
    private let handle: OpaquePointer
    /// The place the next `bind` fills (SQLite counts from 1).
    private var place: Int32 = 1
    /// The first binding SQLite refused, reported by `run`.
    private var failedBinding: Int32 = SQLITE_OK

    init(_ db: Database, cachedSQL sql: String) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Text, or NULL for nil. An empty string is text, not NULL.
    mutating func bind(_ text: String?) {
        guard let text else { return bindNull() }
        let code: Int32
        if let bound = text.utf8.withContiguousStorageIfAvailable({ bindText($0) }) {
            code = bound
        } else {
            code = Array(text.utf8).withUnsafeBufferPointer { bindText($0) }
        }
        advance(code)
    }

    mutating func bind(_ value: Int?) {
        guard let value else { return bindNull() }
        advance(sqlite3_bind_int64(handle, place, Int64(value)))
    }

    mutating func bind(_ value: Double?) {
        guard let value else { return bindNull() }
        advance(sqlite3_bind_double(handle, place, value))
    }

    /// Bytes as a blob (an empty one is a zero-length blob, not NULL).
    mutating func bind(_ bytes: Data) {
        let code = bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress, raw.count > 0 else { return sqlite3_bind_zeroblob(handle, place, 0) }
            return sqlite3_bind_blob(handle, place, base, Int32(raw.count), Self.transient)
        }
        advance(code)
    }

    mutating func bindNull() { advance(sqlite3_bind_null(handle, place)) }

    /// Runs the statement to its end, then resets it and clears its bindings.
    /// - Throws: `DatabaseError` with SQLite's code and message (a constraint broken, a full disk).
    func run() throws { try forEachRow { _ in } }

    /// Runs the statement, handing each row to `read` by position (the reader is valid only inside `read`),
    /// then resets it and clears its bindings: a read looked up many times with other values (the pairing
    /// lookups, one per token or link key).
    /// - Throws: `DatabaseError` with SQLite's code and message, or what `read` throws.
    func forEachRow(_ read: (ColumnReader) throws -> Void) throws {
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        guard failedBinding == SQLITE_OK else { throw error(failedBinding) }
        let expected = sqlite3_bind_parameter_count(handle)
        guard place - 1 == expected else {
            throw DatabaseError(resultCode: .SQLITE_RANGE,
                                message: "\(place - 1) values bound for \(expected) parameters", sql: sql)
        }
        let row = ColumnReader(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try read(row)
        }
    }

    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        Self.bindText(bytes, to: handle, at: place)
    }

    /// Binds UTF-8 bytes as text at `place` of any statement (SQLite copies them); zero bytes bind as the empty
    /// text, never as NULL. Shared with `KeyedLookup`, which binds its keys this way.
    static func bindText(_ bytes: UnsafeBufferPointer<UInt8>, to handle: OpaquePointer, at place: Int32) -> Int32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, place, "", 0, transient) }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sqlite3_bind_text(handle, place, $0, Int32(bytes.count), transient)
        }
    }

    private mutating func advance(_ code: Int32) {
        if code != SQLITE_OK && failedBinding == SQLITE_OK { failedBinding = code }
        place += 1
    }

    private var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }

    private func error(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(handle)
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
    }

    /// SQLite's `SQLITE_TRANSIENT` (copy the bound bytes), a C macro Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
