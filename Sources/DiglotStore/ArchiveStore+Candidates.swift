import Foundation
import GRDB
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
            for entry in entries {
                let seq = entry.sequence
                try db.cachedStatement(sql: """
                    INSERT INTO pairing_candidates(seq, document_id, language, kind, day, signature, own_links, outgoing_links)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING
                    """).execute(arguments: [
                        seq, entry.document.rawValue, entry.language.rawValue, entry.kind.rawValue, entry.day,
                        entry.signature, Self.joinedLinks(entry.ownLinks), Self.joinedLinks(entry.outgoingLinks),
                    ])
                guard db.changesCount > 0 else { continue }
                if let day = entry.day {
                    let insertToken = try db.cachedStatement(sql: """
                        INSERT OR IGNORE INTO pairing_tokens(token, language, day, seq) VALUES (?, ?, ?, ?)
                        """)
                    for token in entry.tokens {
                        try insertToken.execute(arguments: [token, entry.language.rawValue, day, seq])
                    }
                }
                let insertLink = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pairing_links(link, seq) VALUES (?, ?)")
                for link in Set(entry.ownLinks + entry.outgoingLinks) {
                    try insertLink.execute(arguments: [link, seq])
                }
            }
        }
    }

    /// Documents in `language` published on a day in `days` that share at least one of `tokens`, each with how
    /// many it shares, most first (then arrival order), at most `limit`. A token carried by more than
    /// `stopTokenLength` documents of one day is no evidence for that day and is not counted.
    public func candidates(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int,
                           stopTokenLength: Int) throws -> [StoredCandidate] {
        guard !tokens.isEmpty, limit > 0 else { return [] }
        return try reading { db in
            // Each hit carries how many documents share its token that day (a window over the primary key's
            // order, read once); until session 26 the hits were materialised, grouped into usable tokens and
            // joined back, which cost 1.3-2.4 times as much for the same rows (docs/performance.md).
            try Row.fetchAll(db.cachedStatement(sql: """
                WITH hits AS (
                    SELECT seq, COUNT(*) OVER (PARTITION BY token, day) AS sharing FROM pairing_tokens
                    WHERE token IN (SELECT value FROM json_each(?1)) AND language = ?2 AND day BETWEEN ?3 AND ?4
                ),
                counted AS (
                    SELECT seq, COUNT(*) AS shared FROM hits WHERE sharing <= ?5
                    GROUP BY seq ORDER BY shared DESC, seq LIMIT ?6
                )
                SELECT c.*, counted.shared FROM counted JOIN pairing_candidates c ON c.seq = counted.seq
                ORDER BY counted.shared DESC, c.seq
                """), arguments: [StoreJSON.encodeStrings(tokens), language.rawValue, days.lowerBound, days.upperBound,
                                  stopTokenLength, limit]).map { Self.candidate(from: $0, shared: $0["shared"]) }
        }
    }

    /// Every document in `language` published on a day in `days`, by day then arrival, at most `limit`.
    public func candidates(language: LanguageTag, days: ClosedRange<Int>, limit: Int) throws -> [StoredCandidate] {
        guard limit > 0 else { return [] }
        return try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM pairing_candidates WHERE language = ? AND day BETWEEN ? AND ? ORDER BY day, seq LIMIT ?
                """), arguments: [language.rawValue, days.lowerBound, days.upperBound, limit])
                .map { Self.candidate(from: $0, shared: 0) }
        }
    }

    /// Documents whose own or outgoing link keys include one of `links`, in arrival order.
    public func candidates(linkedBy links: Set<String>) throws -> [StoredCandidate] {
        guard !links.isEmpty else { return [] }
        return try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM pairing_candidates WHERE seq IN (
                    SELECT seq FROM pairing_links WHERE link IN (SELECT value FROM json_each(?)))
                ORDER BY seq
                """), arguments: [StoreJSON.encodeStrings(links.sorted())]).map { Self.candidate(from: $0, shared: 0) }
        }
    }

    /// How many documents the candidate index holds.
    public func candidateCount() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing_candidates") ?? 0 }
    }

    private static func joinedLinks(_ links: [String]) -> String { links.sorted().joined(separator: "\n") }

    private static func candidate(from row: Row, shared: Int) -> StoredCandidate {
        let own: String = row["own_links"], outgoing: String = row["outgoing_links"]
        let entry = CandidateEntry(
            sequence: row["seq"], document: DocumentID(rawValue: row["document_id"]),
            language: LanguageTag(rawValue: row["language"]), kind: DocumentKind(rawValue: row["kind"]) ?? .article,
            day: row["day"], signature: row["signature"], tokens: [],
            ownLinks: own.split(separator: "\n").map(String.init),
            outgoingLinks: outgoing.split(separator: "\n").map(String.init))
        return StoredCandidate(entry: entry, sharedTokens: shared)
    }
}
