import Foundation
import DiglotModel

/// Aligns the sentences of an original and its rendering: Gale–Church length-based dynamic programming over the
/// beads 1-1, 1-2, 2-1, 1-0 and 0-1 (the expected length ratio fixed per language pair rather than measured on the
/// two texts, which added or dropped sentences would skew), with lexical anchors (shared numbers, names and glossary concepts lower a
/// bead's cost; numbers present on one side only raise it).
///
/// ```swift
/// let units = SentenceAligner().align(original: uk, originalLanguage: .ukrainian,
///                                     rendering: en, renderingLanguage: .english)
/// ```
public struct SentenceAligner: Sendable {
    /// One bead of the alignment: how many sentences each side contributes.
    public struct Bead: Hashable, Sendable {
        public var original: Range<Int>
        public var rendering: Range<Int>
        public var pattern: String { "\(original.count)-\(rendering.count)" }
    }

    /// Variance per character of the length difference (Gale and Church's s²).
    public var variance = 6.8
    /// −log of the prior probability of each bead shape (1-1 is by far the commonest).
    public var shapeCost: [String: Double] = ["1-1": -log(0.89), "2-1": -log(0.0445), "1-2": -log(0.0445)]
    /// The flat cost of a 1-0 or 0-1 bead. Gale and Church charge such a bead by its length, which makes a long
    /// added sentence ("The statement could not be independently verified.") cheaper to glue to its neighbour than
    /// to leave unmatched; news renderings add and drop whole sentences often enough that a flat cost aligns better.
    public var insertionCost = 4.0
    /// Cost change per shared number, unmatched number, shared name and shared glossary concept.
    public var sharedNumberBonus = 3.0
    public var unmatchedNumberPenalty = 1.5
    public var sharedNameBonus = 1.5
    public var sharedGlossaryBonus = 1.5
    /// Cost per glossary concept found on only one side of a bead that has text on both sides.
    public var unmatchedGlossaryPenalty = 1.5

    public init() {}

    /// Aligns two texts split with `SentenceSplitter`.
    public func align(original: String, originalLanguage: LanguageTag, rendering: String,
                      renderingLanguage: LanguageTag) -> [(original: [String], rendering: [String], pattern: String)] {
        let a = SentenceSplitter.sentences(in: original)
        let b = SentenceSplitter.sentences(in: rendering)
        return align(a, originalLanguage, b, renderingLanguage).map { bead in
            (Array(a[bead.original]), Array(b[bead.rendering]), bead.pattern)
        }
    }

    /// Aligns two lists of sentences; the beads cover both lists in order.
    public func align(_ a: [String], _ aLanguage: LanguageTag, _ b: [String], _ bLanguage: LanguageTag) -> [Bead] {
        let fa = a.map { TextFeatures($0, language: aLanguage) }
        let fb = b.map { TextFeatures($0, language: bLanguage) }
        let ratio = aLanguage == bLanguage ? 1.0
            : (bLanguage == .english ? PairFeatures.expectedLengthRatio : 1 / PairFeatures.expectedLengthRatio)
        let n = a.count, m = b.count
        let shapes = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)]
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[(Int, Int)]](repeating: [(Int, Int)](repeating: (0, 0), count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m where cost[i][j] < .infinity {
                for (da, db) in shapes where i + da <= n && j + db <= m {
                    let c = cost[i][j] + beadCost(fa[i..<(i + da)], fb[j..<(j + db)], ratio: ratio, shape: "\(da)-\(db)")
                    if c < cost[i + da][j + db] {
                        cost[i + da][j + db] = c
                        back[i + da][j + db] = (da, db)
                    }
                }
            }
        }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let (da, db) = back[i][j]
            beads.append(Bead(original: (i - da)..<i, rendering: (j - db)..<j))
            i -= da
            j -= db
        }
        return beads.reversed()
    }

    private func beadCost(_ a: ArraySlice<TextFeatures>, _ b: ArraySlice<TextFeatures>, ratio: Double, shape: String) -> Double {
        let la = Double(a.reduce(0) { $0 + $1.length }), lb = Double(b.reduce(0) { $0 + $1.length })
        let mean = max(1, (la + lb / ratio) / 2)
        let delta = (lb - la * ratio) / sqrt(variance * mean)
        let oneSided = a.isEmpty || b.isEmpty
        let lengthCost = oneSided ? insertionCost : (shapeCost[shape] ?? 10) - log(max(erfc(abs(delta) / 2.squareRoot()), 1e-12))
        let numbersA = a.flatMap(\.numbers).sorted(), numbersB = b.flatMap(\.numbers).sorted()
        let sharedNumbers = Overlap.multiset(numbersA, numbersB)
        let unmatched = numbersA.count + numbersB.count - 2 * sharedNumbers
        let namesA = Array(Set(a.flatMap(\.names))).sorted(), namesB = Array(Set(b.flatMap(\.names))).sorted()
        let glossA = Array(Set(a.flatMap(\.glossary))).sorted(), glossB = Array(Set(b.flatMap(\.glossary))).sorted()
        let sharedGlossary = Overlap.set(glossA, glossB)
        let anchors = sharedNumberBonus * Double(sharedNumbers) + sharedNameBonus * Double(Overlap.set(namesA, namesB))
            + sharedGlossaryBonus * Double(sharedGlossary)
        let unmatchedGlossary = oneSided ? 0 : glossA.count + glossB.count - 2 * sharedGlossary
        return lengthCost + unmatchedNumberPenalty * Double(unmatched)
            + unmatchedGlossaryPenalty * Double(unmatchedGlossary) - anchors
    }
}
