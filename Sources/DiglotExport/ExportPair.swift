import DiglotModel

/// One pair as the store hands it to an exporter: the pair, both sides, and its aligned units.
///
/// Exporters take these one at a time and write as they go, so an export of any size runs in constant memory.
///
/// ```swift
/// let item = ExportPair(pair: pair, original: ExportSide(document: uk), rendering: ExportSide(document: en),
///                       units: alignedUnits)
/// item.translationUnits.count   // what TMX, CSV and Moses write for it
/// ```
public struct ExportPair: Hashable, Sendable {
    public var pair: Pair
    public var original: ExportSide
    public var rendering: ExportSide
    /// The aligner's units, in any order; empty when the pair is not aligned.
    public var units: [AlignedUnit]

    public init(pair: Pair, original: ExportSide, rendering: ExportSide, units: [AlignedUnit] = []) {
        self.pair = pair
        self.original = original
        self.rendering = rendering
        self.units = units
    }

    /// The pair id TMX `tuid`s and XLIFF `file` ids derive from: the archive's, or the one a TMX recorded.
    public var exportedID: String {
        original.metadata.isEmpty ? pair.id.rawValue : original.metadata[TMXProvenance.pair] ?? pair.id.rawValue
    }

    /// The method TMX and XLIFF print: the archive's, or for a pair imported from a TMX the method it recorded.
    public var exportedMethod: PairMethod {
        guard !original.metadata.isEmpty else { return pair.method }
        return original.metadata[TMXProvenance.method].map(PairMethod.init(rawValue:)) ?? pair.method
    }

    /// What a unit-per-line format writes for this pair, in order.
    ///
    /// An aligned pair gives its units whose two sides both hold text (`1-0`/`0-1` units record omissions and
    /// additions: there is nothing to translate them to); an unaligned pair gives its two sides whole.
    public var translationUnits: [ExportUnit] {
        guard !units.isEmpty else {
            let level: ExportUnit.Level = original.passageID != nil || rendering.passageID != nil ? .paragraph : .block
            return [ExportUnit(index: nil, original: original.text, rendering: rendering.text, level: level)]
        }
        return units.sorted { $0.index < $1.index }.filter(Self.isTranslatable).map {
            ExportUnit(index: $0.index, original: $0.originalText, rendering: $0.renderingText, level: .sentence)
        }
    }

    /// How many aligned units `translationUnits` leaves out.
    public var skippedUnitCount: Int { units.filter { !Self.isTranslatable($0) }.count }

    private static func isTranslatable(_ unit: AlignedUnit) -> Bool {
        unit.pattern != "1-0" && unit.pattern != "0-1" && !isBlank(unit.originalText) && !isBlank(unit.renderingText)
    }

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

/// One translation unit as unit-per-line formats write it.
public struct ExportUnit: Hashable, Sendable {
    /// What one unit spans; TMX calls it `segtype`.
    public enum Level: String, Sendable {
        case sentence, paragraph, block
    }

    /// The aligned unit's index; nil when the unit is the whole pair.
    public var index: Int?
    public var original: String
    public var rendering: String
    public var level: Level

    public init(index: Int?, original: String, rendering: String, level: Level) {
        self.index = index
        self.original = original
        self.rendering = rendering
        self.level = level
    }
}
