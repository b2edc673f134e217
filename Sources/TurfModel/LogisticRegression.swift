#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import TurfCore

/// L2-regularised logistic regression solved to the optimum with L-BFGS.
///
/// The objective is scikit-learn's (`lbfgs` solver, intercept not penalised):
/// `C · Σ_i s_i · loss_i + ½‖W‖²`, where `loss_i` is the softmax cross-entropy for multi-class
/// data and the binary log-loss for each label of multi-label data, and `s_i` the row weight.
enum LogisticRegression {
    /// Row blocks a gradient pass is split into: one per million stored entries, at most four.
    /// It depends on the data only (not the core count), so that the sums, and therefore the
    /// model bytes, are the same on every machine; small problems stay in one block, where
    /// splitting would cost more in per-block buffers than the pass itself.
    static func blocks(entries: Int) -> Int { min(4, max(1, entries / 1_000_000)) }

    /// The most bytes a gradient pass's per-block buffers may take together (512 MB): three
    /// classes over 2^20 buckets fit four blocks (256 MB); 17 classes get one block (285 MB).
    static let bufferBudget = 512 << 20

    /// `blocks(entries:)`, reduced so that the blocks' buffers of `bytesPerBlock` each stay
    /// within `bufferBudget` (at least one block).
    static func blocks(entries: Int, bytesPerBlock: Int) -> Int {
        min(blocks(entries: entries), max(1, bufferBudget / max(1, bytesPerBlock)))
    }

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
        let columns = concurrentMap(count) { label in
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
            let buffers = workspace()
            return solver.minimize(start: [Double](repeating: 0, count: size), preconditioner: preconditioner()) { x, gradient in
                evaluate(x, gradient: &gradient, buffers: buffers)
            }.x
        }

