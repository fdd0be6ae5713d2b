import Foundation
import Testing
@testable import DiglotExport
import DiglotModel
import DiglotTestSupport

/// The JSON Lines writer builds its lines by hand (`JSONText`); these tests hold every line to what the archive's
/// `JSONEncoder` (sorted keys, slashes not escaped) makes of the same pair through `EncoderLine`, the `Encodable`
/// form the writer had before.
@Suite struct JSONTextTests {
    /// Characters each escaping rule touches, their neighbours, and ordinary text in three scripts.
    static let alphabet: [Unicode.Scalar] = [
        "\"", "\\", "/", "\u{8}", "\u{C}", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{B}", "\u{E}", "\u{F}", "\u{10}",
        "\u{1A}", "\u{1F}", " ", "!", "#", "a", "Z", "_", "0", "9", "ї", "ґ", "ы", "ʼ", "’", "\u{301}", "\u{7F}",
        "\u{80}", "\u{AD}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "\u{1F1FA}", "\u{10FFFF}",
    ]

    static func text(_ generator: inout SeededGenerator, upTo length: Int = 30) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<generator.below(length + 1) { scalars.append(alphabet[generator.below(alphabet.count)]) }
        return String(scalars)
    }

    /// Confidences with each form `Double.description` takes: whole, short, long, tiny (exponent), subnormal.
    static let confidences: [Double] = [0, 1, 0.5, 0.925, 0.1 + 0.2, 1e-05, 1e-7, 0.000_123, Double.leastNonzeroMagnitude, 0.999_999_999_999_9]

    static func pair(_ generator: inout SeededGenerator) -> ExportPair {
        func side(_ language: LanguageTag, _ generator: inout SeededGenerator) -> ExportSide {
            var metadata: [String: String] = [:]
            // Keys that differ in case, in a prefix, after ASCII and beyond it: the order is the UTF-8 bytes'.
            let keys = ["date", "Date", "date_2", "dat", "url", "ґ", "я", "a", "A", "_", "z", "\u{1F1FA}", "é", "e\u{301}"]
            for _ in 0..<generator.below(6) { metadata[keys[generator.below(keys.count)]] = text(&generator, upTo: 8) }
            let document = DocumentID(rawValue: "d\(generator.next() % 1_000_000)")
            return ExportSide(
                documentID: document,
                passageID: generator.below(2) == 0 ? nil : PassageID(document: document, index: generator.below(9)),
                language: language, text: text(&generator, upTo: 60),
                kind: DocumentKind.allCases[generator.below(DocumentKind.allCases.count)],
                title: generator.below(3) == 0 ? nil : text(&generator),
                canonicalURL: generator.below(2) == 0 ? nil : "https://example.org/a/b?c=\(generator.below(99))",
                published: generator.below(3) == 0 ? nil : PublishedDate(
                    instant: Date(timeIntervalSince1970: Double(generator.below(2_000_000_000))),
                    precision: PublishedDate.Precision.allCases[generator.below(PublishedDate.Precision.allCases.count)]),
                metadata: metadata)
        }
        let original = side(.ukrainian, &generator), rendering = side(.english, &generator)
        let statuses: [FidelityReport.Status] = [.ok, .warning, .mismatch, .unchecked]
        let issues = (0..<generator.below(3)).map { _ in
            FidelityIssue(kind: text(&generator, upTo: 6), severity: statuses[generator.below(3) + 1],
                          message: text(&generator), subject: generator.below(2) == 0 ? nil : text(&generator, upTo: 6))
        }
        let origins: [PairOrigin] = [.importer, .engine, .manual]
        let pair = Pair(original: .document(original.documentID), rendering: .document(rendering.documentID),
                        method: PairMethod(rawValue: text(&generator, upTo: 10)),
                        confidence: generator.below(4) == 0 ? Double(generator.next() % 1_000_001) / 1_000_000
                                                           : confidences[generator.below(confidences.count)],
                        fidelity: FidelityReport(status: statuses[generator.below(statuses.count)], issues: issues),
                        origin: origins[generator.below(origins.count)])
        // Units in any order, indexes repeated now and then: both writers sort them by index.
        let units = (0..<generator.below(5)).map { _ in
            AlignedUnit(pairID: pair.id, index: generator.below(6), originalText: text(&generator),
                        renderingText: text(&generator), pattern: ["1-1", "1-2", "2-1", "1-0", "0-1"][generator.below(5)])
        }
        return ExportPair(pair: pair, original: original, rendering: rendering, units: units)
    }

    @Test func linesMatchJSONEncoderOnSeededPairs() throws {
        var generator = SeededGenerator(seed: 20261204)
        let encoder = ArchiveJSON.encoder()
        for _ in 0..<3_000 {
            let item = Self.pair(&generator)
            var line: [UInt8] = []
            JSONLinesWriter.append(item, to: &line)
            let expected = try encoder.encode(EncoderLine(item))
            #expect(String(decoding: line, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func stringsMatchJSONEncoderForEveryEscapedByte() throws {
        let encoder = ArchiveJSON.encoder()
        for value in 0..<0x80 {
            let text = "a" + String(Unicode.Scalar(UInt8(value))) + "b"
            var bytes: [UInt8] = []
            JSONText.appendString(text, to: &bytes)
            #expect(bytes == [UInt8](try encoder.encode(text)), "U+\(String(value, radix: 16))")
        }
    }

    @Test func objectKeysFollowTheEncodersOrder() throws {
        let object = ["b": "1", "B": "2", "a_b": "3", "a": "4", "ab": "5", "ї": "6", "я": "7", "\u{1F1FA}": "8", "": "9"]
        var bytes: [UInt8] = []
        JSONText.appendObject(object, to: &bytes)
        #expect(bytes == [UInt8](try ArchiveJSON.encoder().encode(object)))
    }

    @Test func aPairWithoutAJSONNumberIsRefusedWithoutAHalfLine() throws {
        var generator = SeededGenerator(seed: 7)
        var broken = Self.pair(&generator)
        broken.pair.confidence = .nan
        let sink = MemorySink()
        let writer = try JSONLinesFormat().makeWriter(to: ExportDestination { _ in sink })
        try writer.write(Fixtures.quote)
        #expect(throws: ExportError.self) { try writer.write(broken) }
        try writer.write(Fixtures.wire)
        _ = try writer.finish()
        let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        for line in lines.dropLast() {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }
}

/// The line as `JSONEncoder` writes it: the writer's `Encodable` form before `JSONText`, kept as the oracle.
private struct EncoderLine: Encodable {
    var pair: PairID
    var method: PairMethod
    var confidence: Double
    var origin: PairOrigin
    var fidelity: FidelityReport
    var original: Side
    var rendering: Side
    var units: [Unit]

    init(_ item: ExportPair) {
        pair = item.pair.id
        method = item.pair.method
        confidence = item.pair.confidence
        origin = item.pair.origin
        fidelity = item.pair.fidelity
        original = Side(item.original)
        rendering = Side(item.rendering)
        units = item.units.sorted { $0.index < $1.index }.map(Unit.init)
    }

    struct Side: Encodable {
        var document: DocumentID
        var passage: PassageID?
        var language: LanguageTag
        var kind: DocumentKind
        var title: String?
        var url: String?
        var published: PublishedDate?
        var text: String
        var metadata: [String: String]

        init(_ side: ExportSide) {
            document = side.documentID
            passage = side.passageID
            language = side.language
            kind = side.kind
            title = side.title
            url = side.canonicalURL
            published = side.published
            text = side.text
            metadata = side.metadata
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(document, forKey: .document)
            try c.encode(passage, forKey: .passage)
            try c.encode(language, forKey: .language)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(url, forKey: .url)
            try c.encode(published, forKey: .published)
            try c.encode(text, forKey: .text)
            try c.encode(metadata, forKey: .metadata)
        }

        private enum CodingKeys: String, CodingKey {
            case document, passage, language, kind, title, url, published, text, metadata
        }
    }

    struct Unit: Encodable {
        var index: Int
        var pattern: String
        var original: String
        var rendering: String

        init(_ unit: AlignedUnit) {
            index = unit.index
            pattern = unit.pattern
            original = unit.originalText
            rendering = unit.renderingText
        }
    }
}
