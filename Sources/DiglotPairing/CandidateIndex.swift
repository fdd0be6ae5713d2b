import DiglotModel

/// Where the pairing engine looks for partners: documents by language and publication day.
///
/// The store implements it over its tables (a day/language index and a token table of
/// `CandidateSignature.blockingTokens`); `InMemoryCandidateIndex` is the reference implementation.
public protocol CandidateIndex: Sendable {
    /// Documents in `language` published on a day in `days` (days since 1970-01-01, UTC) that share at least one
    /// of `tokens`, each with the number of tokens it shares, most shared first, at most `limit`.
    func candidates(language: LanguageTag, days: ClosedRange<Int>, sharing tokens: [String], limit: Int)
        -> [(candidate: PairingCandidate, sharedTokens: Int)]

    /// Every document in `language` published on a day in `days`, at most `limit`: the fallback for a
    /// document with no blocking tokens (a short statement without numbers or names).
    func candidates(language: LanguageTag, days: ClosedRange<Int>, limit: Int) -> [PairingCandidate]

    /// Documents whose own or outgoing link keys (`PairingCandidate.ownLinks`, `.outgoingLinks`) include one
    /// of `links`, in any language and at any date.
    func candidates(linkedBy links: Set<String>) -> [PairingCandidate]
}
