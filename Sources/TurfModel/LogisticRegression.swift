#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// L2-regularised logistic regression solved to the optimum with L-BFGS.
///
/// The objective is scikit-learn's (`lbfgs` solver, intercept not penalised):
/// `C · Σ_i s_i · loss_i + ½‖W‖²`, where `loss_i` is the softmax cross-entropy for multi-class
/// data and the binary log-loss for each label of multi-label data, and `s_i` the row weight.
enum LogisticRegression {
    /// Row blocks a gradient is split into. Fixed (not the core count), so that the sums, and
    /// therefore the model bytes, are the same on every machine.
    static let blocks = 4

    /// Fits `set`: softmax when multi-class, else one binary problem per label in parallel.
    static func fit(_ set: TrainingSet, hyper: Hyperparameters) -> LinearWeights {
        let matrix = CompactMatrix(set)
        let ones = [Double](repeating: 1, count: matrix.width)
        if set.isMultiClass {
            let classes = set.classes
            let count = set.labelNames.count
            let rowWeights = NaiveBayes.sampleWeights(classes: classes, count: count, balanced: hyper.balanced)
            let problem = Problem(matrix: matrix, targets: classes.map(Int32.init), rowWeights: rowWeights,
                                  scale: ones, outputs: count, c: hyper.c)
            let solution = problem.solve(hyper)
            return expand(solution, matrix: matrix, outputs: count, dimension: set.dimension, link: .softmax)
        }
        let count = set.labelNames.count
        let columns = ParallelSlots<[Double]>.map(count) { label in
            let targets = set.binaryTargets(label: label).map { Int32($0 ? 1 : 0) }
            let rowWeights = NaiveBayes.sampleWeights(classes: targets.map(Int.init), count: 2, balanced: hyper.balanced)
            let problem = Problem(matrix: matrix, targets: targets, rowWeights: rowWeights,
                                  scale: ones, outputs: 1, c: hyper.c)
            return problem.solve(hyper)
        }
        return merge(columns, matrix: matrix, dimension: set.dimension, link: .sigmoid)
    }

    /// Spreads a compact `[width × outputs] + [outputs]` solution over the full feature space.
    static func expand(_ solution: [Double], matrix: CompactMatrix, outputs: Int, dimension: Int, link: Link) -> LinearWeights {
        var weights = [Double](repeating: 0, count: dimension * outputs)
        for column in 0..<matrix.width {
            let feature = Int(matrix.originalFeature[column])
            for output in 0..<outputs { weights[feature * outputs + output] = solution[column * outputs + output] }
        }
        let bias = Array(solution[(matrix.width * outputs)...])
        return LinearWeights(dimension: dimension, labels: outputs, weights: weights, bias: bias, link: link)
    }

    /// Joins per-label binary solutions (`width` weights then a bias each) into one model.
    static func merge(_ columns: [[Double]], matrix: CompactMatrix, dimension: Int, link: Link) -> LinearWeights {
        let outputs = columns.count
        var weights = [Double](repeating: 0, count: dimension * outputs)
        var bias = [Double](repeating: 0, count: outputs)
        for (output, column) in columns.enumerated() {
            for compact in 0..<matrix.width {
                weights[Int(matrix.originalFeature[compact]) * outputs + output] = column[compact]
            }
            bias[output] = column[matrix.width]
        }
        return LinearWeights(dimension: dimension, labels: outputs, weights: weights, bias: bias, link: link)
    }

    /// One optimisation problem: softmax over `outputs > 1` classes, or binary when `outputs == 1`.
    struct Problem: Sendable {
        let matrix: CompactMatrix
        /// Class id per row (softmax) or 0/1 (binary).
        let targets: [Int32]
        let rowWeights: [Double]
        /// Per-column multiplier applied to the inputs (NB ratios for NB-LR, else ones).
        let scale: [Double]
        let outputs: Int
        let c: Double

        /// The parameter count: weights then biases.
        var size: Int { matrix.width * outputs + outputs }

        /// Solves to the tolerance (scikit-learn's meaning: on the gradient of the objective
        /// divided by `C · Σ s_i`); returns weights (column-major over outputs) then biases.
        func solve(_ hyper: Hyperparameters) -> [Double] {
            let scale = c * rowWeights.reduce(0, +)
            let solver = LBFGS(tolerance: hyper.tolerance * scale, maxIterations: hyper.maxIterations)
            return solver.minimize(start: [Double](repeating: 0, count: size)) { x, gradient in
                evaluate(x, gradient: &gradient)
            }.x
        }

        /// The objective at `x`, writing its gradient.
        /// - Complexity: O(stored entries × outputs), split over `LogisticRegression.blocks` blocks in parallel.
        func evaluate(_ x: [Double], gradient: inout [Double]) -> Double {
            let blocks = LogisticRegression.blocks
            let rows = matrix.rows
            let partials = ParallelSlots<(Double, [Double])>.map(blocks) { block in
                let lower = rows * block / blocks
                let upper = rows * (block + 1) / blocks
                return partial(x, rows: lower..<upper)
            }
            let width = matrix.width
            var value = 0.0
            for index in 0..<gradient.count { gradient[index] = 0 }
            for (loss, part) in partials {
                value += loss
                for index in 0..<part.count { gradient[index] += part[index] }
            }
            var penalty = 0.0
            for index in 0..<(width * outputs) {
                penalty += x[index] * x[index]
                gradient[index] += x[index]
            }
            return value + 0.5 * penalty
        }

        /// C-scaled loss and its gradient over some rows.
        private func partial(_ x: [Double], rows: Range<Int>) -> (Double, [Double]) {
            let width = matrix.width
            let outputs = self.outputs
            var gradient = [Double](repeating: 0, count: size)
            var loss = 0.0
            var scores = [Double](repeating: 0, count: outputs)
            x.withUnsafeBufferPointer { x in
                matrix.columns.withUnsafeBufferPointer { columns in
                    matrix.values.withUnsafeBufferPointer { values in
                        scale.withUnsafeBufferPointer { scale in
                            gradient.withUnsafeMutableBufferPointer { gradient in
                                for row in rows {
                                    let span = matrix.rowStart[row]..<matrix.rowStart[row + 1]
                                    for output in 0..<outputs { scores[output] = x[width * outputs + output] }
                                    for position in span {
                                        let column = Int(columns[position])
                                        let value = values[position] * scale[column]
                                        let base = column * outputs
                                        for output in 0..<outputs { scores[output] += value * x[base + output] }
                                    }
                                    let weight = c * rowWeights[row]
                                    let target = Int(targets[row])
                                    if outputs == 1 {
                                        let z = scores[0]
                                        loss += weight * (softplus(z) - (target == 1 ? z : 0))
                                        scores[0] = weight * (sigmoid(z) - Double(target))
                                    } else {
                                        let top = scores.max()!
                                        let targetScore = scores[target]
                                        var sum = 0.0
                                        for output in 0..<outputs {
                                            scores[output] = exp(scores[output] - top)
                                            sum += scores[output]
                                        }
                                        loss += weight * (log(sum) + top - targetScore)
                                        for output in 0..<outputs {
                                            scores[output] = weight * (scores[output] / sum - (output == target ? 1 : 0))
                                        }
                                    }
                                    for position in span {
                                        let column = Int(columns[position])
                                        let value = values[position] * scale[column]
                                        let base = column * outputs
                                        for output in 0..<outputs { gradient[base + output] += value * scores[output] }
                                    }
                                    for output in 0..<outputs { gradient[width * outputs + output] += scores[output] }
                                }
                            }
                        }
                    }
                }
            }
            return (loss, gradient)
        }
    }
}
