import Foundation
import GRDB

/// Looks inside an archive file with plain SQL, independently of the store's own queries: every ordinary
/// table (the full-text index's shadow tables included), row counts, and documents per source.
struct ArchiveInspector {
    let path: String

    /// Every (document, source) link as a table: a document's first source is its `source_id`, later ones are
    /// rows of `document_sources` (archives before schema 9 hold the first there too, hence `UNION`).
    static let links = """
        (SELECT id AS document_id, source_id FROM documents UNION SELECT document_id, source_id FROM document_sources)
        """

    private func open() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Row counts of every ordinary table.
    func tableCounts() throws -> [String: Int] {
        try open().read { db in
            var counts: [String: Int] = [:]
            for table in try Self.ordinaryTables(db) {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0
            }
            return counts
        }
    }

    /// How many documents each source (by file name) is linked to.
    func documentsPerSource() throws -> [String: Int] {
        try open().read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(s.file_name, s.id) AS name, COUNT(ds.document_id) AS documents
                FROM sources s LEFT JOIN \(Self.links) ds ON ds.source_id = s.id GROUP BY s.id
                """) {
                result[row["name"]] = row["documents"]
            }
            return result
        }
    }

    /// For each source (by file name): its documents' ids and how many passages and figures they hold, as
    /// one string; two archives that imported a file wholly give it the same fingerprint.
    func sourceFingerprints() throws -> [String: String] {
        try open().read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(s.file_name, s.id) AS name,
                       (SELECT group_concat(id, ',') FROM (SELECT ds.document_id AS id FROM \(Self.links) ds
                            WHERE ds.source_id = s.id ORDER BY ds.document_id)) AS documents,
                       (SELECT COUNT(*) FROM passages p JOIN \(Self.links) ds ON ds.document_id = p.document_id
                            WHERE ds.source_id = s.id) AS passages,
                       (SELECT COUNT(*) FROM figures f JOIN \(Self.links) ds ON ds.document_id = f.document_id
                            WHERE ds.source_id = s.id) AS figures
                FROM sources s
                """) {
                let documents: String? = row["documents"]
                result[row["name"]] = "\(documents ?? "") passages=\(row["passages"] as Int) figures=\(row["figures"] as Int)"
            }
            return result
        }
    }

    /// Documents no source links to, passages of missing documents: what a half-written import would leave.
    func strays() throws -> [String] {
        try open().read { db in
            var found: [String] = []
            let orphans = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM documents WHERE source_id NOT IN (SELECT id FROM sources)
                """) ?? 0
            if orphans > 0 { found.append("\(orphans) documents without a source") }
            let loose = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)") ?? 0
            if loose > 0 { found.append("\(loose) passages without a document") }
            return found
        }
    }

    /// The text of every document read from the source with this file name.
    func documentTexts(fileName: String) throws -> [String] {
        try open().read { db in
            try String.fetchAll(db, sql: """
                SELECT d.text FROM documents d JOIN \(Self.links) ds ON ds.document_id = d.id
                JOIN sources s ON s.id = ds.source_id WHERE s.file_name = ?
                """, arguments: [fileName])
        }
    }

    /// Every document's id and text (to prove earlier imports are untouched).
    func allDocuments() throws -> [String: String] {
        try open().read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, text FROM documents") { result[row[0]] = row[1] }
            return result
        }
    }

    /// Where `marker` occurs: "table.column" for any text or blob cell of any ordinary table holding it, and
    /// "file NAME" for the archive file or its WAL when their raw bytes hold it.
    func occurrences(of marker: String) throws -> [String] {
        let needle = Data(marker.utf8)
        var found: [String] = try open().read { db in
            var places: [String] = []
            for table in try Self.ordinaryTables(db) {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .map { $0["name"] as String }
                for column in columns {
                    let hits = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM "\(table)" WHERE instr(CAST("\(column)" AS BLOB), ?) > 0
                        """, arguments: [needle]) ?? 0
                    if hits > 0 { places.append("\(table).\(column)") }
                }
            }
            return places
        }
        for file in [path, path + "-wal"] {
            guard let handle = FileHandle(forReadingAtPath: file) else { continue }
            defer { try? handle.close() }
            var carry = Data()
            while let chunk = try handle.read(upToCount: 8 << 20), !chunk.isEmpty {
                let window = carry + chunk
                if window.range(of: needle) != nil { found.append("file \((file as NSString).lastPathComponent)"); break }
                carry = window.suffix(needle.count)
            }
        }
        return found
    }

    private static func ordinaryTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name
            """)
    }
}
