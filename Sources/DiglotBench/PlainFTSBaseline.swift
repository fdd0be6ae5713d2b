import Foundation
import GRDB

/// The limit an archive on SQLite cannot beat: the same texts inserted into a bare FTS5 table
/// (`unicode61`, no raw blobs, no metadata, no analysis) in one transaction.
enum PlainFTSBaseline {
    /// Seconds to insert `texts` into a fresh FTS5 table at `path`.
    static func insertSeconds(texts: [String], path: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA journal_mode=WAL")
        }
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE plain USING fts5(text, tokenize='unicode61')")
        }
        let seconds = try Measure.seconds {
            try queue.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO plain(text) VALUES (?)")
                for text in texts { try statement.execute(arguments: [text]) }
            }
        }
        return seconds
    }
}
