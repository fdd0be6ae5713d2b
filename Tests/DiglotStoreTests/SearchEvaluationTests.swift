import Foundation
import GRDB
import Testing
import DiglotAnalysis
import DiglotKit
import DiglotModel
import DiglotTestSupport
@testable import DiglotStore

/// Issue 6's evaluation: every query of `Data/search-evaluation.json` against Diglot's archive and against
/// a plain FTS5 `unicode61` index of the same documents, recall@10 and MRR printed side by side.
@Suite(.serialized) struct SearchEvaluationTests {
    struct Evaluation: Decodable {
        struct Entry: Decodable {
            var key: String
            var language: String
            var kind: String
            var title: String
            var text: String
            var published: String
        }
        struct PairEntry: Decodable {
            var original: String
            var rendering: String
        }
        struct Query: Decodable {
            var point: String
            var query: String
            var relevant: [String]
            var lang: String?
            var kind: String?
            var from: String?
            var to: String?
        }
        var samples: [String]
        var documents: [Entry]
        var pairs: [PairEntry]
        var queries: [Query]
    }

    /// One system's figures for one query.
    struct Score {
        var recall: Double
        var reciprocalRank: Double
    }

    static func load() throws -> Evaluation {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/DiglotStoreTests/Data/search-evaluation.json")
        return try JSONDecoder().decode(Evaluation.self, from: Data(contentsOf: url))
    }

    /// Relevant document ids: `key` for our documents, `sample:FILE|TEXT` for a sample's documents holding TEXT.
    static func resolve(_ name: String, archive: DiglotArchive) throws -> Set<String> {
        guard name.hasPrefix("sample:") else { return [DocumentID(naturalKey: "evaluation:" + name).rawValue] }
        let parts = name.dropFirst("sample:".count).split(separator: "|", maxSplits: 1).map(String.init)
        let found = try archive.list().filter { $0.source?.hasSuffix(parts[0]) == true }.compactMap { listing -> String? in
            guard let detail = try archive.show(listing.document), detail.text.contains(parts[1]) else { return nil }
            return listing.document
        }
        return Set(found)
    }

    static func score(ranked: [String], relevant: Set<String>) -> Score {
        let top = ranked.prefix(10)
        let recall = relevant.isEmpty ? 1 : Double(relevant.intersection(top).count) / Double(relevant.count)
        let first = ranked.firstIndex(where: relevant.contains)
        return Score(recall: recall, reciprocalRank: first.map { 1 / Double($0 + 1) } ?? 0)
    }

