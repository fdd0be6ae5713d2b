import Foundation
import Testing
import DiglotImporting
@testable import StaffBulletinImporter
@testable import TweetEmbedImporter
@testable import WireReportImporter

/// The byte-level sniffing helpers against the Foundation and character-level forms they replace: the
/// same answers on text with every kind of line break, tags, Cyrillic and combining marks.
@Suite struct ByteScanEquivalenceTests {
    static let samples: [String] = [
        "", "\n", "a\nb", "a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h", "\n\n x \n",
        "<p>Загальні бойові втрати</p>\n<div class=\"aticle-content\">танків ‒ 1637 (+35) од</div>",
        "a < b > c <> d <<e> f < g", "<a\nb>text</a\n>", "no tags at all", "<unclosed and more < text",
        "KYIV, March 2 (Reuters) - Ukraine\r\nsaid", "e\u{301}<b>\u{301}x</b>", "x<\u{338}y>z", "—(@handle)\n(@a) b",
    ]

    @Test func linesMatchSplittingAtNewlineCharacters() {
        for sample in Self.samples {
            var lines: [Substring] = []
            ByteScan.forEachLine(of: sample) { lines.append($0); return true }
            #expect(lines == sample.split(whereSeparator: \.isNewline), "\(sample.debugDescription)")
        }
    }

    @Test func tagReplacementMatchesThePattern() {
        for sample in Self.samples {
            let expected = sample.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
            #expect(WireReportImporter.tagsReplacedByNewlines(sample) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func tagStrippingMatchesTheCharacterWalk() {
        for sample in Self.samples {
            for line in sample.split(separator: "\n") {
                var expected = ""
                var inTag = false
                for ch in line {
                    if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { expected.append(ch) }
                }
                #expect(StaffBulletinImporter.stripTags(line) == expected, "\(line.debugDescription)")
            }
        }
    }

    @Test func linesHoldingANeedleMatchSplitting() {
        for sample in Self.samples {
            let expected = sample.split(separator: "\n").filter { $0.contains("(@") }.map(String.init)
            #expect(TweetEmbedImporter.linesHolding("(@", in: sample) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func containsMatchesFoundation() {
        let needles = ["twitter-tweet", "(Reuters)", "втрат", "", "LOSSES"]
        for sample in Self.samples + ["embed twitter-tweet here", "the losses, втрати"] {
            for needle in needles {
                #expect(ByteScan.contains(sample, needle) == (needle.isEmpty || sample.contains(needle)))
                #expect(ByteScan.containsIgnoringASCIICase(sample, needle)
                        == (needle.isEmpty || sample.lowercased().contains(needle.lowercased())))
            }
        }
    }
}
