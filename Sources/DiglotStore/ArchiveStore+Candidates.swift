import Foundation
import GRDB
import GRDBSQLite
import DiglotModel

/// A document's entry in the pairing candidate index, as `diglot pair` computes it once per document.
///
/// The store does not interpret `signature` (the pairing layer's compact encoding); it indexes `tokens` by
/// language and day and `links` by value.
public struct CandidateEntry: Hashable, Sendable {
    /// The document's arrival number (`forEachDocument(since:)` gives it).
    public var sequence: Int64
    public var document: DocumentID
    public var language: LanguageTag
    public var kind: DocumentKind
    /// Days since 1970-01-01 (UTC) of the publication date; nil when undated (then found only by link).
    public var day: Int?
    public var signature: String
    /// Blocking tokens (numbers, name keys).
    public var tokens: [String]
    /// Link keys of where the document lives (its URL, its tweet status id).
    public var ownLinks: [String]
    /// Link keys of what it links to or embeds.
    public var outgoingLinks: [String]

    public init(sequence: Int64, document: DocumentID, language: LanguageTag, kind: DocumentKind, day: Int?,
                signature: String, tokens: [String], ownLinks: [String], outgoingLinks: [String]) {
        self.sequence = sequence
        self.document = document
        self.language = language
        self.kind = kind
        self.day = day
        self.signature = signature
        self.tokens = tokens
        self.ownLinks = ownLinks
        self.outgoingLinks = outgoingLinks
    }
}

/// A candidate read back from the index; `sharedTokens` is set by token lookups.
public struct StoredCandidate: Hashable, Sendable {
    public var entry: CandidateEntry
    public var sharedTokens: Int
}

/// A candidate a lookup found: its arrival number and shared-token count (token lookups), with its entry unless
/// the caller said it already holds it.
public struct CandidateHit: Hashable, Sendable {
    public var sequence: Int64
    public var sharedTokens: Int
    /// Nil for a candidate the lookup's `known` accepted (its row was not read).
    public var entry: CandidateEntry?

    /// The hit as a `StoredCandidate`, when its entry was read.
    public var stored: StoredCandidate? { entry.map { StoredCandidate(entry: $0, sharedTokens: sharedTokens) } }
}

extension ArchiveStore {
    /// Writes the candidate entries of documents, with their tokens and links, in one transaction. Documents never
    /// change once stored, so an entry is written once: a document already indexed is left as it is.
    ///
    /// ```swift
    /// try store.saveCandidates(entries)   // after computing each new document's signature
    /// ```
    /// - Throws: `StoreError` when the archive cannot be written.
    public func saveCandidates(_ entries: [CandidateEntry]) throws {
        guard !entries.isEmpty else { return }
        try writing { db in
            var tokens: [TokenRow] = []
            var links: [LinkRow] = []
            // Through `BoundStatement`: GRDB's arguments boxed every value of 1.8 million rows at 100k arrivals.
            let insertCandidate = try BoundStatement(db, cachedSQL: """
                INSERT INTO pairing_candidates(seq, document_id, language, kind, day, signature, own_links, outgoing_links)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING
                """)
            for entry in entries {
                let seq = entry.sequence
                var insert = insertCandidate
                insert.bind(Int(seq))
                insert.bind(entry.document.rawValue)
                insert.bind(entry.language.rawValue)
                insert.bind(entry.kind.rawValue)
                insert.bind(entry.day)
                insert.bind(entry.signature)
                insert.bind(Self.joinedLinks(entry.ownLinks))
                insert.bind(Self.joinedLinks(entry.outgoingLinks))
                try insert.run()
                guard db.changesCount > 0 else { continue }
                if let day = entry.day {
                    for token in entry.tokens { tokens.append(TokenRow(token: token, language: entry.language.rawValue, day: day, seq: seq)) }
                }
                for link in Set(entry.ownLinks + entry.outgoingLinks) { links.append(LinkRow(link: link, seq: seq)) }
            }
            // In the primary keys' order: a batch's tokens land all over `pairing_tokens` (keyed by token first),
            // and inserted in arrival order each visited a random leaf, more of them than the writer's cache
            // holds, so pages were read and spilled to the WAL again and again before the commit. In key order
            // each leaf is visited once (docs/performance.md, session 27).
            tokens.sort()
            let insertToken = try BoundStatement(db, cachedSQL: """
                INSERT OR IGNORE INTO pairing_tokens(token, language, day, seq) VALUES (?, ?, ?, ?)
                """)
            for row in tokens {
                var insert = insertToken
                insert.bind(row.token)
                insert.bind(row.language)
                insert.bind(row.day)
                insert.bind(Int(row.seq))
                try insert.run()
            }
            links.sort()
            let insertLink = try BoundStatement(db, cachedSQL: "INSERT OR IGNORE INTO pairing_links(link, seq) VALUES (?, ?)")
            for row in links {
                var insert = insertLink
                insert.bind(row.link)
                insert.bind(Int(row.seq))
                try insert.run()
            }
        }
    }