    @Test func diglotBeatsPlainFTS5AndReachesTheRecallTarget() throws {
        let evaluation = try Self.load()
        #expect(evaluation.queries.count >= 60)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try DiglotArchive(path: folder.appendingPathComponent("eval.sqlite").path)

        // Samples through the real importers, then our documents and pairs.
        let samplePaths = evaluation.samples.map { TestPaths.samples.appendingPathComponent($0).path }
        _ = archive.importer().run(paths: samplePaths)
        var documents: [Document] = []
        for entry in evaluation.documents {
            documents.append(Document(id: DocumentID(naturalKey: "evaluation:" + entry.key), kind: DocumentKind(rawValue: entry.kind) ?? .article,
                                      language: LanguageTag(rawValue: entry.language), title: entry.title,
                                      published: PublishedDate(iso: entry.published), text: entry.text))
        }
        let pairs = evaluation.pairs.map {
            Pair(original: .document(DocumentID(naturalKey: "evaluation:" + $0.original)),
                 rendering: .document(DocumentID(naturalKey: "evaluation:" + $0.rendering)), method: .manual, confidence: 1)
        }
        let source = Source(bytes: Data("search evaluation".utf8), mediaType: "text/plain", fileName: "search-evaluation.json",
                            importedAt: Date(), importerID: "evaluation", importerVersion: "1")
        _ = try archive.store.write(source: source, batch: ImportBatch(documents: documents, pairs: pairs))

        let baseline = try PlainIndex(archive: archive)
        var diglotScores: [Score] = []
        var plainScores: [Score] = []
        var byPoint: [String: (diglot: [Double], plain: [Double])] = [:]
        for query in evaluation.queries {
            let relevant = try query.relevant.reduce(into: Set<String>()) { $0.formUnion(try Self.resolve($1, archive: archive)) }
            #expect(relevant.count >= query.relevant.count, "a relevant document of \(query.query) is missing from the corpus")
            let request = SearchRequest(text: query.query, language: query.lang.map(LanguageTag.init(rawValue:)),
                                        kind: query.kind.flatMap(DocumentKind.init(rawValue:)), from: query.from, to: query.to,
                                        limit: 10)
            let diglot = Self.score(ranked: try archive.store.search(request).map(\.document.rawValue), relevant: relevant)
            let plain = Self.score(ranked: try baseline.search(request), relevant: relevant)
            diglotScores.append(diglot)
            plainScores.append(plain)
            byPoint[query.point, default: ([], [])].diglot.append(diglot.recall)
            byPoint[query.point, default: ([], [])].plain.append(plain.recall)
            if diglot.recall < 1 {
                print("search evaluation: \(query.query) (\(query.point)) recall@10 \(diglot.recall)")
            }
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
        let recall = mean(diglotScores.map(\.recall))
        let figures = String(format: "search evaluation over %d queries: recall@10 Diglot %.3f, plain FTS5 %.3f; MRR Diglot %.3f, plain FTS5 %.3f",
                             evaluation.queries.count, recall, mean(plainScores.map(\.recall)),
                             mean(diglotScores.map(\.reciprocalRank)), mean(plainScores.map(\.reciprocalRank)))
        print(figures)
        for (point, values) in byPoint.sorted(by: { $0.key < $1.key }) {
            print(String(format: "  %-12@ %2d queries  recall@10 Diglot %.3f  plain %.3f", point as NSString,
                         values.diglot.count, mean(values.diglot), mean(values.plain)))
        }
        #expect(recall >= 0.95, "\(figures)")
    }

    /// The baseline a user would otherwise have: the same titles and texts in a bare FTS5 table with the
    /// `unicode61` tokenizer, queried with the same words (quoted, so operators behave the same), ranked by
    /// BM25 with the same title weight, with the same filters.
    struct PlainIndex {
        let queue: DatabaseQueue

        init(archive: DiglotArchive) throws {
            queue = try DatabaseQueue()
            let rows = try archive.store.reading { db in
                try Row.fetchAll(db, sql: """
                    SELECT seq, id, title, text, language, kind, date(published_instant, 'unixepoch') AS day FROM documents
                    """)
            }
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE docs(seq INTEGER PRIMARY KEY, id TEXT, language TEXT, kind TEXT, day TEXT);
                    CREATE VIRTUAL TABLE plain USING fts5(title, text, tokenize='unicode61');
                    """)
                for row in rows {
                    try db.execute(sql: "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                                   arguments: [row["seq"], row["id"], row["language"], row["kind"], row["day"]])
                    try db.execute(sql: "INSERT INTO plain(rowid, title, text) VALUES (?, ?, ?)",
                                   arguments: [row["seq"], row["title"] ?? "", row["text"]])
                }
            }
        }

        func search(_ request: SearchRequest) throws -> [String] {
            let query = try SearchQuery.parse(request.text).get()
            let match = ArchiveStore.surfaceExpression(query.root).fts5
            return try queue.read { db in
                try String.fetchAll(db, sql: """
                    SELECT d.id FROM plain JOIN docs d ON d.seq = plain.rowid
                    WHERE plain MATCH ?1 AND (?2 IS NULL OR d.language = ?2) AND (?3 IS NULL OR d.kind = ?3)
                      AND (?4 IS NULL OR d.day >= ?4) AND (?5 IS NULL OR d.day <= ?5)
                    ORDER BY bm25(plain, 10.0, 1.0) LIMIT 10
                    """, arguments: [match, request.language?.rawValue, request.kind?.rawValue, request.from, request.to])
            }
        }
    }
}
