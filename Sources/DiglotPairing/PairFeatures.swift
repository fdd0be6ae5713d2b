import Foundation

/// The evidence that two documents are an original and its rendering, each feature on a small numeric scale.
///
/// Computed from signatures only, so scoring a candidate costs a few sorted-array intersections.
public struct PairFeatures: Sendable, Hashable, Codable {
    /// 1 when one document links to the other (an article quoting a tweet by URL), else 0.
    public var explicitLink: Double
    /// Share of the original's numbers found in the rendering, and of the rendering's found in the original.
    public var numberRecall: Double
    public var numberPrecision: Double
    /// log(1 + numbers shared): many shared figures are stronger evidence than one.
    public var sharedNumbers: Double
    /// 1 when neither side has a number (numbers then say nothing either way).
    public var numbersAbsent: Double
    /// Dice overlap of name keys, and log(1 + names shared).
    public var nameOverlap: Double
    public var sharedNames: Double
    /// Dice overlap of glossary entries.
    public var glossaryOverlap: Double
    /// |log(rendering length / original length) − log(expected ratio)|.
    public var lengthDeviation: Double
    /// Days between the two publication dates.
    public var dayDistance: Double
    /// 1 when both are the same kind of document.
    public var sameKind: Double

    /// The features in a fixed order, for the logistic model.
    public var vector: [Double] {
        [explicitLink, numberRecall, numberPrecision, sharedNumbers, numbersAbsent, nameOverlap, sharedNames,
         glossaryOverlap, lengthDeviation, dayDistance, sameKind]
    }

    public static let names = ["explicitLink", "numberRecall", "numberPrecision", "sharedNumbers", "numbersAbsent",
                               "nameOverlap", "sharedNames", "glossaryOverlap", "lengthDeviation", "dayDistance",
                               "sameKind"]

    /// English text runs a little longer than Ukrainian or Russian in letters.
    static let expectedLengthRatio = 1.08

    /// The features of `original` against `rendering`.
    public init(original: PairingCandidate, rendering: PairingCandidate) {
        let o = original.signature, r = rendering.signature
        explicitLink = original.isExplicitlyLinked(to: rendering) ? 1 : 0
        let shared = Overlap.multiset(o.numbers, r.numbers)
        numberRecall = o.numbers.isEmpty ? 0 : Double(shared) / Double(o.numbers.count)
        numberPrecision = r.numbers.isEmpty ? 0 : Double(shared) / Double(r.numbers.count)
        sharedNumbers = log1p(Double(shared))
        numbersAbsent = o.numbers.isEmpty && r.numbers.isEmpty ? 1 : 0
        let sharedNameCount = Overlap.set(o.names, r.names)
        nameOverlap = Overlap.dice(sharedNameCount, o.names.count, r.names.count)
        sharedNames = log1p(Double(sharedNameCount))
        glossaryOverlap = Overlap.dice(Overlap.set(o.glossary, r.glossary), o.glossary.count, r.glossary.count)
        let ratio = Double(max(r.length, 1)) / Double(max(o.length, 1))
        lengthDeviation = abs(log(ratio) - log(Self.expectedLengthRatio))
        if let a = original.day, let b = rendering.day { dayDistance = Double(abs(a - b)) } else { dayDistance = 0 }
        sameKind = original.kind == rendering.kind ? 1 : 0
    }
}

/// Intersections of sorted arrays.
enum Overlap {
    /// Size of the multiset intersection of two sorted arrays.
    static func multiset(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// Size of the intersection of two sorted, duplicate-free arrays.
    static func set<T: Comparable>(_ a: [T], _ b: [T]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    static func dice(_ shared: Int, _ a: Int, _ b: Int) -> Double {
        a + b == 0 ? 0 : 2 * Double(shared) / Double(a + b)
    }
}
