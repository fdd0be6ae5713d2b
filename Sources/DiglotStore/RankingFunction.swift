import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `diglot_bm25(fts, weight of each column… [, documentFrequencies])`: FTS5's
/// own `bm25()` (same k1 = 1.2, b = 0.75, same column weights, same formula and sign, lower is better), except
/// that it can be told how many documents hold each phrase instead of counting them.
///
/// Why: `bm25()` learns each phrase's document frequency by running the phrase over the whole index before
/// it scores the first row. A search ranks at most the newest 2,000 matches of a stage, but that count still
/// walked every document holding the word: 51,000 doclist entries for each of "artillery" and "systems" on
/// the 100,000-document archive, three quarters of the query's time. The archive keeps the counts of its
/// common terms (`term_documents`), so the search hands them in after the column weights (one weight per
/// column must then be given): one number per phrase, in the order the phrases appear in the MATCH
/// expression, separated by spaces.
///
/// Without that argument, or when its numbers do not match the query's phrases, the function counts like
/// `bm25()` and returns the same scores (the tests compare both).
///
/// A last, optional argument names the FTS5 table's `docsize` shadow table (`'documents_fts_docsize'`): each
/// row's length is then read from it through `DocumentLengthReader` rather than FTS5's `xColumnSize`, which
/// runs a statement per row (four fifths of a window's ranking). The first row's length is checked against
/// `xColumnSize`; a table that does not agree is not used.
enum RankingFunction {
    static let name = "diglot_bm25"

