import GRDB
import Synchronization
import DiglotAnalysis

/// The archive's vocabulary table as a `LemmaStore`: what Hunspell found for each indexed word, so that a
/// `diglot search` process reads lemmas with two SELECTs instead of loading a dictionary.
///
/// At import the tokenizer runs inside SQLite's callback on the writing connection, so `record` only
/// buffers in memory; `ArchiveStore.write` flushes the buffer into `vocabulary` inside the same
/// transaction, after the rows are inserted. A rolled-back import therefore writes no vocabulary row, and
/// its analyses go back into the buffer (the analyzer's word cache will not record those words again) to
/// be written by the next import that commits. A vocabulary row for a word no document holds
/// is harmless: it only widens a query word to its lemmas.
///
/// ```swift
/// let store = try ArchiveStore(path: "diglot.sqlite")            // morphological analysis by default
/// store.vocabulary.analyses(for: ["втрати"])["втрати"]?.lemmas    // ["втрата"]
/// ```
public final class ArchiveVocabulary: LemmaStore {
    private let pending = InMemoryLemmaStore()
    private let database = Mutex<DatabasePool?>(nil)

    init() {}

    /// Connects the vocabulary to the archive once the pool is open.
    func attach(_ pool: DatabasePool) { database.withLock { $0 = pool } }

    /// Words recorded by the tokenizer and not yet written to the archive.
    public var pendingCount: Int { pending.count }

    public func analyses(for words: Set<String>) -> [String: WordAnalysis] {
        var found = pending.analyses(for: words)
        let missing = words.subtracting(found.keys)
        for analysis in select(column: "word", values: missing) {
            found[analysis.word] = found[analysis.word].map { $0.merged(with: analysis) } ?? analysis
        }
        return found
    }

    public func analyses(forStems stems: Set<String>) -> [String: WordAnalysis] {
        var found = pending.analyses(forStems: stems)
        for analysis in select(column: "stem", values: stems) {
            let byStem = WordAnalysis(word: analysis.stem, lemmas: analysis.lemmas, names: analysis.names,
                                      stem: analysis.stem)
            found[analysis.stem] = found[analysis.stem].map { $0.merged(with: byStem) } ?? byStem
        }
        return found
    }

    public func record(_ analyses: [WordAnalysis]) { pending.record(analyses) }

    /// Writes the buffered analyses in `db`'s transaction, merging with rows already there; should the
    /// transaction roll back, or the write fail (inside a write group only the file's savepoint rolls back),
    /// they go back into the buffer.
    func flush(_ db: Database) throws {
        let analyses = pending.drain()
        guard !analyses.isEmpty else { return }
        db.afterNextTransaction(onCommit: { _ in }, onRollback: { [pending] _ in pending.record(analyses) })
        do {
            try write(analyses, db)
        } catch {
            pending.record(analyses)
            throw error
        }
    }

    private func write(_ analyses: [WordAnalysis], _ db: Database) throws {
        var stored: [String: WordAnalysis] = [:]
        for chunk in Self.chunks(analyses.map(\.word)) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT word, stem, lemmas FROM vocabulary WHERE word IN (\(marks))",
                                        arguments: StatementArguments(chunk)) {
                if let analysis = WordAnalysis(word: row["word"], stem: row["stem"], encodedLemmas: row["lemmas"]) {
                    stored[analysis.word] = analysis
                }
            }
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO vocabulary(word, stem, lemmas) VALUES (?, ?, ?)
            ON CONFLICT(word) DO UPDATE SET lemmas = excluded.lemmas
            """)
        for analysis in analyses {
            let merged = stored[analysis.word].map { $0.merged(with: analysis) } ?? analysis
            try upsert.execute(arguments: [merged.word, merged.stem, merged.encodedLemmas])
        }
    }

    /// Rows whose `column` is one of `values`; empty when the archive cannot be read (a query then falls
    /// back to light stems, which still finds the exact forms).
    private func select(column: String, values: Set<String>) -> [WordAnalysis] {
        guard !values.isEmpty, let pool = database.withLock({ $0 }) else { return [] }
        return (try? pool.read { db in
            var found: [WordAnalysis] = []
            for chunk in Self.chunks(Array(values)) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(db, sql: "SELECT word, stem, lemmas FROM vocabulary WHERE \(column) IN (\(marks))",
                                               arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    if let analysis = WordAnalysis(word: row["word"], stem: row["stem"], encodedLemmas: row["lemmas"]) {
                        found.append(analysis)
                    }
                }
            }
            return found
        }) ?? []
    }

    /// Groups of at most 500 values: SQLite's limit on bound parameters is far above, statements stay small.
    private static func chunks(_ values: [String]) -> [ArraySlice<String>] {
        stride(from: 0, to: values.count, by: 500).map { values[$0..<min($0 + 500, values.count)] }
    }
}
