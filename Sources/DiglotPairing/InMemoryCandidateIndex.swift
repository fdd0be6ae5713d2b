import DiglotModel

/// A `CandidateIndex` held in memory: posting lists per (language, day, token).
///
/// Used by tests and the benchmark; the store answers the same questions with SQL indexes.
///
/// ```swift
/// let index = InMemoryCandidateIndex(candidates)
/// let found = PairingEngine().findPairs(new: arrivals, pool: index)
/// ```
public struct InMemoryCandidateIndex: CandidateIndex {
    private struct DayKey: Hashable { var language: LanguageTag; var day: Int }
    private struct TokenKey: Hashable { var language: LanguageTag; var day: Int; var token: String }

    private let documents: [PairingCandidate]
    private let byDay: [DayKey: [Int32]]
    private let byToken: [TokenKey: [Int32]]
    private let byLink: [String: [Int32]]

    /// A posting list longer than this is a stop-token for its day (a number every bulletin of the day carries
    /// is no evidence) and is not read.
    public var stopTokenLength = 512

    public init(_ candidates: [PairingCandidate]) {
        var byDay: [DayKey: [Int32]] = [:]
        var byToken: [TokenKey: [Int32]] = [:]
        var byLink: [String: [Int32]] = [:]
        for (i, candidate) in candidates.enumerated() {
            let position = Int32(i)
            for link in candidate.ownLinks.union(candidate.outgoingLinks) {
                byLink[link, default: []].append(position)
            }
            guard let day = candidate.day else { continue }
            byDay[DayKey(language: candidate.language, day: day), default: []].append(position)
            for token in candidate.signature.blockingTokens {
                byToken[TokenKey(language: candidate.language, day: day, token: token), default: []].append(position)
            }
        }
        self.documents = candidates
        self.byDay = byDay
        self.byToken = byToken
        self.byLink = byLink
    }

    public var count: Int { documents.count }

    public func candidates(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int)
        -> [(candidate: PairingCandidate, sharedTokens: Int)] {
        var counts: [Int32: Int] = [:]
        for day in days {
            for token in tokens {
                guard let postings = byToken[TokenKey(language: language, day: day, token: token)],
                      postings.count <= stopTokenLength else { continue }
                for position in postings { counts[position, default: 0] += 1 }
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { (documents[Int($0.key)], $0.value) }
    }

    public func candidates(language: LanguageTag, days: ClosedRange<Int>, limit: Int) -> [PairingCandidate] {
        var result: [PairingCandidate] = []
        for day in days {
            for position in byDay[DayKey(language: language, day: day)] ?? [] {
                guard result.count < limit else { return result }
                result.append(documents[Int(position)])
            }
        }
        return result
    }

    public func candidates(linkedBy links: Set<String>) -> [PairingCandidate] {
        var seen = Set<Int32>()
        var result: [PairingCandidate] = []
        for link in links {
            for position in byLink[link] ?? [] where seen.insert(position).inserted { result.append(documents[Int(position)]) }
        }
        return result
    }
}
