import Foundation
import Testing
import DiglotModel
@testable import WireReportImporter
import DiglotTestSupport

/// `OutletMatcher` against the ICU pattern it replaces, and the sentence split against the property-table
/// walk it replaced: the same outlet (or none) and the same sentences on every line of Samples and
/// ../shared/reference and on seeded sentences built to reach the pattern's corners.
@Suite struct OutletMatcherTests {
    /// The pattern `CitationFinder` ran before `OutletMatcher`.
    static let pattern = try! NSRegularExpression(pattern:
        "\\b(" + CitationFinder.outlets.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        + ")\\b|\\b((?:[A-Z][A-Za-z-]+ ){0,3}[A-Z][A-Za-z-]+) news agency\\b")

    static func patternOutlet(_ sentence: String) -> String? {
        let ns = sentence as NSString
        guard let match = pattern.firstMatch(in: sentence, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2))
    }

    static func matcherOutlet(_ sentence: String) -> String? {
        OutletMatcher.firstOutlet(in: Array(sentence.unicodeScalars)[...])
    }

    /// Lines of the text files under `folder`.
    static func lines(under folder: URL) -> [String] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var lines: [String] = []
        for case let file as URL in files where ["html", "htm", "txt", "xml", "rss", "atom", "md"].contains(file.pathExtension) {
            guard let data = try? Data(contentsOf: file) else { continue }
            lines += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        }
        return lines
    }

    /// Seeded sentences from outlet names, their pieces, capitalised words, hyphens, "news agency" and the
    /// characters ICU's `\b` treats specially (combining marks, format characters, joiners, digits, `_`).
    static func generatedSentences(count: Int, seed: UInt64) -> [String] {
        let pieces = CitationFinder.outlets + [
            " ", " ", " ", "news agency", " news agency", "News Agency", "Interfax-", "-Ukraine", "Ukrainian", "State",
            "Anadolu", "Yonhap", "APC", "APs", "AP's", "RTs", "TASS\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{00AD}",
            "_", "9", "é", "Київ", "told", "reports", ".", ",", "(", ")", "«", "»", "\"", "’s", "-", "--", "a", "xAP",
            "Reuters\u{2060}", "\u{2060}", "The", "Of", "the", "Pravda", "Agency", "of", "news", "agency", "\u{0483}",
        ]
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + generator.below(14))).map { _ in pieces[generator.below(pieces.count)] }.joined()
        }
    }

    @Test func matcherFindsWhatThePatternFindsInSamplesAndReference() {
        var folders = [TestPaths.samples]
        if let reference = TestPaths.reference { folders.append(reference) } else {
            print("../shared/reference is absent: outlets compared on Samples and generated sentences only")
        }
        var sentences = 0, named = 0
        for line in folders.flatMap(Self.lines(under:)) {
            let scalars = Array(line.unicodeScalars)
            for range in CitationFinder.sentenceRanges(of: scalars) {
                let sentence = String(scalars: scalars[range])
                sentences += 1
                let expected = Self.patternOutlet(sentence)
                if expected != nil { named += 1 }
                #expect(Self.matcherOutlet(sentence) == expected, "\(sentence.debugDescription)")
            }
        }
        print("\(sentences) sentences compared, \(named) naming an outlet")
        #expect(named > 0)
    }

    @Test func matcherFindsWhatThePatternFindsInGeneratedSentences() {
        var named = 0
        for sentence in Self.generatedSentences(count: 20_000, seed: 5) {
            let expected = Self.patternOutlet(sentence)
            if expected != nil { named += 1 }
            #expect(Self.matcherOutlet(sentence) == expected, "\(sentence.debugDescription)")
        }
        #expect(named > 5_000)
    }

    @Test func namesTheLeftmostAndTheListedFirst() {
        let cases: [(String, String?)] = [
            ("Interfax-Ukraine and TASS reported", "Interfax-Ukraine"),
            ("Interfax-Ukrainian sources said", "Interfax"),
            ("the Turkish Anadolu State news agency said", "Turkish Anadolu State"),
            ("The First Second Third Fourth Fifth news agency said", "Second Third Fourth Fifth"),
            ("APCs moved, the AP reported", "AP"),
            ("the Reuters\u{301} desk", nil),
            ("Reuters", "Reuters"),
        ]
        for (sentence, outlet) in cases {
            #expect(Self.matcherOutlet(sentence) == outlet, "\(sentence)")
            #expect(Self.patternOutlet(sentence) == outlet, "\(sentence)")
        }
    }

    /// The sentence split with its fast paths against the property-table walk, on the same texts.
    @Test func sentenceSplitMatchesThePropertyWalk() {
        var texts = Self.generatedSentences(count: 5_000, seed: 9).map { $0 + ". " + $0.uppercased() + "! x? 3. “Q.” Mr. A. B." }
        texts += Self.lines(under: TestPaths.samples)
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            #expect(CitationFinder.sentenceRanges(of: scalars) == Self.propertyWalkRanges(scalars), "\(text.debugDescription)")
        }
    }

    /// The split as `CitationFinder` wrote it before its ASCII shortcuts.
    static func propertyWalkRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let abbreviations: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Col", "Lt", "St", "Sen", "Rep", "Prof", "No",
                                          "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"]
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var a = start, b = end
            while a < b, scalars[a].properties.isWhitespace { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { result.append(a..<b) }
            start = end
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, "\"”’)".unicodeScalars.contains(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count,
                   scalars[j + 1].properties.isUppercase || "\"“".unicodeScalars.contains(scalars[j + 1])
                    || scalars[j + 1].properties.numericType != nil {
                    var w = i
                    while w > start, scalars[w - 1].properties.isAlphabetic { w -= 1 }
                    let word = String(scalars: scalars[w..<i])
                    if c != "." || !(abbreviations.contains(word) || word.count == 1) { flush(j) }
                }
                i = j
                continue
            }
            i += 1
        }
        flush(scalars.count)
        return result
    }
}
