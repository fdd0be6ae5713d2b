import DiglotModel

/// Which pairs an export includes: `--from/--to`, `--kind`, `--method`, `--min-confidence`, `--fidelity ok`,
/// `--source-lang`, `--target-lang`.
///
/// The store turns a filter into its query; `matches(_:)` states the same rules over one item, so they can be
/// tested here and applied to items from anywhere.
///
/// ```swift
/// let filter = ExportFilter(sourceLanguage: .ukrainian, minimumConfidence: 0.8)
/// filter.matches(item)
/// ```
public struct ExportFilter: Hashable, Sendable {
    /// First day included (`YYYY-MM-DD`), compared with the original's publication day.
    public var from: String?
    /// Last day included (`YYYY-MM-DD`).
    public var to: String?
    /// The original's kind.
    public var kind: DocumentKind?
    public var method: PairMethod?
    public var minimumConfidence: Double?
    /// Only pairs whose fidelity check found nothing wrong.
    public var fidelityOK: Bool
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?

    public init(from: String? = nil, to: String? = nil, kind: DocumentKind? = nil, method: PairMethod? = nil,
                minimumConfidence: Double? = nil, fidelityOK: Bool = false, sourceLanguage: LanguageTag? = nil,
                targetLanguage: LanguageTag? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.method = method
        self.minimumConfidence = minimumConfidence
        self.fidelityOK = fidelityOK
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// Whether the pair passes every condition set. A date condition excludes pairs whose original has no
    /// publication date: nothing says they fall inside the range.
    public func matches(_ item: ExportPair) -> Bool {
        if from != nil || to != nil {
            guard let day = item.original.published?.day else { return false }
            if let from, day < from { return false }
            if let to, day > to { return false }
        }
        if let kind, item.original.kind != kind { return false }
        if let method, item.pair.method != method { return false }
        if let minimumConfidence, item.pair.confidence < minimumConfidence { return false }
        if fidelityOK, item.pair.fidelity.status != .ok { return false }
        if let sourceLanguage, item.original.language != sourceLanguage { return false }
        if let targetLanguage, item.rendering.language != targetLanguage { return false }
        return true
    }
}
