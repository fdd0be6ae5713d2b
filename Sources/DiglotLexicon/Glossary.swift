import DiglotModel
import DiglotLocales
import Synchronization

/// The bilingual glossary of news and military terms (uk↔en, ru↔en), read from `Locales/data/glossary.tsv`.
///
/// Lookups are lemma-insensitive enough for inflected text: words are compared by their `LightStemmer` stems, so
/// "втратами" finds "втрати" and "shelling" finds "shelling".
///
/// ```swift
/// Glossary.shared.translations(of: "РСЗВ", from: .ukrainian, to: .english)   // ["MLRS", "multiple rocket launcher"]
/// Glossary.shared.matches(in: "знищено 12 танків", language: .ukrainian).map(\.entry.english[0])   // ["tank", ...]
/// ```
public struct Glossary: Sendable {
    public let entries: [GlossaryEntry]
    /// Stemmed first word -> (stemmed words of a term, entry index, term, language), built on the first
    /// `matches(in:language:)`: a search process only translates terms (`termIndex`), and building this index
    /// with the other was a sixth of a `diglot search` process's instructions.
    private let firstWordIndex: FirstWordIndex
    /// Whole stemmed term -> entry indices.
    private let termIndex: [String: [Int]]
    /// The stems of the words `matches(in:language:)` has met.
    let stemMemo = WordMemo { LightStemmer.stem($0) }

    fileprivate struct IndexedTerm: Sendable {
        var stems: [String]
        var entry: Int
        var term: String
        var language: LanguageTag
    }

    /// `firstWordIndex`, built once on first use from every term's stems.
    private final class FirstWordIndex: Sendable {
        private let index: Mutex<[String: [IndexedTerm]]?> = Mutex(nil)
        private let entries: [GlossaryEntry]
        private let joinedTermStems: [String]

        init(entries: [GlossaryEntry], joinedTermStems: [String]) {
            self.entries = entries
            self.joinedTermStems = joinedTermStems
        }

        /// The index, built on the first call; the dictionary is shared, not copied, so a caller takes it once
        /// and looks words up without the lock.
        func terms() -> [String: [IndexedTerm]] {
            index.withLock { index in
                if let built = index { return built }
                let built = build()
                index = built
                return built
            }
        }

        private func build() -> [String: [IndexedTerm]] {
            var firstWordIndex: [String: [IndexedTerm]] = [:]
            var k = 0
            for (i, entry) in entries.enumerated() {
                for language in Glossary.languages {
                    for term in entry.terms(in: language) {
                        let stems = joinedTermStems[k].split(separator: " ").map(String.init)
                        k += 1
                        guard let first = stems.first else { continue }
                        firstWordIndex[first, default: []].append(IndexedTerm(stems: stems, entry: i, term: term, language: language))
                    }
                }
            }
            for key in firstWordIndex.keys { firstWordIndex[key]?.sort { $0.stems.count > $1.stems.count } }
            return firstWordIndex
        }
    }

    public static let fileName = "glossary.tsv"

    /// The bundled glossary; empty (with `loadProblem` set) if the file cannot be read.
    public static let shared: Glossary = (try? Glossary.bundled()) ?? Glossary(entries: [])
    public static let loadProblem: LexiconDataError? = {
        do { _ = try Glossary.bundled(); return nil } catch let e as LexiconDataError { return e } catch {
            return LexiconDataError(file: fileName, reason: "\(error)")
        }
    }()

    /// Reads `Locales/data/glossary.tsv` (columns english, ukrainian, russian, conflicts, domain; a header row).
    ///
    /// - Throws: `LexiconDataError` naming the line of a malformed row or one without an English term.
    public static func bundled() throws -> Glossary {
        guard let text = Locales.text(named: fileName) else {
            throw LexiconDataError(file: fileName, reason: "the resource is not bundled in Locales/data")
        }
        return try Glossary(rows: TSVResource.rows(of: text, file: fileName, columns: 5), file: fileName, cachedAs: text)
    }

    /// Raise whenever `stems(of:)` (or `LightStemmer`, `TextFolding`) changes, so stems cached by
    /// `DerivedKeyCache` from an older derivation are not read back.
    static let derivationVersion = 1

    /// Reads glossary text in the bundled format, as if from file `file`.
    ///
    /// - Throws: `LexiconDataError` naming the line of a malformed row.
    public static func parse(_ text: String, file: String) throws -> Glossary {
        try Glossary(rows: TSVResource.rows(of: text, file: file, columns: 5), file: file, cachedAs: nil)
    }

