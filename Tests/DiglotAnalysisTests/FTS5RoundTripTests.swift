import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import DiglotAnalysis

/// A test-only FTS5 tokenizer over `Fixtures.shared`, written like the store's: colocated analyzer tokens
/// become `FTS5_TOKEN_COLOCATED`, query strings go through `queryTokens`.
final class TestAnalyzerTokenizer: FTS5CustomTokenizer {
    static let name = "diglot_test"
    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let text = String(decoding: UnsafeRawBufferPointer(start: pText, count: Int(nText)), as: UTF8.self)
        let analyzer = Fixtures.shared
        let tokens = tokenization.contains(.query) ? analyzer.queryTokens(text) : analyzer.indexTokens(text)
        for token in tokens {
            let flags = token.isColocated ? FTS5_TOKEN_COLOCATED : 0
            let code = token.term.utf8CString.withUnsafeBufferPointer { term in
                tokenCallback(context, flags, term.baseAddress, CInt(term.count - 1),
                              CInt(token.byteRange.lowerBound), CInt(token.byteRange.upperBound))
            }
            if code != SQLITE_OK { return code }
        }
        return SQLITE_OK
    }
}

/// The compiled MATCH strings run in real SQLite FTS5 over the analyzer's tokens and find what the
/// in-memory evaluation finds: proof that the `|` alternatives reach FTS5 as colocated synonyms.
@Suite struct FTS5RoundTripTests {
    @Test func sqliteAgreesWithTheInMemoryIndex() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: TestAnalyzerTokenizer.self) }
        let database = try DatabaseQueue(configuration: configuration)
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='diglot_test')")
            for (index, snippet) in RetrievalTests.snippets.enumerated() {
                try db.execute(sql: "INSERT INTO t(rowid, body) VALUES (?, ?)", arguments: [index, snippet])
            }
        }
        let index = TinyIndex(RetrievalTests.snippets, analyzer: Fixtures.shared)
        let compiler = QueryCompiler(analyzer: Fixtures.shared)
        let queries = ["втратами", "\"бойові втрати\"", "\"втрати бойові\"", "танків -Харкові", "Бахмута OR Києва",
                       "(потерями OR losses) -ворога", "\"втрат противника\"", "ґанок", "1 020 010", "самолётов"]
        for query in queries {
            for stage in compiler.compile(try SearchQuery.parse(query).get()).stages {
                let rows = try database.read { db in
                    try Int.fetchSet(db, sql: "SELECT rowid FROM t WHERE t MATCH ?", arguments: [stage.match])
                }
                #expect(rows == index.matches(stage.expression), "\(query) at \(stage.tier): \(stage.match)")
            }
        }
    }

    @Test func highlightMarksTheSurfaceForm() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: TestAnalyzerTokenizer.self) }
        let database = try DatabaseQueue(configuration: configuration)
        let compiled = QueryCompiler(analyzer: Fixtures.shared).compile(try SearchQuery.parse("втратами").get())
        let highlighted = try database.write { db -> String? in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='diglot_test')")
            try db.execute(sql: "INSERT INTO t(body) VALUES ('Загальні бойові втрати противника')")
            return try String.fetchOne(db, sql: "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?",
                                       arguments: [compiled.broadest.match])
        }
        #expect(highlighted == "Загальні бойові [втрати] противника")
    }
}
