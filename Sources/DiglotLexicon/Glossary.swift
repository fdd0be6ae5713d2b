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
    /// Every term's stems as numbers and the terms by their first stem's number, built on the first
    /// `matches(in:language:)`: a search process only translates terms (`termIndex`), and building this index
    /// with the other was a sixth of a `diglot search` process's instructions.
    private let firstWordIndex: FirstWordIndex
    /// Whole stemmed term -> entry indices.
    private let termIndex: [String: [Int]]
    /// The stem number (`FirstWordIndex.Built.numbers`) of each word `matches(in:language:)` has met, by the
    /// word's UTF-8 bytes; -1 for a word whose stem is in no term. Forgotten whole at `wordNumberLimit` words.
    ///
    /// Why numbers by bytes: pairing asks for the glossary terms of every text it examines. Looked up as a
    /// `String` (made for each word) in a memo of stems, whose stem was then hashed again to find the terms it
    /// begins, matching was 15 % of `diglot pair`'s CPU at 100,000 documents (docs/performance.md, session 27).
    private let wordNumbers = WordNumbers()
    static let wordNumberLimit = 50_000

    fileprivate struct IndexedTerm: Sendable {
        var stems: [Int32]
        var entry: Int
        var term: String
        var language: LanguageTag
    }

    private final class WordNumbers: Sendable {
        let table = Mutex(ByteKeyedTable<Int32>())
    }

    /// `firstWordIndex`, built once on first use from every term's stems.
    private final class FirstWordIndex: Sendable {
        struct Built: Sendable {
            /// Each stem occurring in a term, numbered from 0.
            var numbers: [String: Int32]
            /// The terms beginning with each stem number, longest first.
            var termsByFirst: [[IndexedTerm]]
        }

        private let index: Mutex<Built?> = Mutex(nil)
        private let entries: [GlossaryEntry]
        private let joinedTermStems: [String]

        init(entries: [GlossaryEntry], joinedTermStems: [String]) {
            self.entries = entries
            self.joinedTermStems = joinedTermStems
        }

        /// The index, built on the first call; its storage is shared, not copied, so a caller takes it once
        /// and looks words up without the lock.
        func terms() -> Built {
            index.withLock { index in
                if let built = index { return built }
                let built = build()
                index = built
                return built
            }
        }

        private func build() -> Built {
            var numbers: [String: Int32] = [:]
            var termsByFirst: [[IndexedTerm]] = []
            var k = 0
            for (i, entry) in entries.enumerated() {
                for language in Glossary.languages {
                    for term in entry.terms(in: language) {
                        let stems = joinedTermStems[k].split(separator: " ").map { stem -> Int32 in
                            if let number = numbers[String(stem)] { return number }
                            let number = Int32(numbers.count)
                            numbers[String(stem)] = number
                            termsByFirst.append([])
                            return number
                        }
                        k += 1
                        guard let first = stems.first else { continue }
                        termsByFirst[Int(first)].append(IndexedTerm(stems: stems, entry: i, term: term, language: language))
                    }
                }
            }
            // Stable, so terms of equal length keep the order of the entries, as before numbering.
            for first in termsByFirst.indices {
                termsByFirst[first] = termsByFirst[first].enumerated()
                    .sorted { $0.element.stems.count != $1.element.stems.count
                        ? $0.element.stems.count > $1.element.stems.count : $0.offset < $1.offset }
                    .map(\.element)
            }
            return Built(numbers: numbers, termsByFirst: termsByFirst)
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
        let index = firstWordIndex.terms()
        let numbers = stemNumbers(of: words, index.numbers)
        var result: [GlossaryMatch] = []
        var i = 0
        while i < words.count {
            var advanced = false
            let first = numbers[i]
            for candidate in first >= 0 ? index.termsByFirst[Int(first)] : [] where candidate.language == language {
                let n = candidate.stems.count
                guard i + n <= words.count, numbers[i..<(i + n)].elementsEqual(candidate.stems) else { continue }
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

    /// The stem number of each word (-1 for a stem in no term): remembered ones by their bytes under one lock,
    /// the others stemmed and then remembered under a second.
    private func stemNumbers(of words: [Substring], _ numbers: [String: Int32]) -> [Int32] {
        var result = [Int32](repeating: -1, count: words.count)
        var missing: [Int] = []
        wordNumbers.table.withLock { table in
            for (i, word) in words.enumerated() {
                let known = word.utf8.withContiguousStorageIfAvailable { table.value(forUTF8: $0) }
                    ?? table[String(word)]
                if let known { result[i] = known } else { missing.append(i) }
            }
        }
        guard !missing.isEmpty else { return result }
        for i in missing { result[i] = numbers[LightStemmer.stem(String(words[i]))] ?? -1 }
        wordNumbers.table.withLock { table in
            if table.count + missing.count > Self.wordNumberLimit { table.removeAll() }
            for i in missing where table.count < Self.wordNumberLimit { table[String(words[i])] = result[i] }
        }
        return result
    }

    /// How many words the glossary remembers the stem numbers of (for tests).
    var rememberedWords: Int { wordNumbers.table.withLock { $0.count } }

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
