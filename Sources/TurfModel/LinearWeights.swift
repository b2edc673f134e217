#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfText

/// A fitted linear scorer: `score[k] = bias[k] + Σ_j x_j · weights[j·labels + k]`.
///
/// Every algorithm ends in this form (NB's log-probabilities, LR's coefficients and NB-LR's
/// scaled coefficients alike), so scoring and the model file need one code path. Weights are
/// stored feature-major (`[dimension, labels]`) so that one post touches one cache line per feature.
public struct LinearWeights: Sendable, Equatable {
    /// Feature space size.
    public var dimension: Int
    /// Number of scores (labels).
    public var labels: Int
    /// `dimension × labels` weights, feature-major.
    public var weights: [Double]
    /// One bias a label.
    public var bias: [Double]
    /// How scores become probabilities.
    public var link: Link

    /// Creates weights; `weights.count` must be `dimension × labels`.
    public init(dimension: Int, labels: Int, weights: [Double], bias: [Double], link: Link) {
        precondition(weights.count == dimension * labels && bias.count == labels, "weight shapes disagree")
        self.dimension = dimension
        self.labels = labels
        self.weights = weights
        self.bias = bias
        self.link = link
    }

    /// The scores of `vector`.
    /// - Complexity: O(vector.count × labels)
    public func scores(_ vector: SparseVector) -> [Double] {
        weights.withUnsafeBufferPointer { LinearWeights.scores(vector, weights: $0, bias: bias) }
    }

    /// Scores over a raw weight buffer (memory-mapped or owned).
    static func scores(_ vector: SparseVector, weights: UnsafeBufferPointer<Double>, bias: [Double]) -> [Double] {
        let labels = bias.count
        var out = bias
        let dimension = weights.count / max(labels, 1)
        out.withUnsafeMutableBufferPointer { out in
            for position in 0..<vector.indices.count {
                let feature = Int(vector.indices[position])
                guard feature < dimension else { continue }
                let value = Double(vector.values[position])
                let row = feature * labels
                for label in 0..<labels { out[label] += value * weights[row + label] }
            }
        }
        return out
    }

    /// Probabilities from scores under `link`.
    public static func probabilities(_ scores: [Double], link: Link) -> [Double] {
        switch link {
        case .softmax:
            let top = scores.max() ?? 0
            let exps = scores.map { exp($0 - top) }
            let sum = exps.reduce(0, +)
            return exps.map { $0 / sum }
        case .sigmoid:
            return scores.map(sigmoid)
        case .normalizedSigmoid:
            let each = scores.map(sigmoid)
            let sum = each.reduce(0, +)
            return sum > 0 ? each.map { $0 / sum } : each.map { _ in 1 / Double(each.count) }
        }
    }
}

/// The logistic function, stable for large magnitudes.
@inline(__always)
func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
}

/// log(1 + exp(z)) without overflow.
@inline(__always)
func softplus(_ z: Double) -> Double {
    z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
}
