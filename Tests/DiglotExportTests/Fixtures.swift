import Foundation
import DiglotExport
import DiglotModel

/// Pairs built by hand for the export tests: an aligned uk→en bulletin pair (with a `1-0` unit), a ru→en wire
/// report exported whole, a passage-level pair, and a pair whose texts hold every escaping hazard.
enum Fixtures {
    static let torture = "a < b && c > d; \"quoted\" 'single' ]]> end\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE} "
        + "emoji 🇺🇦👍🏽 RTL \u{200F}שלום\u{200E} tab\there\r\nCRLF\nLF\u{2028}LS"

    /// `torture` as XML can carry it: the characters XML 1.0 forbids removed.
    static let tortureInXML = String(String.UnicodeScalarView(torture.unicodeScalars.filter { scalar in
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }))

    static func side(_ key: String, _ language: LanguageTag, _ text: String, kind: DocumentKind = .staffBulletin,
                     url: String? = nil, published: PublishedDate? = nil, passage: Int? = nil) -> ExportSide {
        let document = DocumentID(naturalKey: key)
        return ExportSide(documentID: document, passageID: passage.map { PassageID(document: document, index: $0) },
                          language: language, text: text, kind: kind, title: "Title of \(key)", canonicalURL: url,
                          published: published)
    }

    static var bulletin: ExportPair {
        let original = side("bulletin:uk:2022-07-08", .ukrainian, "Загальні бойові втрати противника. Танків ‒ 1637 (+35).",
                            url: "https://example.org/uk/2022-07-08", published: PublishedDate(year: 2022, month: 7, day: 8))
        let rendering = side("bulletin:en:2022-07-08", .english, "Total combat losses of the enemy. Tanks ‒ 1637 (+35).",
                             url: "https://example.org/en/2022-07-08", published: PublishedDate(year: 2022, month: 7, day: 8))
        let pair = Pair(original: .document(original.documentID), rendering: .document(rendering.documentID),
                        method: .sameBulletin, confidence: 0.97, fidelity: .ok)
        let units = [
            AlignedUnit(pairID: pair.id, index: 2, originalText: "Слава Україні!", renderingText: "", pattern: "1-0"),
            AlignedUnit(pairID: pair.id, index: 0, originalText: "Загальні бойові втрати противника.",
                        renderingText: "Total combat losses of the enemy.", pattern: "1-1"),
            AlignedUnit(pairID: pair.id, index: 1, originalText: "Танків ‒ 1637 (+35).",
                        renderingText: "Tanks ‒ 1637 (+35).", pattern: "1-1"),
        ]
        return ExportPair(pair: pair, original: original, rendering: rendering, units: units)
    }

    static var wire: ExportPair {
        let original = side("wire:ru:1", .russian, "Москва, 12 апреля.\nПервый абзац.", kind: .wireReport,
                            published: PublishedDate(iso: "2022-04-12T06:00:00Z"))
        let rendering = side("wire:en:1", .english, "Moscow, April 12.\nFirst paragraph.", kind: .wireReport)
        let pair = Pair(original: .document(original.documentID), rendering: .document(rendering.documentID),
                        method: .numbers, confidence: 0.61, fidelity: FidelityReport(status: .warning), origin: .engine)
        return ExportPair(pair: pair, original: original, rendering: rendering)
    }

    static var quote: ExportPair {
        let original = side("tweet:1", .ukrainian, "Ми вистоїмо.", kind: .tweet, passage: 0)
        let rendering = side("article:1", .english, "We will hold.", kind: .article, passage: 3)
        let pair = Pair(original: .passage(original.passageID!), rendering: .passage(rendering.passageID!),
                        method: .embeddedQuote, confidence: 1, fidelity: .ok, origin: .manual)
        return ExportPair(pair: pair, original: original, rendering: rendering)
    }

    static var hazards: ExportPair {
        let original = side("hazard:uk", .ukrainian, torture, kind: .article,
                            url: "https://example.org/?a=1&b=\"2\"<x>", published: PublishedDate(iso: "2023-01-02T03:04Z"))
        let rendering = side("hazard:en", .english, "target " + torture, kind: .article)
        let pair = Pair(original: .document(original.documentID), rendering: .document(rendering.documentID),
                        method: .manual, confidence: 0.5, fidelity: FidelityReport(status: .mismatch), origin: .manual)
        return ExportPair(pair: pair, original: original, rendering: rendering)
    }

    static var all: [ExportPair] { [bulletin, wire, quote, hazards] }

    static let date = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z

    /// Runs an export into memory and returns the text and the summary.
    static func export(_ items: [ExportPair], _ format: some ExportFormat) throws -> (String, ExportSummary) {
        let sink = MemorySink()
        let summary = try Exporter.export(items, format: format, to: ExportDestination { _ in sink })
        return (sink.text, summary)
    }

    /// How many units the formats must write.
    static func unitCount(_ items: [ExportPair]) -> Int { items.reduce(0) { $0 + $1.translationUnits.count } }
}