        /// The L-BFGS preconditioner: the inverse of the objective's Hessian diagonal at the start
        /// (all probabilities equal), `1 + h · C Σ_i s_i x_ij²` for weights and `h · C Σ_i s_i`
        /// for biases with `h = p(1 − p)` at `p = 1/classes`, or its square root when the
        /// columns outnumber the rows.
        ///
        /// Features differ in frequency by orders of magnitude, so their curvatures do too; with
        /// more rows than columns each feature's curvature comes mostly from its own data, and
        /// scaling by the diagonal cut L-BFGS from hundreds of passes to 16 on 1M posts (the
        /// square root: 54). With far more columns than rows (a few hundred tweets, character
        /// n-grams) the Hessian is the identity plus a low-rank term of correlated columns, and
        /// the full diagonal over-weights frequent features: on TweetEval it took 62-76
        /// iterations a fit, its square root 25-41, none 34-52.
        /// - Complexity: O(stored entries + size)
        func preconditioner() -> [Double] {
            let width = matrix.width
            let classes = outputs == 1 ? 2.0 : Double(outputs)
            let curvature = (1 / classes) * (1 - 1 / classes)
            var squares = [Double](repeating: 0, count: width)
            var weightSum = 0.0
            for row in 0..<matrix.rows {
                let weight = rowWeights[row]
                weightSum += weight
                for position in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                    let column = Int(matrix.columns[position])
                    let value = Double(matrix.values[position]) * scale[column]
                    squares[column] += weight * value * value
                }
            }
            let root = width > matrix.rows
            var inverse = [Double](repeating: 0, count: size)
            for column in 0..<width {
                let diagonal = 1 + curvature * c * squares[column]
                for output in 0..<outputs { inverse[column * outputs + output] = 1 / (root ? diagonal.squareRoot() : diagonal) }
            }
            let biasCurvature = curvature * c * weightSum
            let bias = biasCurvature > 0 ? 1 / (root ? biasCurvature.squareRoot() : biasCurvature) : 1
            for output in 0..<outputs { inverse[width * outputs + output] = bias }
            return inverse
        }

        /// Doubles per column in a block buffer: the column's weights, padded to a power of two
        /// (the SIMD width of the pass) for up to 16 outputs, then as many for its partial
        /// gradient. A column never straddles two cache lines (for up to four outputs). Above 16
        /// outputs the pass keeps scores in memory and needs no padding.
        var stride: Int {
            guard outputs <= 16 else { return 2 * outputs }
            var lanes = 1
            while lanes < outputs { lanes *= 2 }
            return 2 * lanes
        }

        /// Buffers for `evaluate`, reusable across calls: one per row block, but no more than
        /// `LogisticRegression.bufferBudget` bytes in all, so many classes over a large hash
        /// space trade parallelism for memory. The count depends on the data and settings only.
        func workspace() -> BlockBuffers {
            let size = matrix.width * stride
            return BlockBuffers(blocks: LogisticRegression.blocks(entries: matrix.columns.count, bytesPerBlock: size * 8), size: size)
        }

        /// The objective at `x`, writing its gradient.
        /// - Complexity: O(stored entries × outputs), split over `LogisticRegression.blocks` blocks in parallel.
        func evaluate(_ x: [Double], gradient: inout [Double]) -> Double {
            evaluate(x, gradient: &gradient, buffers: workspace())
        }

        /// The objective at `x`, writing its gradient, with per-block copies of the weights and
        /// partial gradients in `buffers` (from `workspace()`).
        ///
        /// Each block works on its own interleaved copy, a column's weights and gradient in one
        /// cache line: the scatter of a row's gradient then hits the lines its scoring just read
        /// (on 1M posts with hashed bigrams: 0.78 → 0.58 s CPU a pass).
        func evaluate(_ x: [Double], gradient: inout [Double], buffers: BlockBuffers) -> Double {
            let blocks = buffers.blocks
            let rows = matrix.rows
            let parts = x.withUnsafeBufferPointer { x in
                let shared = UnsafeSendable(x)
                return concurrentMap(blocks) { block in
                    partial(shared.value, rows: (rows * block / blocks)..<(rows * (block + 1) / blocks), buffer: buffers.block(block))
                }
            }
            let width = matrix.width
            let outputs = self.outputs
            let stride = self.stride
            var value = 0.0
            for part in parts { value += part.loss }
            var penalty = 0.0
            gradient.withUnsafeMutableBufferPointer { gradient in
                x.withUnsafeBufferPointer { x in
                    let gradientOffset = stride / 2
                    for column in 0..<width {
                        for output in 0..<outputs {
                            var sum = 0.0
                            for block in 0..<blocks { sum += buffers.block(block)[column * stride + gradientOffset + output] }
                            let index = column * outputs + output
                            penalty += x[index] * x[index]
                            gradient[index] = sum + x[index]
                        }
                    }
                    for output in 0..<outputs {
                        var sum = 0.0
                        for part in parts { sum += part.bias[output] }
                        gradient[width * outputs + output] = sum
                    }
                }
            }
            return value + 0.5 * penalty
        }

        /// C-scaled loss over some rows and the gradient of their biases; their weight gradient
        /// goes to `buffer`, interleaved with a copy of the weights (see `stride`).
        private func partial(_ x: UnsafeBufferPointer<Double>, rows: Range<Int>,
                             buffer: UnsafeMutableBufferPointer<Double>) -> (loss: Double, bias: [Double]) {
            let outputs = self.outputs
            let stride = self.stride
            for column in 0..<matrix.width {
                for slot in 0..<stride { buffer[column &* stride &+ slot] = slot < outputs ? x[column &* outputs &+ slot] : 0 }
            }
            let bias = Array(x[(matrix.width * outputs)...])
            return matrix.rowStart.withUnsafeBufferPointer { rowStart in
                matrix.columns.withUnsafeBufferPointer { columns in
                    matrix.values.withUnsafeBufferPointer { values in
                        scale.withUnsafeBufferPointer { scale in
                            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
                            // Plain LR scales by ones: a pass without the per-entry factor lookup
                            // reads 8 bytes less at a random place per stored entry, same sums.
                            if scale.allSatisfy({ $0 == 1 }) {
                                return run(Pass(rowStart: rowStart, columns: columns, values: values, scale: UnitScale(),
                                                buffer: raw, stride: stride), rows: rows, bias: bias)
                            }
                            return run(Pass(rowStart: rowStart, columns: columns, values: values, scale: ColumnFactors(factors: scale),
                                            buffer: raw, stride: stride), rows: rows, bias: bias)
                        }
                    }
                }
            }
        }

        /// The pass for this problem's number of outputs.
        private func run<S: ColumnScale>(_ pass: Pass<S>, rows: Range<Int>, bias: [Double]) -> (loss: Double, bias: [Double]) {
            switch outputs {
            case 1: binary(pass, rows: rows, bias: bias[0])
            case 2: softmax(pass, rows: rows, bias: bias, lanes: SIMD2<Double>.self)
            case 3...4: softmax(pass, rows: rows, bias: bias, lanes: SIMD4<Double>.self)
            case 5...8: softmax(pass, rows: rows, bias: bias, lanes: SIMD8<Double>.self)
            case 9...16: softmax(pass, rows: rows, bias: bias, lanes: SIMD16<Double>.self)
            default: softmaxAnyWidth(pass, rows: rows, bias: bias)
            }
        }

        /// The data one block's pass reads, and its interleaved weight/gradient buffer.
        private struct Pass<S: ColumnScale> {
            let rowStart: UnsafeBufferPointer<Int>
            let columns: UnsafeBufferPointer<Int32>
            let values: UnsafeBufferPointer<Float>
            let scale: S
            let buffer: UnsafeMutableRawPointer
            /// Doubles per column in `buffer`.
            let stride: Int
        }

        /// The binary log-loss pass: a column's weight and gradient are two adjacent doubles.
        private func binary<S: ColumnScale>(_ pass: Pass<S>, rows: Range<Int>, bias: Double) -> (loss: Double, bias: [Double]) {
            let weights = pass.buffer.assumingMemoryBound(to: Double.self)
            var loss = 0.0
            var biasGradient = 0.0
            for row in rows {
                let span = pass.rowStart[row]..<pass.rowStart[row + 1]
                var z = bias
                for position in span {
                    let column = Int(pass.columns[position])
                    z += Double(pass.values[position]) * pass.scale(column) * weights[column &* 2]
                }
                let weight = c * rowWeights[row]
                let target = Double(targets[row])
                loss += weight * (softplus(z) - target * z)
                let derivative = weight * (sigmoid(z) - target)
                for position in span {
                    let column = Int(pass.columns[position])
                    weights[column &* 2 &+ 1] += Double(pass.values[position]) * pass.scale(column) * derivative
                }
                biasGradient += derivative
            }
            return (loss, [biasGradient])
        }

        /// The softmax cross-entropy pass with a row's scores in one SIMD register (`V` has at
        /// least `outputs` lanes; the rest stay 0): a column's weights fill the first `V` of its
        /// slot in the buffer, its gradient the second.
        private func softmax<V: SIMD, S: ColumnScale>(_ pass: Pass<S>, rows: Range<Int>, bias: [Double], lanes: V.Type) -> (loss: Double, bias: [Double])
        where V.Scalar == Double {
            let outputs = self.outputs
            let columnBytes = pass.stride &* 8
            let gradientOffset = V.scalarCount &* 8
            var start = V()
            for output in 0..<outputs { start[output] = bias[output] }
            var loss = 0.0
            var biasGradient = V()
            // Rows go in small batches, all scores first: the weight loads of the next rows then
            // overlap (they miss the cache on hashed features) instead of waiting behind this
            // row's exp/log. Sums keep row order, so the result is the same as row by row.
            let batch = 8
            withUnsafeTemporaryAllocation(of: V.self, capacity: batch) { held in
                var first = rows.lowerBound
                while first < rows.upperBound {
                    let end = min(first &+ batch, rows.upperBound)
                    for row in first..<end {
                        var scores = start
                        for position in pass.rowStart[row]..<pass.rowStart[row + 1] {
                            let column = Int(pass.columns[position])
                            let value = Double(pass.values[position]) * pass.scale(column)
                            scores += value * pass.buffer.loadUnaligned(fromByteOffset: column &* columnBytes, as: V.self)
                        }
                        held[row &- first] = scores
                    }
                    for row in first..<end {
                        let scores = held[row &- first]
                        let weight = c * rowWeights[row]
                        let target = Int(targets[row])
                        var top = scores[0]
                        for output in 1..<outputs { top = max(top, scores[output]) }
                        var derivative = V()
                        var sum = 0.0
                        for output in 0..<outputs {
                            derivative[output] = exp(scores[output] - top)
                            sum += derivative[output]
                        }
                        loss += weight * (log(sum) + top - scores[target])
                        for output in 0..<outputs {
                            derivative[output] = weight * (derivative[output] / sum - (output == target ? 1 : 0))
                        }
                        held[row &- first] = derivative
                    }
                    for row in first..<end {
                        let derivative = held[row &- first]
                        for position in pass.rowStart[row]..<pass.rowStart[row + 1] {
                            let column = Int(pass.columns[position])
                            let value = Double(pass.values[position]) * pass.scale(column)
                            let offset = column &* columnBytes &+ gradientOffset
                            pass.buffer.storeBytes(of: pass.buffer.loadUnaligned(fromByteOffset: offset, as: V.self) + value * derivative,
                                                   toByteOffset: offset, as: V.self)
                        }
                        biasGradient += derivative
                    }
                    first = end
                }
            }
            return (loss, (0..<outputs).map { biasGradient[$0] })
        }

        /// The softmax pass for more outputs than a SIMD register holds, scores kept in memory.
        private func softmaxAnyWidth<S: ColumnScale>(_ pass: Pass<S>, rows: Range<Int>, bias: [Double]) -> (loss: Double, bias: [Double]) {
            let outputs = self.outputs
            let buffer = pass.buffer.assumingMemoryBound(to: Double.self)
            let gradientOffset = pass.stride / 2
            var loss = 0.0
            var biasGradient = [Double](repeating: 0, count: outputs)
            var scores = [Double](repeating: 0, count: outputs)
            for row in rows {
                let span = pass.rowStart[row]..<pass.rowStart[row + 1]
                for output in 0..<outputs { scores[output] = bias[output] }
                for position in span {
                    let column = Int(pass.columns[position])
                    let value = Double(pass.values[position]) * pass.scale(column)
                    let base = column &* pass.stride
                    for output in 0..<outputs { scores[output] += value * buffer[base &+ output] }
                }
                let weight = c * rowWeights[row]
                let target = Int(targets[row])
                let top = scores.max()!
                let targetScore = scores[target]
                var sum = 0.0
                for output in 0..<outputs {
                    scores[output] = exp(scores[output] - top)
                    sum += scores[output]
                }
                loss += weight * (log(sum) + top - targetScore)
                for output in 0..<outputs { scores[output] = weight * (scores[output] / sum - (output == target ? 1 : 0)) }
                for position in span {
                    let column = Int(pass.columns[position])
                    let value = Double(pass.values[position]) * pass.scale(column)
                    let base = column &* pass.stride &+ gradientOffset
                    for output in 0..<outputs { buffer[base &+ output] += value * scores[output] }
                }
                for output in 0..<outputs { biasGradient[output] += scores[output] }
            }
            return (loss, biasGradient)
        }
    }
}

/// How a gradient pass scales a column's values: NB-LR by its log-count ratios, plain LR not at all.
protocol ColumnScale {
    /// The factor of `column`.
    func callAsFunction(_ column: Int) -> Double
}

/// No scaling: every factor is 1, which the compiler folds away.
struct UnitScale: ColumnScale {
    @inline(__always) func callAsFunction(_ column: Int) -> Double { 1 }
}

/// One factor per column.
struct ColumnFactors: ColumnScale {
    let factors: UnsafeBufferPointer<Double>
    @inline(__always) func callAsFunction(_ column: Int) -> Double { factors[column] }
}

/// A pointer (or buffer) handed to parallel workers that outlive no scope it came from; each
/// worker reads it, or writes only its own disjoint part.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
