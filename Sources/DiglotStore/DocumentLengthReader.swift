import GRDBSQLite

/// Reads how many tokens an FTS5 row holds from the table's `docsize` shadow table through one incremental-blob
/// handle, moved from row to row (`sqlite3_blob_reopen`).
///
/// Why: BM25 normalises by document length, and FTS5's `xColumnSize` finds it by executing
/// `SELECT sz FROM …_docsize WHERE id=?` for every row scored: bind, step, reset. On the 100,000-document
/// archive that was four fifths of ranking a stage's 2,000-row window (about 4,000 instructions a row);
/// moving a blob handle to the next row reads the same bytes for a fraction of it, the more so as a window's
/// rows are neighbours in the table.
///
/// The `sz` blob holds one SQLite varint per indexed column; the row's length is their sum, as
/// `xColumnSize(-1)` gives it. Any failure (no such table or row, a malformed blob) answers nil, and the
/// caller asks FTS5 instead.
final class DocumentLengthReader {
    private let db: OpaquePointer
    private let table: String
    private var blob: OpaquePointer?

    /// - Parameter table: the shadow table, `<fts table>_docsize`.
    init(db: OpaquePointer, table: String) {
        self.db = db
        self.table = table
    }

    deinit { if let blob { sqlite3_blob_close(blob) } }

    /// The number of tokens in every column of `row`, or nil when it cannot be read.
    func tokens(row: Int64) -> Int64? {
        if let blob {
            guard sqlite3_blob_reopen(blob, row) == SQLITE_OK else {
                // A failed reopen leaves the handle aborted: open a new one for the next row.
                sqlite3_blob_close(blob)
                self.blob = nil
                return nil
            }
        } else {
            var opened: OpaquePointer?
            guard sqlite3_blob_open(db, "main", table, "sz", row, 0, &opened) == SQLITE_OK, let opened else {
                if let opened { sqlite3_blob_close(opened) }
                return nil
            }
            blob = opened
        }
        guard let blob else { return nil }
        let count = Int(sqlite3_blob_bytes(blob))
        guard count > 0, count <= 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer -> Int64? in
            guard sqlite3_blob_read(blob, buffer.baseAddress, Int32(count), 0) == SQLITE_OK else { return nil }
            return Self.sumOfVarints(UnsafeBufferPointer(buffer))
        }
    }

    /// The sum of the SQLite varints filling `bytes` (1 to 9 bytes each, big-endian, seven bits a byte but for
    /// a ninth, which gives all eight), or nil when the last one is cut short.
    static func sumOfVarints(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var total: Int64 = 0
        var index = 0
        while index < bytes.count {
            var value: UInt64 = 0
            var length = 0
            while true {
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                index += 1
                length += 1
                if length == 9 {
                    value = (value << 8) | UInt64(byte)
                    break
                }
                value = (value << 7) | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            let (sum, overflow) = total.addingReportingOverflow(Int64(truncatingIfNeeded: value))
            guard !overflow else { return nil }
            total = sum
        }
        return total
    }
}
