import DiglotStore

/// `diglot stats --json`: counts over the whole archive.
public struct ArchiveStats: Encodable, Sendable, Equatable {
    public var documents: Int
    public var sources: Int
    public var passages: Int
    public var pairs: Int
    public var figures: Int
    /// Documents per detected language.
    public var languages: [String: Int]
    /// Documents per kind.
    public var kinds: [String: Int]

    init(_ statistics: ArchiveStatistics) {
        documents = statistics.documents
        sources = statistics.sources
        passages = statistics.passages
        pairs = statistics.pairs
        figures = statistics.figures
        languages = statistics.languages
        kinds = statistics.kinds
    }
}
