import Foundation

/// A logistic model turning `PairFeatures` into a confidence in 0...1.
///
/// The default weights were fitted with `fit(_:)` on the training half of the evaluation set in
/// Tests/DiglotPairingTests and checked on the other half (`PairingEvaluationTests` prints both), except the
/// explicit-link weight: in that set every linked pair also shares numbers or names, so the fit cannot learn what a
/// link alone is worth; it is set by hand so that a link alone gives a confidence of about 0.97.
///
/// ```swift
/// let p = ConfidenceModel.default.confidence(PairFeatures(original: a, rendering: b))
/// ```
public struct ConfidenceModel: Sendable, Hashable, Codable {
    /// One weight per entry of `PairFeatures.vector`.
    public var weights: [Double]
    public var bias: Double

    /// - Parameter weights: one per feature; missing weights count as 0 and extra ones are ignored.
    public init(weights: [Double], bias: Double) {
        let dimension = PairFeatures.names.count
        self.weights = Array((weights + repeatElement(0, count: dimension)).prefix(dimension))
        self.bias = bias
    }

    public func confidence(_ features: PairFeatures) -> Double {
        let z = zip(weights, features.vector).reduce(bias) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// The feature contributing most to a positive decision, by name (for `PairMethod`).
    public func strongestFeature(_ features: PairFeatures) -> String {
        let contributions = zip(weights, features.vector).map { $0 * $1 }
        let best = contributions.indices.max { contributions[$0] < contributions[$1] } ?? 0
        return PairFeatures.names[best]
    }

    /// Fits weights by gradient descent on the log loss with a small L2 penalty.
    ///
    /// - Parameter examples: features and whether the two documents really are original and rendering.
    public static func fit(_ examples: [(PairFeatures, Bool)], iterations: Int = 4000, learningRate: Double = 0.5,
                           l2: Double = 0.001) -> ConfidenceModel {
        let dimension = PairFeatures.names.count
        var weights = [Double](repeating: 0, count: dimension)
        var bias = 0.0
        let rows = examples.map { ($0.0.vector, $0.1 ? 1.0 : 0.0) }
        guard !rows.isEmpty else { return ConfidenceModel(weights: weights, bias: bias) }
        let n = Double(rows.count)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: dimension)
            var gradientBias = 0.0
            for (x, y) in rows {
                let z = zip(weights, x).reduce(bias) { $0 + $1.0 * $1.1 }
                let error = 1 / (1 + exp(-z)) - y
                for k in 0..<dimension { gradient[k] += error * x[k] }
                gradientBias += error
            }
            for k in 0..<dimension { weights[k] -= learningRate * (gradient[k] / n + l2 * weights[k]) }
            bias -= learningRate * gradientBias / n
        }
        return ConfidenceModel(weights: weights, bias: bias)
    }

    /// Hand-set starting weights, documented per feature: a link is near-proof; shared numbers and names are strong;
    /// a length far from the expected ratio and distant dates count against.
    public static let handCalibrated = ConfidenceModel(
        weights: [12, 4, 3, 1.5, 0, 3, 0.5, 3, -3, -0.5, 0.5], bias: -6)

    /// The weights Diglot uses (see the type's summary for where they come from).
    public static let `default` = ConfidenceModel(
        weights: [7.8, 3.44, 3.19, -0.71, 3.12, 0.47, 1.52, 2.42, -1.26, -0.96, -0.72], bias: -4.32)
}
