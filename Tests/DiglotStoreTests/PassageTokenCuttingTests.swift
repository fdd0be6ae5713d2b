import Foundation
import Testing
import DiglotAnalysis
import DiglotImporters
import DiglotImporting
import DiglotModel
import DiglotTestSupport
@testable import DiglotStore

/// A passage's tokens cut from its document's (`PassageTokenCutting`) are exactly what analysing the passage
/// gives, and where a cut could differ the passage is analysed on its own.
@Suite struct PassageTokenCuttingTests {
    /// The analyzer an archive indexes with (Hunspell loaded once for the suite).
    static let morphological: any TextAnalyzer = try! SearchAnalysis.morphological().makeAnalyzer(ArchiveVocabulary())

    /// A document of `text` and passages at the given scalar ranges, each with the text at its range unless
    /// `texts` gives another.
    static func batch(_ text: String, _ ranges: [(start: Int, end: Int)], texts: [Int: String] = [:]) -> ImportBatch {
        let document = Fixture.document("cut-\(text.hashValue)", .ukrainian, text)
        let scalars = Array(text.unicodeScalars)
        let passages = ranges.enumerated().map { index, range in
            let lower = min(max(0, range.start), scalars.count), upper = min(max(lower, range.end), scalars.count)
            let slice = String(String.UnicodeScalarView(scalars[lower..<upper]))
            return Passage(documentID: document.id, index: index, role: .paragraph, start: range.start,
                           end: range.end, language: .ukrainian, text: texts[index] ?? slice)
        }
        return ImportBatch(documents: [document], passages: passages)
    }

