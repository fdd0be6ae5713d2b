/// Limits and settings every importer honours. Defaults are documented in the README ("Limits").
public struct ImporterConfiguration: Sendable, Equatable {
    /// Inputs larger than this are refused before any parsing (bytes).
    public var maximumInputBytes: Int
    /// Deeper element nesting is refused (HTML and XML).
    public var maximumNestingDepth: Int
    /// The total text entity expansion may produce (bytes); guards against billion-laughs files.
    public var maximumEntityExpansion: Int

    public init(maximumInputBytes: Int = 64 << 20, maximumNestingDepth: Int = 256,
                maximumEntityExpansion: Int = 1 << 20) {
        self.maximumInputBytes = maximumInputBytes
        self.maximumNestingDepth = maximumNestingDepth
        self.maximumEntityExpansion = maximumEntityExpansion
    }

    public static let `default` = ImporterConfiguration()
}
