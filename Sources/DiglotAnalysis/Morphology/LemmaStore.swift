import Synchronization

/// The archive's vocabulary: word → lemmas, written at import time and read at query time.
///
/// At import the analyzer stems each new Cyrillic word with Hunspell and calls `record`; at query time
/// the query compiler asks `analyses(for:)` first and, for words the archive has never seen,
/// `lemmas(forStems:)`, so "втратами" (absent from the archive) still reaches the lemma "втрата" of the
/// archived "втрати" through their shared light stem "втрат", without loading a dictionary.
///
/// `record` is called from inside the FTS5 tokenizer callback (the analyzer's `indexTokens`): an
/// SQLite-backed store must not use the connection being written there; buffer the records (an
/// `InMemoryLemmaStore` does) and write them in the import transaction after the rows are inserted.
///
/// An SQLite implementation needs one table, e.g.
/// `vocabulary(word TEXT PRIMARY KEY, stem TEXT NOT NULL, lemmas TEXT NOT NULL)` with an index on `stem`,
/// `lemmas` holding `WordAnalysis.encodedLemmas`.
public protocol LemmaStore: Sendable {
    /// The recorded analyses of those of `words` the store knows, keyed by word.
    func analyses(for words: Set<String>) -> [String: WordAnalysis]
    /// For each stem, the union of the lemmas (and names) recorded for words with that stem.
    func analyses(forStems stems: Set<String>) -> [String: WordAnalysis]
    /// Adds analyses; a word already present keeps the union of old and new lemmas (`WordAnalysis.merged`).
    func record(_ analyses: [WordAnalysis])
}

/// A `LemmaStore` in memory: for tests, and as the import-time buffer an SQLite store drains.
///
/// ```swift
/// let store = InMemoryLemmaStore()
/// store.record([WordAnalysis(word: "втрати", lemmas: ["втрата"], names: [], stem: "втрат")])
/// store.analyses(forStems: ["втрат"])["втрат"]?.lemmas   // ["втрата"]
/// ```
public final class InMemoryLemmaStore: LemmaStore {
    private struct Entries {
        var byWord: [String: WordAnalysis] = [:]
        var wordsByStem: [String: Set<String>] = [:]
    }
    private let entries = Mutex(Entries())

    public init(_ analyses: [WordAnalysis] = []) { record(analyses) }

    public func analyses(for words: Set<String>) -> [String: WordAnalysis] {
        entries.withLock { entries in
            var found: [String: WordAnalysis] = [:]
            for word in words { found[word] = entries.byWord[word] }
            return found
        }
    }

    public func analyses(forStems stems: Set<String>) -> [String: WordAnalysis] {
        entries.withLock { entries in
            var found: [String: WordAnalysis] = [:]
            for stem in stems {
                for word in entries.wordsByStem[stem] ?? [] {
                    guard let analysis = entries.byWord[word] else { continue }
                    let byStem = WordAnalysis(word: stem, lemmas: analysis.lemmas, names: analysis.names, stem: stem)
                    found[stem] = found[stem].map { $0.merged(with: byStem) } ?? byStem
                }
            }
            return found
        }
    }

    public func record(_ analyses: [WordAnalysis]) {
        entries.withLock { entries in
            for analysis in analyses {
                entries.byWord[analysis.word] = entries.byWord[analysis.word].map { $0.merged(with: analysis) } ?? analysis
                entries.wordsByStem[analysis.stem, default: []].insert(analysis.word)
            }
        }
    }

    /// Every recorded analysis, sorted by word, emptying the store: what an import writes to the archive.
    public func drain() -> [WordAnalysis] {
        entries.withLock { entries in
            defer { entries = Entries() }
            return entries.byWord.values.sorted { $0.word < $1.word }
        }
    }

    /// How many words are recorded.
    public var count: Int { entries.withLock { $0.byWord.count } }
}
