import DiglotModel

/// A pair the engine proposes: the two documents, its confidence and evidence, and (when asked) the sentence
/// alignment and fidelity report.
public struct ScoredPair: Sendable, Hashable {
    public var original: DocumentID
    public var rendering: DocumentID
    public var originalLanguage: LanguageTag
    public var renderingLanguage: LanguageTag
    /// In 0...1, from `ConfidenceModel`.
    public var confidence: Double
    /// The strongest signal: `explicit-link`, `numbers`, `names` or `glossary`.
    public var method: PairMethod
    public var features: PairFeatures
    public var alignment: [AlignedUnit]
    public var fidelity: FidelityReport

    public var pairID: PairID { PairID(original: .document(original), rendering: .document(rendering)) }

    /// The archive record for this pair, made by the engine.
    public var pair: Pair {
        Pair(original: .document(original), rendering: .document(rendering), method: method, confidence: confidence,
             fidelity: fidelity, origin: .engine)
    }
}
