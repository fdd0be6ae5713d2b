import Foundation
import GRDB
import Testing
@testable import DiglotStore

/// `BoundStatement` binds values through SQLite's C API instead of GRDB's arguments; these tests hold it to
/// what GRDB's `execute(arguments:)` stores for the same values, and to GRDB's behaviour on errors.
@Suite struct BoundStatementTests {
    static let insert = "INSERT INTO t(a, b, c, d) VALUES (?, ?, ?, ?)"

    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(n INTEGER PRIMARY KEY, a TEXT NOT NULL, b, c, d, UNIQUE(a))")
        }
        return queue
    }

    /// Each row as SQLite holds it: the type of every column and its value as text or hex.
    static func rows(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT a || '|' || typeof(b) || ':' || coalesce(hex(b), '') || '|' || typeof(c) || ':' || coalesce(c, '')
                   || '|' || typeof(d) || ':' || coalesce(hex(d), '') FROM t ORDER BY n
            """)
    }

    static let cases: [(a: String, b: String?, c: Int?, d: Data)] = [
        ("plain", "Танки — 3 049 (+5)", 3049, Data([1, 2, 3])),
        ("empty text and blob", "", 0, Data()),
        ("null", nil, nil, Data([0])),
        ("extremes", "ab 😀 \u{301}\u{7F}\n", Int.min, Data(repeating: 0xFF, count: 70_000)),
        ("max", String(repeating: "ї", count: 10_000), Int.max, Data([0x22])),
    ]

    /// A lookup run again and again with other values reads what GRDB's `fetchAll` reads for them, and refuses a
    /// wrong count of values as `run` does.
    @Test func readsTheRowsGRDBReadsForTheSameValues() throws {
        let queue = try Self.database()
        try queue.write { db in
            for value in Self.cases {
                try db.execute(sql: Self.insert, arguments: [value.a, value.b, value.c, value.d])
            }
            let sql = "SELECT a, c FROM t WHERE length(a) >= ? AND coalesce(c, 0) <= ? ORDER BY n"
            let lookup = try BoundStatement(db, cachedSQL: sql)
            for (length, most) in [(0, Int.max), (5, 0), (4, 3049), (100, 1), (5, -1)] {
                var rows = lookup
                rows.bind(length)
                rows.bind(most)
                var read: [String] = []
                try rows.forEachRow { read.append("\($0.text(0))|\($0.isNull(1) ? "-" : String($0.int(1)))") }
                let expected = try Row.fetchAll(db, sql: sql, arguments: [length, most]).map { row -> String in
                    let c: Int? = row[1]
                    return "\(row[0] as String)|\(c.map(String.init) ?? "-")"
                }
                #expect(read == expected, "\(length) \(most)")
            }
            var short = lookup
            short.bind(1)
            #expect(throws: DatabaseError.self) { try short.forEachRow { _ in } }
            var again = lookup
            again.bind(0)
            again.bind(Int.max)
            var count = 0
            try again.forEachRow { _ in count += 1 }
            #expect(count == Self.cases.count, "the statement was left reset after the refused run")
        }
    }

    @Test func storesWhatGRDBStoresForTheSameValues() throws {
        let bound = try Self.database(), grdb = try Self.database()
        try bound.write { db in
            for value in Self.cases {
                var insert = try BoundStatement(db, cachedSQL: Self.insert)
                insert.bind(value.a); insert.bind(value.b); insert.bind(value.c); insert.bind(value.d)
                try insert.run()
            }
        }
        try grdb.write { db in
            for value in Self.cases {
                try db.execute(sql: Self.insert, arguments: [value.a, value.b, value.c, value.d])
            }
        }
        let expected = try grdb.read(Self.rows)
        #expect(expected.count == Self.cases.count)
        #expect(try bound.read(Self.rows) == expected)
    }

    /// GRDB binds text as a C string, so a NUL ends it; a bound text keeps every byte (an imported JSON string
    /// may spell one as `\u0000`), and reads back whole.
    @Test func textWithANulIsStoredWhole() throws {
        let queue = try Self.database()
        try queue.write { db in
            var insert = try BoundStatement(db, cachedSQL: Self.insert)
            insert.bind("nul"); insert.bind("a\u{0}b"); insert.bindNull(); insert.bind(Data())
            try insert.run()
            #expect(try String.fetchOne(db, sql: "SELECT hex(b) FROM t") == "610062")
        }
    }

    @Test func doublesAndNullsAsGRDBBindsThem() throws {
        let bound = try Self.database(), grdb = try Self.database()
        let values: [Double?] = [0.97, -0.0, nil, 1e300, 1]
        try bound.write { db in
            for (index, value) in values.enumerated() {
                var insert = try BoundStatement(db, cachedSQL: Self.insert)
                insert.bind("row \(index)"); insert.bind(value); insert.bindNull(); insert.bind(Data())
                try insert.run()
            }
        }
        try grdb.write { db in
            for (index, value) in values.enumerated() {
                try db.execute(sql: Self.insert, arguments: ["row \(index)", value, nil, Data()])
            }
        }
        #expect(try bound.read(Self.rows) == grdb.read(Self.rows))
    }

    /// A broken constraint throws SQLite's code and message, and the statement is left reset: the next run, and
    /// GRDB's own use of the cached statement, work.
    @Test func aFailureThrowsAndLeavesTheStatementUsable() throws {
        let queue = try Self.database()
        try queue.write { db in
            var first = try BoundStatement(db, cachedSQL: Self.insert)
            first.bind("same"); first.bind("x"); first.bind(1); first.bind(Data())
            try first.run()
            var again = try BoundStatement(db, cachedSQL: Self.insert)
            again.bind("same"); again.bind("y"); again.bind(2); again.bind(Data())
            let error = try #require(throws: DatabaseError.self) { try again.run() }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
            #expect(error.message?.contains("t.a") == true)

            var missing = try BoundStatement(db, cachedSQL: Self.insert)
            missing.bindNull(); missing.bind("z"); missing.bind(3); missing.bind(Data())
            let notNull = try #require(throws: DatabaseError.self) { try missing.run() }
            #expect(notNull.extendedResultCode == .SQLITE_CONSTRAINT_NOTNULL)

            try db.execute(sql: Self.insert, arguments: ["grdb", "g", 4, Data()])
            var after = try BoundStatement(db, cachedSQL: Self.insert)
            after.bind("after"); after.bind("w"); after.bind(5); after.bind(Data())
            try after.run()
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY n") == ["same", "grdb", "after"])
        }
    }

    /// Too few or too many values throw before anything is run (GRDB checks the count as well), and a value
    /// left from a failed statement is not carried into the next.
    @Test func theWrongNumberOfValuesThrows() throws {
        let queue = try Self.database()
        try queue.write { db in
            var short = try BoundStatement(db, cachedSQL: Self.insert)
            short.bind("short"); short.bind("b")
            #expect(throws: DatabaseError.self) { try short.run() }
            var long = try BoundStatement(db, cachedSQL: Self.insert)
            long.bind("long"); long.bind("b"); long.bind(1); long.bind(Data()); long.bind(2)
            #expect(throws: DatabaseError.self) { try long.run() }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 0)

            var next = try BoundStatement(db, cachedSQL: "INSERT INTO t(a) VALUES (?)")
            next.bind("only a")
            try next.run()
            #expect(try String.fetchOne(db, sql: "SELECT typeof(b) || typeof(c) || typeof(d) FROM t") == "nullnullnull")
        }
    }
}
