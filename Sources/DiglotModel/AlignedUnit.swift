/// A sentence- or passage-level translation unit inside a document pair, as the aligner found it.
///
/// Exports carry these instead of whole documents when a pair is aligned. A `1-0` or `0-1` unit (one side
/// empty) records text the rendering left out or added; exporters skip it but fidelity checks read it.
public struct AlignedUnit: Hashable, Codable, Sendable {
    public var pairID: PairID
    /// Order within the pair, from 0.
    public var index: Int
    public var originalText: String
    public var renderingText: String
    /// `1-1`, `1-2`, `2-1`, `1-0`, `0-1`.
    public var pattern: String

    public init(pairID: PairID, index: Int, originalText: String, renderingText: String, pattern: String) {
        self.pairID = pairID
        self.index = index
        self.originalText = originalText
        self.renderingText = renderingText
        self.pattern = pattern
    }

    private enum CodingKeys: String, CodingKey {
        case pairID = "pair", index, originalText = "original", renderingText = "rendering", pattern
    }
}