    /// Every passage's prepared tokens against its own analysis; returns how many were cut.
    @discardableResult
    static func expectEveryPassageAnalysedAlike(_ batch: ImportBatch, _ analyzer: any TextAnalyzer,
                                                sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let prepared = PreparedIndexTokens(batch: batch, analyzer: analyzer)
        for passage in batch.passages where !passage.text.isEmpty {
            var text = passage.text
            let held = text.withUTF8 { prepared.tokens(forUTF8: UnsafeRawBufferPointer($0)) }
            #expect(held == analyzer.indexTokens(passage.text), "passage \(passage.index): \(passage.text.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        return prepared.cutPassages
    }

    @Test(arguments: [true, false])
    func aCleanCutTakesTheDocumentsTokens(morphological: Bool) {
        let analyzer: any TextAnalyzer = morphological ? Self.morphological : BasicAnalyzer()
        let text = "Знищено 40 танків.\n\nХарків і Київ під обстрілом; Reuters' sources said so.\n\nІрпінь — 1 020 010"
        let paragraphs = text.components(separatedBy: "\n\n")
        var ranges: [Range<Int>] = []
        var start = 0
        for paragraph in paragraphs {
            let length = paragraph.unicodeScalars.count
            ranges.append(start..<(start + length))
            start += length + 2
        }
        // A sentence inside the second paragraph: its ends are spaces, not line breaks.
        let sentence = "Київ під обстрілом;"
        let sentenceStart = paragraphs[1].unicodeScalars.distance(
            from: paragraphs[1].unicodeScalars.startIndex, to: paragraphs[1].range(of: sentence)!.lowerBound)
        ranges.append((ranges[1].lowerBound + sentenceStart)..<(ranges[1].lowerBound + sentenceStart + sentence.unicodeScalars.count))
        let cut = Self.expectEveryPassageAnalysedAlike(Self.batch(text, ranges.map { ($0.lowerBound, $0.upperBound) }), analyzer)
        #expect(cut == ranges.count)
    }

    @Test(arguments: [true, false])
    func aCutThatCouldDifferIsAnalysedOnItsOwn(morphological: Bool) {
        let analyzer: any TextAnalyzer = morphological ? Self.morphological : BasicAnalyzer()
        let cases: [(text: String, start: Int, end: Int, otherText: String?)] = [
            ("Втрати 40 000 осіб", 0, 9, nil),           // ends at a space inside a number: "40000" crosses it
            ("Втрати 1 000 танків", 9, 19, nil),         // starts after one
            ("Харків під обстрілом", 0, 3, nil),          // inside a word
            ("Знищено м'ясокомбінат", 8, 10, nil),       // at an apostrophe
            ("Знищено 40 танків", 8, 17, "40 танків!"),  // not the document's text at its offsets
            ("Знищено 40 танків", 8, 99, nil),            // offsets beyond the text
            ("Знищено 40 танків", 12, 8, nil),            // reversed offsets
            ("Знищено 40 танків", -1, 7, nil),            // a negative offset
        ]
        for (text, start, end, otherText) in cases {
            let batch = Self.batch(text, [(start, end)], texts: otherText.map { [0: $0] } ?? [:])
            let cut = Self.expectEveryPassageAnalysedAlike(batch, analyzer)
            #expect(cut == 0, "\(text.debugDescription) at \(start)..<\(end)")
        }
    }

    /// A number split at its group separator, cut without the crossing check, would lose the passage's "40".
    @Test func theCrossingCheckIsWhatKeepsASplitNumber() {
        let text = "Втрати 40 000 осіб"
        var bytes = Array(text.utf8)
        let tokens = BasicAnalyzer().indexTokens(text)
        let partEnd = Array("Втрати 40".utf8).count
        let cut = bytes.withUnsafeMutableBufferPointer { buffer in
            PassageTokenCutting.tokens(of: "Втрати 40", at: 0..<partEnd, in: UnsafeBufferPointer(buffer), wholeTokens: tokens)
        }
        #expect(cut == nil)
        #expect(BasicAnalyzer().indexTokens("Втрати 40").map(\.term) == ["втрати", "40"])
        #expect(tokens.map(\.term) == ["втрати", "40000", "осіб"])
    }

    /// The analyzers that declare their tokens local: the morphological and the basic one.
    @Test func theArchivesAnalyzersDeclareTheirTokensLocal() {
        #expect(Self.morphological.indexTokensAreLocal)
        #expect(BasicAnalyzer().indexTokensAreLocal)
    }

    /// Every sample, and the shared reference material where it exists, read by its importer: each passage's
    /// prepared tokens equal its own analysis, and most passages are cut.
    @Test func everyImportedPassageCutsToItsOwnAnalysis() throws {
        var folders = [TestPaths.samples]
        if let reference = TestPaths.reference { folders.append(reference) } else {
            print("PassageTokenCuttingTests: ../shared/reference is absent; the samples alone are checked")
        }
        var passages = 0, cut = 0, files = 0
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard let data = try? Data(contentsOf: url), !url.hasDirectoryPath else { continue }
                let input = ImportInput(bytes: data, fileName: url.lastPathComponent)
                guard let match = ImporterCatalog.builtin.bestMatch(for: input),
                      let batch = try? match.importer.read(input, configuration: .default) else { continue }
                files += 1
                passages += batch.passages.count
                cut += Self.expectEveryPassageAnalysedAlike(batch, Self.morphological)
            }
        }
        #expect(files >= 25 && passages >= 300)
        #expect(Double(cut) >= 0.5 * Double(passages), "\(cut) of \(passages) passages cut")
        print("PassageTokenCuttingTests: \(cut) of \(passages) passages in \(files) files cut from their documents")
    }
}

/// Passage offsets count scalars; `ScalarOffsets` finds them in bytes from every 64th scalar's offset.
@Suite struct ScalarOffsetsTests {
    @Test func everyScalarOffsetIsFoundInTextsOfEveryWidth() {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [Unicode.Scalar] = ["a", " ", "\n", "ї", "Ж", "\u{0301}", "—", "€", "😀", "𝕏", "7"]
        for length in [0, 1, 63, 64, 65, 200, 1_000] {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            var text = String(scalars)
            text.withUTF8 { bytes in
                let offsets = PassageTokenCutting.ScalarOffsets(bytes)
                #expect(offsets.scalarCount == length)
                var expected: [Int] = []
                for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { expected.append(index) }
                expected.append(bytes.count)
                for target in 0...length {
                    #expect(offsets.byteOffset(ofScalar: target, in: bytes) == expected[target], "length \(length), scalar \(target)")
                }
                #expect(offsets.byteOffset(ofScalar: -1, in: bytes) == nil)
                #expect(offsets.byteOffset(ofScalar: length + 1, in: bytes) == nil)
            }
        }
    }
}