    /// Documents in `language` published on a day in `days` that share at least one of `tokens`, each with how
    /// many it shares, most first (then arrival order), at most `limit`. A token carried by more than
    /// `stopTokenLength` documents of one day is no evidence for that day and is not counted.
    public func candidates(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int,
                           stopTokenLength: Int) throws -> [StoredCandidate] {
        try candidateHits(language: language, days: days, sharing: tokens, limit: limit,
                          stopTokenLength: stopTokenLength, known: { _ in false }).compactMap(\.stored)
    }

    /// `candidates(language:days:sharing:limit:stopTokenLength:)` for a caller that keeps the candidates it has
    /// read: a hit whose arrival number `known` accepts comes without its entry, which is not read.
    ///
    /// Why: in `diglot pair` over 100,000 documents seven of every eight candidates a lookup returned had been
    /// read and decoded by an earlier lookup of the same round; reading each one's row again (a join, a sort and
    /// the text of its signature) was most of what a lookup cost (docs/performance.md, session 27).
    public func candidateHits(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int,
                              stopTokenLength: Int, known: (Int64) -> Bool) throws -> [CandidateHit] {
        guard !tokens.isEmpty, limit > 0 else { return [] }
        return try reading { db in
            let ranked = try Self.documentsSharing(tokens, language: language, days: days, limit: limit,
                                                   stopTokenLength: stopTokenLength, db)
            return try Self.hits(ranked, known: known, db)
        }
    }

