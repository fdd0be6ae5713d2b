/// A BCP 47 primary language subtag as Diglot stores it: plain `uk`, `ru`, `en`, or `und`.
///
/// Region subtags are dropped on purpose: CAT tools reject `uk-UA` in places where they accept `uk`,
/// and the archive never needs the region. Unknown languages are kept as their lowercase primary subtag.
///
/// ```swift
/// LanguageTag(bcp47: "uk-UA") == .ukrainian   // true
/// ```
public struct LanguageTag: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Parses any BCP 47 tag (`uk-UA`, `EN_us`, `ru`), keeping only the primary subtag.
    /// Empty, `zxx` (no linguistic content) and `mul` normalise to `und`.
    public init(bcp47 tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "", "zxx", "mul", "qme", "qht", "qst", "art": self = .undetermined
        case "ua": self = .ukrainian  // a frequent mistake in real metadata: "ua" is the country, not the language
        default:
            let letters = primary.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
            self.rawValue = letters && (2...3).contains(primary.count) ? primary : "und"
        }
    }

    public static let ukrainian = LanguageTag(rawValue: "uk")
    public static let russian = LanguageTag(rawValue: "ru")
    public static let english = LanguageTag(rawValue: "en")
    public static let undetermined = LanguageTag(rawValue: "und")

    /// Ukrainian and Russian: the languages Diglot treats as originals when the direction is unknown.
    public var isEastSlavic: Bool { self == .ukrainian || self == .russian }

    public var description: String { rawValue }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        self.init(bcp47: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
