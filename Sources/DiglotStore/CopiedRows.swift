import Foundation
import GRDBSQLite

/// Rows of a statement copied out of SQLite as they are (text as UTF-8 bytes, numbers as numbers), to be made
/// into Swift values later, on another thread.
///
/// Why: an export reads pairs on one thread and writes the format on another; making the strings and model
/// values of a million pairs was half of the reading thread's work, which left the writing thread idle half the
/// time. Copying bytes is all the reading thread does now (see `PairRecordBatch`). Every text of a batch lives
/// in one growing byte array, so a row costs no allocation of its own.
struct CopiedRows: Sendable {
    /// One column of one row.
    enum Cell: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        /// `count` bytes of `bytes` from `start`.
        case text(start: Int32, count: Int32)
    }

    let columns: Int
    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Cell] = []

    init(columns: Int) { self.columns = columns }

    var count: Int { cells.count / columns }

    /// Copies the row `row` stands on (every column, by its SQLite type; blobs are kept as text) and returns
    /// its number.
    @discardableResult
    mutating func append(_ row: ColumnReader) -> Int {
        for column in 0..<Int32(columns) {
            switch sqlite3_column_type(row.handle, column) {
            case SQLITE_NULL: cells.append(.null)
            case SQLITE_INTEGER: cells.append(.integer(sqlite3_column_int64(row.handle, column)))
            case SQLITE_FLOAT: cells.append(.real(sqlite3_column_double(row.handle, column)))
            default:
                let text = row.bytes(column)
                cells.append(.text(start: Int32(bytes.count), count: Int32(text.count)))
                bytes.append(contentsOf: text)
            }
        }
        return count - 1
    }

    private func cell(_ row: Int, _ column: Int) -> Cell { cells[row * columns + column] }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        if case .null = cell(row, column) { return true }
        return false
    }

    /// The column as text, as `ColumnReader.text` reads it: a NULL is "", a number its decimal form.
    func text(_ row: Int, _ column: Int) -> String {
        switch cell(row, column) {
        case .null: return ""
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let start, let count):
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)]), as: UTF8.self)
            }
        }
    }

    func optionalText(_ row: Int, _ column: Int) -> String? { isNull(row, column) ? nil : text(row, column) }

    func int(_ row: Int, _ column: Int) -> Int {
        switch cell(row, column) {
        case .integer(let value): return Int(value)
        case .real(let value): return Int(value)
        case .null: return 0
        case .text: return Int(text(row, column)) ?? 0
        }
    }

    func double(_ row: Int, _ column: Int) -> Double {
        switch cell(row, column) {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .null: return 0
        case .text: return Double(text(row, column)) ?? 0
        }
    }

    /// The column's text bytes (empty for a NULL or a number), for `body` to read without making a string.
    func withBytes<T>(_ row: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard case .text(let start, let count) = cell(row, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)])) }
    }

    /// Whether the column holds text whose first byte is `byte`.
    func startsWith(_ row: Int, _ column: Int, _ byte: UInt8) -> Bool {
        guard case .text(let start, let count) = cell(row, column), count > 0 else { return false }
        return bytes[Int(start)] == byte
    }
}

/// Keys to look up, as UTF-8 bytes in one array (see `KeyedLookup`): copied from `CopiedRows` without making a
/// string of each.
struct KeyList {
    private(set) var bytes: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []

    var count: Int { ranges.count }

    /// Adds the text in column `column` of row `row` and returns its position.
    @discardableResult
    mutating func append(_ rows: CopiedRows, _ row: Int, _ column: Int) -> Int {
        let start = bytes.count
        rows.withBytes(row, column) { bytes.append(contentsOf: $0) }
        ranges.append(start..<bytes.count)
        return ranges.count - 1
    }

    mutating func append(_ key: String) {
        let start = bytes.count
        bytes.append(contentsOf: key.utf8)
        ranges.append(start..<bytes.count)
    }

    mutating func removeLast() {
        bytes.removeSubrange(ranges.removeLast())
    }

    /// Calls `body` with key `index` as bytes.
    func withKey<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[ranges[index]])) }
    }

    /// Whether keys `a` and `b` hold the same bytes.
    func same(_ a: Int, _ b: Int) -> Bool {
        ranges[a].count == ranges[b].count && bytes[ranges[a]].elementsEqual(bytes[ranges[b]])
    }

    /// Whether key `index` equals the text column `row` stands on.
    func matches(_ index: Int, _ row: ColumnReader, _ column: Int32) -> Bool {
        let found = row.bytes(column)
        let range = ranges[index]
        guard found.count == range.count else { return false }
        return bytes.withUnsafeBufferPointer { own in
            range.isEmpty || memcmp(own.baseAddress! + range.lowerBound, found.baseAddress!, range.count) == 0
        }
    }
}