    /// The arrival numbers of the documents sharing the most of `tokens` (counting a token only on days when
    /// at most `stopTokenLength` documents carry it), with how many each shares: most first, then arrival
    /// order, at most `limit`.
    ///
    /// Each token's rows for the language and days are one range of `pairing_tokens`' key, read in key order
    /// (day, then arrival) by one cached statement; a day's rows are counted as they pass and kept only when
    /// the day's count is under the stop length. Until session 27 one SQL statement did this with a window
    /// per (token, day), a grouping and a sort, each through a temporary B-tree, over a `json_each` list:
    /// a quarter of all `diglot pair`'s CPU at 100,000 documents (docs/performance.md).
    static func documentsSharing(_ tokens: [String], language: LanguageTag, days: ClosedRange<Int>, limit: Int,
                                 stopTokenLength: Int, _ db: Database) throws -> [(sequence: Int64, shared: Int)] {
        let lookup = try BoundStatement(db, cachedSQL: """
            SELECT day, seq FROM pairing_tokens WHERE token = ? AND language = ? AND day BETWEEN ? AND ?
            ORDER BY day, seq
            """)
        var shared: [Int64: Int] = [:]
        var dayRows: [Int64] = []
        func closeDay() {
            guard dayRows.count <= stopTokenLength else { return }
            for sequence in dayRows { shared[sequence, default: 0] += 1 }
        }
        for token in Set(tokens) {
            var rows = lookup
            rows.bind(token)
            rows.bind(language.rawValue)
            rows.bind(days.lowerBound)
            rows.bind(days.upperBound)
            var day: Int?
            dayRows.removeAll(keepingCapacity: true)
            try rows.forEachRow { row in
                let rowDay = row.int(0)
                if rowDay != day {
                    closeDay()
                    dayRows.removeAll(keepingCapacity: true)
                    day = rowDay
                }
                dayRows.append(Int64(row.int(1)))
            }
            closeDay()
        }
        var ranked = shared.map { (sequence: $0.key, shared: $0.value) }
        ranked.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.sequence < $1.sequence }
        return Array(ranked.prefix(limit))
    }

    /// Every document in `language` published on a day in `days`, by day then arrival, at most `limit`.
    public func candidates(language: LanguageTag, days: ClosedRange<Int>, limit: Int) throws -> [StoredCandidate] {
        try candidateHits(language: language, days: days, limit: limit, known: { _ in false }).compactMap(\.stored)
    }

    /// `candidates(language:days:limit:)`, without the entries of the candidates `known` accepts.
    public func candidateHits(language: LanguageTag, days: ClosedRange<Int>, limit: Int,
                              known: (Int64) -> Bool) throws -> [CandidateHit] {
        guard limit > 0 else { return [] }
        return try reading { db in
            try Self.hits(sql: """
                SELECT seq FROM pairing_candidates WHERE language = ? AND day BETWEEN ? AND ? ORDER BY day, seq LIMIT ?
                """, arguments: [language.rawValue, days.lowerBound, days.upperBound, limit], known: known, db)
        }
    }

    /// Documents whose own or outgoing link keys include one of `links`, in arrival order.
    public func candidates(linkedBy links: Set<String>) throws -> [StoredCandidate] {
        try candidateHits(linkedBy: links, known: { _ in false }).compactMap(\.stored)
    }

    /// `candidates(linkedBy:)`, without the entries of the candidates `known` accepts.
    public func candidateHits(linkedBy links: Set<String>, known: (Int64) -> Bool) throws -> [CandidateHit] {
        guard !links.isEmpty else { return [] }
        return try reading { db in
            // One cached statement per link key, as the token lookups: the single statement over a `json_each`
            // list with DISTINCT and ORDER BY was 7 % of `diglot pair`'s CPU at 100k (session 27).
            let lookup = try BoundStatement(db, cachedSQL: "SELECT seq FROM pairing_links WHERE link = ?")
            var sequences = Set<Int64>()
            for link in links {
                var rows = lookup
                rows.bind(link)
                try rows.forEachRow { sequences.insert(Int64($0.int(0))) }
            }
            return try Self.hits(sequences.sorted().map { (sequence: $0, shared: 0) }, known: known, db)
        }
    }

    /// How many documents the candidate index holds.
    public func candidateCount() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing_candidates") ?? 0 }
    }

    private static func joinedLinks(_ links: [String]) -> String { links.sorted().joined(separator: "\n") }

    /// The hits a lookup selected (arrival number, then the shared count if the lookup has one), with the entry
    /// of each that `known` does not accept, read by arrival number. A hit whose candidate row is missing is
    /// left out, as a join would leave it.
    private static func hits(sql: String, arguments: StatementArguments, known: (Int64) -> Bool,
                             _ db: Database) throws -> [CandidateHit] {
        var found: [(sequence: Int64, shared: Int)] = []
        try db.forEachRow(cachedSQL: sql, arguments: arguments) { row in
            found.append((Int64(row.int(0)), sqlite3_column_count(row.handle) > 1 ? row.int(1) : 0))
        }
        return try hits(found, known: known, db)
    }

    /// The hits of `found`, in its order, with the entry of each that `known` does not accept.
    private static func hits(_ found: [(sequence: Int64, shared: Int)], known: (Int64) -> Bool,
                             _ db: Database) throws -> [CandidateHit] {
        var result: [CandidateHit] = []
        result.reserveCapacity(found.count)
        let entryLookup = try BoundStatement(db, cachedSQL: """
            SELECT seq, document_id, language, kind, day, signature, own_links, outgoing_links
            FROM pairing_candidates WHERE seq = ?
            """)
        for (sequence, shared) in found {
            if known(sequence) {
                result.append(CandidateHit(sequence: sequence, sharedTokens: shared, entry: nil))
                continue
            }
            // Columns by position: GRDB lower-cases a column name at every access by name.
            var read = entryLookup
            read.bind(Int(sequence))
            try read.forEachRow { row in
                let entry = CandidateEntry(
                    sequence: Int64(row.int(0)), document: DocumentID(rawValue: row.text(1)),
                    language: LanguageTag(rawValue: row.text(2)), kind: DocumentKind(rawValue: row.text(3)) ?? .article,
                    day: row.isNull(4) ? nil : row.int(4), signature: row.text(5), tokens: [],
                    ownLinks: row.text(6).split(separator: "\n").map(String.init),
                    outgoingLinks: row.text(7).split(separator: "\n").map(String.init))
                result.append(CandidateHit(sequence: sequence, sharedTokens: shared, entry: entry))
            }
        }
        return result
    }

    /// A `pairing_tokens` row, ordered as its primary key orders (text by its UTF-8 bytes, as SQLite's BINARY
    /// collation compares).
    private struct TokenRow: Comparable {
        var token: String
        var language: String
        var day: Int
        var seq: Int64

        static func < (a: TokenRow, b: TokenRow) -> Bool {
            let token = compareBytes(a.token, b.token)
            if token != 0 { return token < 0 }
            let language = compareBytes(a.language, b.language)
            if language != 0 { return language < 0 }
            if a.day != b.day { return a.day < b.day }
            return a.seq < b.seq
        }
    }

    /// A `pairing_links` row, ordered as its primary key orders.
    private struct LinkRow: Comparable {
        var link: String
        var seq: Int64

        static func < (a: LinkRow, b: LinkRow) -> Bool {
            let link = compareBytes(a.link, b.link)
            return link != 0 ? link < 0 : a.seq < b.seq
        }
    }

    /// The order of two texts' UTF-8 bytes (SQLite's BINARY collation): negative, zero or positive. By `memcmp`:
    /// the generic `lexicographicallyPrecedes` of the views made sorting a batch's tokens cost a third as much as
    /// inserting them (callgrind, session 27).
    static func compareBytes(_ a: String, _ b: String) -> Int {
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
                return order != 0 ? order : x.count - y.count
            }
        }
        if let compared, let compared { return compared }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
