import Foundation
import Testing
import DiglotKit
import DiglotModel
import DiglotTestSupport
@testable import DiglotStore

/// `diglot pairs --json` writes its lines by hand (`PairListing.appendJSONLine`); they must be the bytes
/// `JSONEncoder` makes of the listing's `Encodable` form.
@Suite struct PairListingJSONTests {
    static let pieces = ["tank", "Київ", "/", "👍", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", " ",
                         "é", "<b>", "&", "ʼ", ""]

    static func listing(_ generator: inout SeededGenerator) -> PairListing {
        func text() -> String { (0..<generator.below(6)).map { _ in pieces[generator.below(pieces.count)] }.joined() }
        let statuses: [FidelityReport.Status] = [.ok, .warning, .mismatch, .unchecked]
        let issues = (0..<generator.below(3)).map { _ in
            FidelityIssue(kind: text(), severity: statuses[generator.below(4)], message: text(),
                          subject: generator.below(2) == 0 ? nil : text())
        }
        let confidences = [0, 1, 0.5, 0.925, 0.1 + 0.2, 1e-05, Double(generator.next() % 1_000) / 999]
        let pair = Pair(original: .document(DocumentID(rawValue: "d\(generator.below(1_000))")),
                        rendering: .document(DocumentID(rawValue: "d\(generator.below(1_000))")),
                        method: PairMethod(rawValue: text()), confidence: confidences[generator.below(confidences.count)],
                        fidelity: FidelityReport(status: statuses[generator.below(4)], issues: issues),
                        origin: [PairOrigin.importer, .engine, .manual][generator.below(3)])
        return PairListing(PairRow(pair: pair, originalDocument: DocumentID(rawValue: text()), originalLanguage: .ukrainian,
                                   originalText: text(), renderingDocument: DocumentID(rawValue: text()),
                                   renderingLanguage: .english, renderingText: text()))
    }

    @Test func linesMatchJSONEncoderOnSeededListings() throws {
        var generator = SeededGenerator(seed: 4_12_2026)
        let encoder = ArchiveJSON.encoder()
        for _ in 0..<3_000 {
            let listing = Self.listing(&generator)
            var line: [UInt8] = []
            #expect(listing.appendJSONLine(to: &line))
            #expect(String(decoding: line, as: UTF8.self) == String(decoding: try encoder.encode(listing), as: UTF8.self))
        }
    }

    /// Through the writer: hand-written lines and a listing JSON cannot hold (a NaN confidence), which goes to
    /// the encoder and fails there, leaving the lines before it whole.
    @Test func theWriterLeavesNoHalfLine() throws {
        var generator = SeededGenerator(seed: 5)
        let first = Self.listing(&generator)
        var broken = Self.listing(&generator)
        broken.confidence = .nan
        let pipe = Pipe()
        let writer = JSONLinesWriter(handle: pipe.fileHandleForWriting)
        try writer.write(first)
        #expect(throws: (any Error).self) { try writer.write(broken) }
        try writer.flush()
        try pipe.fileHandleForWriting.close()
        let written = pipe.fileHandleForReading.readDataToEndOfFile()
        #expect(written == (try ArchiveJSON.encoder().encode(first)) + Data([0x0A]))
        #expect(writer.count == 1)
    }
}
