import Foundation
import GRDB
import DiglotStore

/// The limit an archive on SQLite cannot beat: the same texts inserted into a bare FTS5 table
/// (`unicode61`, no raw blobs, no metadata, no analysis) in one transaction.
enum PlainFTSBaseline {
    /// How many texts are generated at a time, outside the timed inserts.
    static let batchSize = 10_000

    /// Seconds spent inserting `texts` into a fresh FTS5 table at `path`, in one transaction.
    ///
    /// The texts are drawn `batchSize` at a time and only the inserts are timed (`BatchTiming`).
    static func insertSeconds<Texts: Sequence<String>>(texts: Texts, path: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA journal_mode=WAL")
        }
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE plain USING fts5(text, tokenize='unicode61')")
        }
        return try queue.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO plain(text) VALUES (?)")
            return try BatchTiming.seconds(over: texts, batchSize: batchSize) { try statement.execute(arguments: [$0]) }
        }
    }
}
