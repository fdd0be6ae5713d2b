import Foundation
import GRDB
import DiglotModel

extension ArchiveStore {
    /// Counts over the whole archive.
    public func statistics() throws -> ArchiveStatistics {
        try reading { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            func grouped(_ column: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT \(column), COUNT(*) FROM documents GROUP BY \(column)") {
                    result[row[0]] = row[1]
                }
                return result
            }
            return ArchiveStatistics(documents: try count("documents"), sources: try count("sources"),
                                     passages: try count("passages"), pairs: try count("pairs"),
                                     figures: try count("figures"), languages: try grouped("language"),
                                     kinds: try grouped("kind"))
        }
    }

    /// Checks the archive: SQLite's integrity check, foreign keys, that the full-text index holds every document,
    /// and every stored source's bytes against the SHA-256 that names them.
    ///
    /// - Returns: one sentence per problem; empty when the archive is sound.
    public func verify() throws -> [String] {
        try reading { db in
            var problems: [String] = []
            for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
                problems.append("integrity check: \(message)")
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key check: a row of \(row[0] as String? ?? "?") names a missing \(row[2] as String? ?? "?") record")
            }
            // Writes index their rows themselves (`indexNewRows`): every document must be in the full-text index.
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts_docsize") ?? 0
            if documents != indexed {
                problems.append("full-text index: documents_fts holds \(indexed) rows for \(documents) documents (a search misses the others)")
            }
            // Readers find a document's passages by the range of ids it owns (`PassageID.range(of:)`, schema 9):
            // a passage named otherwise (a hand edit) would be missing from every listing of its document.
            var misnamed = 0, example = ""
            let passages = try Row.fetchCursor(db, sql: "SELECT id, document_id FROM passages")
            while let row = try passages.next() {
                let id: String = row[0], document: String = row[1]
                let range = PassageID.range(of: DocumentID(rawValue: document))
                if !(range.lower.utf8.lexicographicallyPrecedes(id.utf8) && id.utf8.lexicographicallyPrecedes(range.upper.utf8)) {
                    misnamed += 1
                    if example.isEmpty { example = "\(id) of \(document)" }
                }
            }
            if misnamed > 0 {
                problems.append("passages: \(misnamed) passage ids do not begin with their document's digits (\(example)), "
                                + "so their documents are listed without them")
            }
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, file_name, byte_count, bytes FROM sources ORDER BY id")
            while let row = try cursor.next() {
                let id: String = row["id"]
                let name: String = row["file_name"] ?? id
                let bytes: Data = row["bytes"] ?? Data()
                let actual = SHA256.hex(of: bytes)
                if actual != id {
                    problems.append("source \(name) (\(id.prefix(12))…) no longer matches its SHA-256: the stored bytes hash to \(actual.prefix(12))…")
                } else if bytes.count != (row["byte_count"] as Int) {
                    problems.append("source \(name) (\(id.prefix(12))…) holds \(bytes.count) bytes but records \(row["byte_count"] as Int)")
                }
            }
            return problems
        }
    }
}
