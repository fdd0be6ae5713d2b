import Foundation
import GRDB
import DiglotModel

/// What `ArchiveStore.compact()` did.
public struct CompactionOutcome: Hashable, Sendable {
    /// Passages that held their text and are now stored as their span of their document.
    public var passagesStoredAsSpans: Int
    /// Links of `document_sources` that named a document's first source, which `documents.source_id` holds
    /// (archives before schema 9 wrote both).
    public var firstSourceLinksDropped: Int
    /// The database's size (pages in use × page size) before and after.
    public var bytesBefore: Int64
    public var bytesAfter: Int64
}

extension ArchiveStore {
    /// Stores every passage written before schema 8 as its span where it repeats it, as imports since store it
    /// (`ImportBatch.passagesStoredAsSpans`: byte for byte, in a document of at most
    /// `ImportBatch.largestDocumentForSpanPassages` bytes), drops the links written before schema 9 that repeat
    /// a document's first source, then rebuilds the file (`VACUUM`) so the space freed, and the pages of the
    /// indexes schemas 7 and 9 dropped, go back to the disk.
    ///
    /// Why: migrations rewrite nothing large at open (an archive of a million documents would wait minutes),
    /// so an older archive keeps its passages' second copy of their documents until asked: 16 % of the bench
    /// archive at 100,000 documents.
    ///
    /// `VACUUM` writes a copy of the archive before replacing it: it needs as much free space again, and
    /// another process's reader makes it wait (the busy timeout) or fail, leaving the archive as it was.
    /// - Throws: `StoreError` naming the archive when SQLite fails.
    public func compact() throws -> CompactionOutcome {
        let before = try databaseBytes()
        let (stored, links) = try writing { db -> (Int, Int) in
            // The documents small enough are found once (the IN list is made once), so a large document's
            // thousands of passages do not each read it; `=` on texts compares bytes.
            try db.execute(sql: """
                UPDATE passages SET text = ''
                WHERE text <> '' AND "end" > start
                  AND document_id IN (SELECT id FROM documents WHERE length(CAST(text AS BLOB)) <= ?)
                  AND text = (SELECT substr(d.text, passages.start + 1, passages."end" - passages.start)
                              FROM documents AS d WHERE d.id = passages.document_id)
                """, arguments: [ImportBatch.largestDocumentForSpanPassages])
            let stored = db.changesCount
            try db.execute(sql: """
                DELETE FROM document_sources
                WHERE source_id = (SELECT source_id FROM documents WHERE id = document_sources.document_id)
                """)
            return (stored, db.changesCount)
        }
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        } catch let error as DatabaseError {
            throw StoreError(file: path, unreadable: error)
        }
        return CompactionOutcome(passagesStoredAsSpans: stored, firstSourceLinksDropped: links, bytesBefore: before,
                                 bytesAfter: try databaseBytes())
    }

    /// Pages in use × page size: the file's size once its log is folded in.
    private func databaseBytes() throws -> Int64 {
        try reading { db in
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * size
        }
    }
}
