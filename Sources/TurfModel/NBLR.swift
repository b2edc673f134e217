#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// NB-LR: logistic regression on features scaled by naive-Bayes log-count ratios, with the
/// weight interpolation of Wang & Manning (2012), "Baselines and Bigrams" (their NBSVM, with
/// the logistic loss in place of the hinge loss).
///
/// For each label (one-vs-rest), `r = log((α + p) / ‖α + p‖₁) − log((α + q) / ‖α + q‖₁)` where
/// `p` and `q` sum the feature values of the rows with and without the label. LR is fitted on
/// `r ∘ x`, then its weights are interpolated, `w′ = (1 − β)·w̄ + β·w` with `w̄ = ‖w‖₁ / |V|`,
/// and folded back onto the raw features: the weight of feature `j` becomes `r_j · w′_j`.
/// Multi-class data gets one such model a class, and probabilities normalised across classes.
enum NBLR {
    /// Fits one interpolated binary model per label, labels in parallel.
    static func fit(_ set: TrainingSet, hyper: Hyperparameters) -> LinearWeights {
        let matrix = CompactMatrix(set)
        let count = set.labelNames.count
        let dimension = set.dimension
        let columns: [([Double], Double)] = concurrentMap(count) { label in
            let targets = set.binaryTargets(label: label)
            let ratio = ratios(matrix, targets: targets, alpha: hyper.alpha, dimension: dimension)
            let rowWeights = NaiveBayes.sampleWeights(classes: targets.map { $0 ? 1 : 0 }, count: 2, balanced: hyper.balanced)
            let problem = LogisticRegression.Problem(
                matrix: matrix, targets: targets.map { Int32($0 ? 1 : 0) }, rowWeights: rowWeights,
                scale: ratio.seen, outputs: 1, c: hyper.c)
            let solution = problem.solve(hyper)
            let width = matrix.width
            var magnitude = 0.0
            for column in 0..<width { magnitude += abs(solution[column]) }
            let mean = width > 0 ? magnitude / Double(width) : 0
            var full = [Double](repeating: (1 - hyper.beta) * mean * ratio.unseen, count: dimension)
            for column in 0..<width {
                let interpolated = (1 - hyper.beta) * mean + hyper.beta * solution[column]
                full[Int(matrix.originalFeature[column])] = ratio.seen[column] * interpolated
            }
            var scores = [Double](repeating: 0, count: matrix.rows)
            for row in 0..<matrix.rows {
                for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                    let column = Int(matrix.columns[position])
                    scores[row] += Double(matrix.values[position]) * full[Int(matrix.originalFeature[column])]
                }
            }
            let bias = hyper.beta < 1 ? refitBias(scores: scores, targets: targets, rowWeights: rowWeights, start: solution[width])
                                      : solution[width]
            return (full, bias)
        }
        var weights = [Double](repeating: 0, count: dimension * count)
        for (label, column) in columns.enumerated() {
            for feature in 0..<dimension { weights[feature * count + label] = column.0[feature] }
        }
        return LinearWeights(dimension: dimension, labels: count, weights: weights, bias: columns.map(\.1),
                             link: set.isMultiClass ? .normalizedSigmoid : .sigmoid)
    }

    /// The intercept minimising the weighted log-loss of fixed scores (Newton's method): the
    /// interpolated weights shift every score, and a stale intercept would misplace the boundary.
    static func refitBias(scores: [Double], targets: [Bool], rowWeights: [Double], start: Double) -> Double {
        var bias = start
        for _ in 0..<50 {
            var gradient = 0.0
            var curvature = 0.0
            for row in scores.indices {
                let p = sigmoid(scores[row] + bias)
                gradient += rowWeights[row] * (p - (targets[row] ? 1 : 0))
                curvature += rowWeights[row] * p * (1 - p)
            }
            guard curvature > 1e-12 else { break }
            let step = gradient / curvature
            bias -= max(-5, min(5, step))
            if abs(step) < 1e-10 { break }
        }
        return bias
    }

    /// Log-count ratios of the seen columns, and the ratio every unseen feature shares.
    static func ratios(_ matrix: CompactMatrix, targets: [Bool], alpha: Double, dimension: Int) -> (seen: [Double], unseen: Double) {
        var positive = [Double](repeating: 0, count: matrix.width)
        var negative = [Double](repeating: 0, count: matrix.width)
        for row in 0..<matrix.rows {
            for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                let column = Int(matrix.columns[position])
                let value = Double(matrix.values[position])
                if targets[row] { positive[column] += value } else { negative[column] += value }
            }
        }
        let smoothing = alpha * Double(dimension)
        let positiveTotal = positive.reduce(smoothing, +)
        let negativeTotal = negative.reduce(smoothing, +)
        let seen = (0..<matrix.width).map {
            log((alpha + positive[$0]) / positiveTotal) - log((alpha + negative[$0]) / negativeTotal)
        }
        return (seen, log(alpha / positiveTotal) - log(alpha / negativeTotal))
    }
}
