#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import TurfCore

/// Multinomial and complement naive Bayes, computed exactly as scikit-learn's `MultinomialNB`
/// and `ComplementNB` (with `norm=False`) so that log-probabilities agree to rounding.
enum NaiveBayes {
    /// Per-class feature log-probabilities (`K × dimension`, class-major) and class log-priors.
    struct Fit {
        var featureLogProbability: [Double]
        var classLogPrior: [Double]
    }

    /// Fits a model to `set`: softmax over classes when multi-class, otherwise one binary
    /// problem per label turned into per-label log-odds.
    /// - Complexity: O(stored entries + labels × dimension); labels run in parallel.
    static func fit(_ set: TrainingSet, hyper: Hyperparameters, complement: Bool) -> LinearWeights {
        let dimension = set.dimension
        if set.isMultiClass {
            let classes = set.classes
            let count = set.labelNames.count
            let weights = sampleWeights(classes: classes, count: count, balanced: hyper.balanced)
            let fit = fitClasses(set, classOf: classes, classCount: count, sampleWeight: weights,
                                 alpha: hyper.alpha, complement: complement)
            var out = [Double](repeating: 0, count: dimension * count)
            for label in 0..<count {
                for feature in 0..<dimension {
                    out[feature * count + label] = fit.featureLogProbability[label * dimension + feature]
                }
            }
            let bias = complement ? [Double](repeating: 0, count: count) : fit.classLogPrior
            return LinearWeights(dimension: dimension, labels: count, weights: out, bias: bias, link: .softmax)
        }
        let labelCount = set.labelNames.count
        let perLabel = concurrentMap(labelCount) { label in
            let classes = set.binaryTargets(label: label).map { $0 ? 1 : 0 }
            let weights = sampleWeights(classes: classes, count: 2, balanced: hyper.balanced)
            let fit = fitClasses(set, classOf: classes, classCount: 2, sampleWeight: weights,
                                 alpha: hyper.alpha, complement: complement)
            var column = [Double](repeating: 0, count: dimension)
            for feature in 0..<dimension {
                column[feature] = fit.featureLogProbability[dimension + feature] - fit.featureLogProbability[feature]
            }
            return (column, complement ? 0 : fit.classLogPrior[1] - fit.classLogPrior[0])
        }
        let columns = perLabel.map(\.0)
        let bias = perLabel.map(\.1)
        var out = [Double](repeating: 0, count: dimension * labelCount)
        for label in 0..<labelCount {
            for feature in 0..<dimension { out[feature * labelCount + label] = columns[label][feature] }
        }
        return LinearWeights(dimension: dimension, labels: labelCount, weights: out, bias: bias, link: .sigmoid)
    }

    /// Row weights: 1, or `n / (classes × count(class))` when balanced (absent classes ignored).
    static func sampleWeights(classes: [Int], count: Int, balanced: Bool) -> [Double] {
        guard balanced else { return [Double](repeating: 1, count: classes.count) }
        var perClass = [Int](repeating: 0, count: count)
        for label in classes { perClass[label] += 1 }
        let present = perClass.filter { $0 > 0 }.count
        let factors = perClass.map { $0 > 0 ? Double(classes.count) / (Double(present) * Double($0)) : 0 }
        return classes.map { factors[$0] }
    }

    /// NB statistics for rows assigned to `classCount` classes.
    static func fitClasses(_ set: TrainingSet, classOf: [Int], classCount: Int, sampleWeight: [Double],
                           alpha: Double, complement: Bool) -> Fit {
        let dimension = set.dimension
        var classWeight = [Double](repeating: 0, count: classCount)
        for row in 0..<set.count { classWeight[classOf[row]] += sampleWeight[row] }
        // Row blocks fixed by the data alone (as LR's), counted in parallel and summed in block
        // order, so the result does not depend on the number of cores; one block below a
        // million stored entries keeps small fits exactly the serial sum.
        let blocks = LogisticRegression.blocks(entries: set.indices.count)
        let partial = concurrentMap(blocks) { block in
            var counts = [Double](repeating: 0, count: classCount * dimension)
            let rows = (set.count * block / blocks)..<(set.count * (block + 1) / blocks)
            set.indices.withUnsafeBufferPointer { indices in
                set.values.withUnsafeBufferPointer { values in
                    set.rowStart.withUnsafeBufferPointer { rowStart in
                        counts.withUnsafeMutableBufferPointer { counts in
                            for row in rows {
                                let base = classOf[row] * dimension
                                let weight = sampleWeight[row]
                                for position in rowStart[row]..<rowStart[row + 1] {
                                    counts[base + Int(indices[position])] += weight * Double(values[position])
                                }
                            }
                        }
                    }
                }
            }
            return counts
        }
        var featureCount = partial[0]
        for block in partial.dropFirst() {
            for index in featureCount.indices { featureCount[index] += block[index] }
        }
        var logProbability = [Double](repeating: 0, count: classCount * dimension)
        if complement {
            var all = [Double](repeating: 0, count: dimension)
            for label in 0..<classCount {
                for feature in 0..<dimension { all[feature] += featureCount[label * dimension + feature] }
            }
            for label in 0..<classCount {
                let base = label * dimension
                var total = 0.0
                for feature in 0..<dimension {
                    let complementCount = all[feature] + alpha - featureCount[base + feature]
                    logProbability[base + feature] = complementCount
                    total += complementCount
                }
                let logTotal = log(total)
                for feature in 0..<dimension {
                    logProbability[base + feature] = -(log(logProbability[base + feature]) - logTotal)
                }
            }
        } else {
            for label in 0..<classCount {
                let base = label * dimension
                var total = 0.0
                for feature in 0..<dimension { total += featureCount[base + feature] + alpha }
                let logTotal = log(total)
                for feature in 0..<dimension {
                    logProbability[base + feature] = log(featureCount[base + feature] + alpha) - logTotal
                }
            }
        }
        let allWeight = classWeight.reduce(0, +)
        let prior = classWeight.map { log($0) - log(allWeight) }
        return Fit(featureLogProbability: logProbability, classLogPrior: prior)
    }
}