    /// Registers the function on one connection (FTS5 auxiliary functions are per connection).
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else { return }
        _ = name.withCString { zName in
            create(UnsafeMutablePointer(mutating: api), zName, nil, rankRow, nil)
        }
    }

    /// BM25's constants, as in FTS5's `bm25()`.
    static let k1 = 1.2
    static let b = 0.75

    /// What one query needs for every row it scores: read once, kept as FTS5 auxiliary data.
    ///
    /// Every property is a constant (the per-row counts live in memory the state owns), so scoring a row makes
    /// no exclusivity checks: with `var` arrays they were a twentieth of a ranking's instructions.
    final class QueryState {
        let columnWeights: [Double]
        let inverseFrequencies: [Double]
        let averageLength: Double
        /// Where rows' lengths are read, when the query named a `docsize` table that agrees with FTS5.
        let lengths: DocumentLengthReader?
        /// Per phrase, the weighted number of its instances in the row being scored.
        let frequencies: UnsafeMutableBufferPointer<Double>

        init(columnWeights: [Double], inverseFrequencies: [Double], averageLength: Double,
             lengths: DocumentLengthReader?) {
            self.columnWeights = columnWeights
            self.inverseFrequencies = inverseFrequencies
            self.averageLength = averageLength
            self.lengths = lengths
            frequencies = .allocate(capacity: inverseFrequencies.count)
            frequencies.initialize(repeating: 0)
        }

        deinit { frequencies.deallocate() }
    }

    /// BM25's inverse document frequency, floored as `bm25()` floors it (a word in most documents still counts).
    static func inverseFrequency(rows: Int64, holding documents: Int64) -> Double {
        let idf = log((Double(rows) - Double(documents) + 0.5) / (Double(documents) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// The space-separated document frequencies the search passes, or nil when the text is not one
    /// non-negative number per phrase.
    static func parseFrequencies(_ text: String, phrases: Int) -> [Int64]? {
        let numbers = text.split(separator: " ").map { Int64($0) }
        guard numbers.count == phrases, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        return numbers.map { $0! }
    }

    /// An SQLite result code an FTS5 call failed with.
    struct FailureCode: Error { var code: Int32 }

    private static let rankRow: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let functions = api.pointee
        let state: QueryState
        if let stored = functions.xGetAuxdata!(fts, 0) {
            state = Unmanaged<QueryState>.fromOpaque(stored).takeUnretainedValue()
        } else {
            switch makeState(functions, fts, sqlite3_context_db_handle(context), Int(argumentCount), arguments) {
            case .success(let made): state = made
            case .failure(let failure):
                sqlite3_result_error_code(context, failure.code)
                return
            }
            let retained = Unmanaged.passRetained(state).toOpaque()
            let code = functions.xSetAuxdata!(fts, retained, { pointer in
                if let pointer { Unmanaged<QueryState>.fromOpaque(pointer).release() }
            })
            if code != SQLITE_OK {
                sqlite3_result_error_code(context, code)
                return
            }
        }
        let frequencies = state.frequencies
        frequencies.update(repeating: 0)
        var instances: Int32 = 0
        var code = functions.xInstCount!(fts, &instances)
        var index: Int32 = 0
        while code == SQLITE_OK && index < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = functions.xInst!(fts, index, &phrase, &column, &offset)
            if code == SQLITE_OK, Int(phrase) < frequencies.count {
                let weight = Int(column) < state.columnWeights.count ? state.columnWeights[Int(column)] : 1.0
                frequencies[Int(phrase)] += weight
            }
            index += 1
        }
        var tokens: Int64 = 0
        if let known = state.lengths?.tokens(row: functions.xRowid!(fts)) {
            tokens = known
        } else if code == SQLITE_OK {
            var size: Int32 = 0
            code = functions.xColumnSize!(fts, -1, &size)
            tokens = Int64(size)
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        let lengthNorm = k1 * (1 - b + b * Double(tokens) / state.averageLength)
        var score = 0.0
        for phrase in frequencies.indices {
            let frequency = frequencies[phrase]
            score += state.inverseFrequencies[phrase] * (frequency * (k1 + 1)) / (frequency + lengthNorm)
        }
        sqlite3_result_double(context, -score)
    }

    private static func makeState(_ functions: Fts5ExtensionApi, _ fts: OpaquePointer, _ db: OpaquePointer?,
                                  _ argumentCount: Int, _ arguments: UnsafeMutablePointer<OpaquePointer?>?)
        -> Result<QueryState, FailureCode> {
        // One weight per column, as `bm25()` reads them; the frequencies follow the last column's weight.
        let columns = Int(functions.xColumnCount!(fts))
        var weights: [Double] = []
        if let arguments {
            for index in 0..<min(argumentCount, columns) { weights.append(sqlite3_value_double(arguments[index])) }
        }
        let phrases = Int(functions.xPhraseCount!(fts))
        var rows: Int64 = 0, totalTokens: Int64 = 0
        var code = functions.xRowCount!(fts, &rows)
        if code == SQLITE_OK { code = functions.xColumnTotalSize!(fts, -1, &totalTokens) }
        guard code == SQLITE_OK else { return .failure(FailureCode(code: code)) }
        let averageLength = rows > 0 ? max(Double(totalTokens) / Double(rows), 1e-9) : 1

        var given: [Int64]?
        if argumentCount > columns, let arguments, let text = sqlite3_value_text(arguments[columns]) {
            given = parseFrequencies(String(cString: text), phrases: phrases)
        }
        var inverse: [Double] = []
        inverse.reserveCapacity(phrases)
        for phrase in 0..<phrases {
            var documents: Int64 = 0
            if let given {
                documents = min(given[phrase], rows)
            } else {
                code = functions.xQueryPhrase!(fts, Int32(phrase), &documents, { _, _, counter in
                    counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                })
                guard code == SQLITE_OK else { return .failure(FailureCode(code: code)) }
            }
            inverse.append(inverseFrequency(rows: rows, holding: documents))
        }
        var lengths: DocumentLengthReader?
        if argumentCount > columns + 1, let arguments, let db, let text = sqlite3_value_text(arguments[columns + 1]) {
            // Checked on the row being scored: a table that is not this index's answers another length.
            let reader = DocumentLengthReader(db: db, table: String(cString: text))
            var size: Int32 = 0
            if functions.xColumnSize!(fts, -1, &size) == SQLITE_OK, reader.tokens(row: functions.xRowid!(fts)) == Int64(size) {
                lengths = reader
            }
        }
        return .success(QueryState(columnWeights: weights, inverseFrequencies: inverse, averageLength: averageLength,
                                   lengths: lengths))
    }
}