    /// - Parameter cachedAs: the bundled file's text, when the derived stems may be cached under it.
    private init(rows: [TSVResource.Row], file: String, cachedAs text: String?) throws {
        var entries: [GlossaryEntry] = []
        for row in rows where row.cells[0] != "english" {
            let english = TSVResource.alternatives(row.cells[0])
            let ukrainian = TSVResource.alternatives(row.cells[1])
            let russian = TSVResource.alternatives(row.cells[2])
            guard !english.isEmpty else {
                throw LexiconDataError(file: file, line: row.line, reason: "the entry has no English term")
            }
            guard !ukrainian.isEmpty || !russian.isEmpty else {
                throw LexiconDataError(file: file, line: row.line,
                                       reason: "\"\(english[0])\" has neither a Ukrainian nor a Russian term")
            }
            entries.append(GlossaryEntry(id: row.line, english: english, ukrainian: ukrainian, russian: russian,
                                         conflicts: TSVResource.alternatives(row.cells[3]), domain: row.cells[4]))
        }
        guard let text else {
            self.init(entries: entries)
            return
        }
        // Stemming every term is most of the cost of loading the glossary: done once per program build.
        let count = entries.reduce(0) { total, entry in Self.languages.reduce(total) { $0 + entry.terms(in: $1).count } }
        let lines = DerivedKeyCache.lines(resource: "glossary", text: text, version: Self.derivationVersion,
                                          expectedCount: count) {
            Self.termStems(entries).map { $0.joined(separator: " ") }
        }
        self.init(entries: entries, joinedTermStems: lines)
    }

    /// The languages of the glossary's columns, in the order terms are indexed.
    static let languages: [LanguageTag] = [.english, .ukrainian, .russian]

    /// The stems of every term of every entry, entry by entry, language by language (`languages`).
    static func termStems(_ entries: [GlossaryEntry]) -> [[String]] {
        entries.flatMap { entry in languages.flatMap { entry.terms(in: $0).map(Self.stems(of:)) } }
    }

    public init(entries: [GlossaryEntry]) {
        self.init(entries: entries, joinedTermStems: Self.termStems(entries).map { $0.joined(separator: " ") })
    }

    /// - Parameter joinedTermStems: `termStems(entries)`, each term's stems joined by a space, possibly read
    ///   back from `DerivedKeyCache` (which keeps them so).
    init(entries: [GlossaryEntry], joinedTermStems: [String]) {
        var termIndex: [String: [Int]] = [:]
        var k = 0
        for (i, entry) in entries.enumerated() {
            for language in Self.languages {
                for _ in entry.terms(in: language) {
                    let joined = joinedTermStems[k]
                    k += 1
                    guard !joined.isEmpty else { continue }
                    if termIndex[joined]?.contains(i) != true { termIndex[joined, default: []].append(i) }
                }
            }
        }
        self.entries = entries
        self.firstWordIndex = FirstWordIndex(entries: entries, joinedTermStems: joinedTermStems)
        self.termIndex = termIndex
    }

    static func stems(of text: String) -> [String] {
        TextFolding.words(text).map { LightStemmer.stem(String($0)) }
    }

    /// The entries having `term` (in any language, any inflection the light stemmer undoes) as one of their terms.
    public func entries(matching term: String) -> [GlossaryEntry] {
        (termIndex[Self.stems(of: term).joined(separator: " ")] ?? []).map { entries[$0] }
    }

    /// The renderings of `term` from `source` into `target`, preferred first, without duplicates.
    public func translations(of term: String, from source: LanguageTag, to target: LanguageTag) -> [String] {
        let key = Self.stems(of: term).joined(separator: " ")
        var seen: Set<String> = []
        var result: [String] = []
        for i in termIndex[key] ?? [] {
            let entry = entries[i]
            guard entry.terms(in: source).contains(where: { Self.stems(of: $0).joined(separator: " ") == key }) else { continue }
            for rendering in entry.terms(in: target) where seen.insert(rendering).inserted { result.append(rendering) }
        }
        return result
    }

    /// The glossary terms occurring in `text`, longest match first at each position, not overlapping.
    ///
    /// - Parameter language: the text's language; terms of other languages are not looked for.
    public func matches(in text: String, language: LanguageTag) -> [GlossaryMatch] {
        let words = TextFolding.words(text)
        let stems = stemMemo.values(of: words)
        let firstWordIndex = firstWordIndex.terms()
        var result: [GlossaryMatch] = []
        var i = 0
        while i < words.count {
            var advanced = false
            for candidate in firstWordIndex[stems[i]] ?? [] where candidate.language == language {
                let n = candidate.stems.count
                guard i + n <= words.count, Array(stems[i..<(i + n)]) == candidate.stems else { continue }
                let range = words[i].startIndex..<words[i + n - 1].endIndex
                result.append(GlossaryMatch(entry: entries[candidate.entry], term: candidate.term,
                                            surface: String(text[range]), language: language, range: range))
                i += n
                advanced = true
                break
            }
            if !advanced { i += 1 }
        }
        return result
    }

    /// True when `text` contains `term` (compared by stems, word by word).
    public func text(_ text: String, contains term: String) -> Bool {
        let needle = Self.stems(of: term)
        guard !needle.isEmpty else { return false }
        let hay = Self.stems(of: text)
        guard hay.count >= needle.count else { return false }
        for start in 0...(hay.count - needle.count) where Array(hay[start..<(start + needle.count)]) == needle { return true }
        return false
    }
}
