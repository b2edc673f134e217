import Testing
import TurfCore
import TurfText
@testable import TurfModel

/// The preconditioned L-BFGS solver and the gradient pass behind it: same optimum as the plain
/// solver, every SIMD width of the pass, several row blocks, degenerate data, determinism.
@Suite struct SolverTests {
    /// `rows` rows over `features` features in `classes` classes; each class prefers its own band
    /// of features. Deterministic.
    static func problemSet(rows: Int, features: Int, classes: Int, seed: UInt64 = 5) throws -> TrainingSet {
        var generator = SplitMix64(seed: seed)
        var vectors: [SparseVector] = []
        var labels: [[String]] = []
        for row in 0..<rows {
            let label = row % classes
            var chosen = Set<UInt32>()
            let band = max(1, features / classes)
            for _ in 0..<5 { chosen.insert(UInt32(label * band) + UInt32(generator.next() % UInt64(band))) }
            for _ in 0..<4 { chosen.insert(UInt32(generator.next() % UInt64(features))) }
            let sorted = chosen.sorted()
            vectors.append(SparseVector(indices: sorted, values: sorted.map { Float(1 + $0 % 4) / 4 }))
            labels.append(["c\(label)"])
        }
        return try TrainingSet(vectors: vectors, labels: labels, dimension: features + 8)
    }

    /// A multi-class problem over `set`, optionally with uneven row weights.
    static func problem(_ set: TrainingSet, weighted: Bool = false, c: Double = 1) -> LogisticRegression.Problem {
        let matrix = CompactMatrix(set)
        return LogisticRegression.Problem(
            matrix: matrix, targets: set.classes.map(Int32.init),
            rowWeights: (0..<set.count).map { weighted ? 0.5 + Double($0 % 3) : 1 },
            scale: [Double](repeating: 1, count: matrix.width), outputs: set.labelNames.count, c: c)
    }

    /// The same problem as one binary log-loss (class 0 against the rest).
    static func binaryProblem(_ set: TrainingSet, weighted: Bool = false, c: Double = 1) -> LogisticRegression.Problem {
        let matrix = CompactMatrix(set)
        return LogisticRegression.Problem(
            matrix: matrix, targets: set.classes.map { Int32($0 == 0 ? 1 : 0) },
            rowWeights: (0..<set.count).map { weighted ? 0.5 + Double($0 % 3) : 1 },
            scale: [Double](repeating: 1, count: matrix.width), outputs: 1, c: c)
    }

    /// The objective at the plain (identity-scaled) L-BFGS solution, solved very tightly.
    static func plainOptimum(_ problem: LogisticRegression.Problem) -> Double {
        let solver = LBFGS(tolerance: 1e-10, maxIterations: 20000)
        return solver.minimize(start: [Double](repeating: 0, count: problem.size)) { x, gradient in
            problem.evaluate(x, gradient: &gradient)
        }.value
    }

    static func objective(_ problem: LogisticRegression.Problem, _ x: [Double]) -> (Double, [Double]) {
        var gradient = [Double](repeating: 0, count: problem.size)
        let value = problem.evaluate(x, gradient: &gradient)
        return (value, gradient)
    }

    @Test(arguments: [(300, 40), (30, 400)])
    func reachesThePlainSolversOptimum(rows: Int, features: Int) throws {
        // Tall data takes the full diagonal, wide data its square root: both must land on the optimum.
        let set = try Self.problemSet(rows: rows, features: features, classes: 3)
        for weighted in [false, true] {
            for problem in [Self.problem(set, weighted: weighted, c: 2), Self.binaryProblem(set, weighted: weighted, c: 2)] {
                let solution = problem.solve(Hyperparameters(c: 2, tolerance: 1e-8, maxIterations: 5000))
                let (value, gradient) = Self.objective(problem, solution)
                let reference = Self.plainOptimum(problem)
                #expect(abs(value - reference) <= 1e-9 * abs(reference), "\(rows)x\(features) outputs \(problem.outputs)")
                let scale = 2 * problem.rowWeights.reduce(0, +)
                #expect(maxMagnitude(gradient) <= 1e-8 * scale)
            }
        }
    }

    @Test func preconditionerIsTheInverseDiagonalOrItsRoot() throws {
        // Tall: 3 rows over 2 columns; column values 1 and 2, both in every row; two classes.
        let tall = try TrainingSet(vectors: [SparseVector(indices: [0, 1], values: [1, 2]),
                                             SparseVector(indices: [0, 1], values: [1, 2]),
                                             SparseVector(indices: [0, 1], values: [1, 2])],
                                   labels: [["a"], ["b"], ["a"]], dimension: 4)
        let diagonal = Self.problem(tall).preconditioner()
        // h = 1/4, C = 1; both columns occur in every row, so they keep feature order.
        let first: Double = 1 / (1 + 0.25 * 3)
        let second: Double = 1 / (1 + 0.25 * 12)
        let bias: Double = 1 / 0.75
        #expect(diagonal == [first, first, second, second, bias, bias])
        // Wide: 2 rows over 3 columns: square roots.
        let wide = try TrainingSet(vectors: [SparseVector(indices: [0, 1, 2], values: [1, 1, 1]),
                                             SparseVector(indices: [0], values: [2])],
                                   labels: [["a"], ["b"]], dimension: 4)
        let root = Self.binaryProblem(wide).preconditioner()
        let frequent: Double = 1 / (1 + 0.25 * 5).squareRoot()
        let rare: Double = 1 / (1 + 0.25).squareRoot()
        let rootBias: Double = 1 / (0.25 * 2).squareRoot()
        #expect(root == [frequent, rare, rare, rootBias])
    }

    @Test(arguments: [1, 2, 3, 5, 9, 17])
    func gradientMatchesFiniteDifferencesAtEveryWidth(outputs: Int) throws {
        // 1: binary; 2, 3, 5, 9: SIMD2/4/8/16 passes; 17: the pass for more classes than a register holds.
        let set = try Self.problemSet(rows: 3 * max(outputs, 2) + 10, features: 60, classes: max(outputs, 2))
        let problem = outputs == 1 ? Self.binaryProblem(set, weighted: true, c: 0.7) : Self.problem(set, weighted: true, c: 0.7)
        var generator = SplitMix64(seed: 9)
        let x = (0..<problem.size).map { _ in Double(generator.next() % 1000) / 1000 - 0.5 }
        let (_, gradient) = Self.objective(problem, x)
        for index in stride(from: 0, to: problem.size, by: max(1, problem.size / 40)) {
            var up = x, down = x
            up[index] += 1e-6
            down[index] -= 1e-6
            let numeric = (Self.objective(problem, up).0 - Self.objective(problem, down).0) / 2e-6
            #expect(abs(numeric - gradient[index]) < 1e-5 * max(1, abs(numeric)), "outputs \(outputs) index \(index)")
        }
    }

    @Test func blockCountDependsOnTheDataOnly() {
        #expect(LogisticRegression.blocks(entries: 0) == 1)
        #expect(LogisticRegression.blocks(entries: 999_999) == 1)
        #expect(LogisticRegression.blocks(entries: 2_500_000) == 2)
        #expect(LogisticRegression.blocks(entries: 25_000_000) == 4)
        // Buffers stay within 512 MB: 3 classes at 2^20 columns (stride 8), 9-16 (stride 32), 17 (stride 34).
        #expect(LogisticRegression.blocks(entries: 25_000_000, bytesPerBlock: (1 << 20) * 8 * 8) == 4)
        #expect(LogisticRegression.blocks(entries: 25_000_000, bytesPerBlock: (1 << 20) * 32 * 8) == 2)
        #expect(LogisticRegression.blocks(entries: 25_000_000, bytesPerBlock: (1 << 20) * 34 * 8) == 1)
        #expect(LogisticRegression.blocks(entries: 0, bytesPerBlock: 1 << 40) == 1)
    }

    @Test func strideIsPaddedOnlyWhereASIMDRegisterHoldsTheScores() throws {
        let strides = try [1, 3, 5, 16, 17, 40].map { classes -> Int in
            let set = try Self.problemSet(rows: 2 * max(classes, 2), features: 50, classes: max(classes, 2))
            return classes == 1 ? Self.binaryProblem(set).stride : Self.problem(set).stride
        }
        #expect(strides == [2, 8, 16, 32, 34, 80])
    }

    @Test func severalBlocksGiveTheSameObjective() throws {
        let set = try Self.problemSet(rows: 101, features: 50, classes: 3)
        let problem = Self.problem(set, weighted: true)
        var generator = SplitMix64(seed: 4)
        let x = (0..<problem.size).map { _ in Double(generator.next() % 1000) / 500 - 1 }
        var one = [Double](repeating: 0, count: problem.size)
        var three = one
        let single = problem.evaluate(x, gradient: &one, buffers: BlockBuffers(blocks: 1, size: problem.matrix.width * problem.stride))
        let split = problem.evaluate(x, gradient: &three, buffers: BlockBuffers(blocks: 3, size: problem.matrix.width * problem.stride))
        #expect(abs(single - split) <= 1e-12 * abs(single))
        for index in 0..<problem.size { #expect(abs(one[index] - three[index]) <= 1e-10 * max(1, abs(one[index]))) }
    }

    @Test func emptyRowsAndUnusedClassesStillConverge() throws {
        // Rows without features, and a class whose rows are all empty: only its bias can fit it.
        let set = try TrainingSet(vectors: [SparseVector(indices: [1], values: [1]), SparseVector(indices: [], values: []),
                                            SparseVector(indices: [2], values: [1]), SparseVector(indices: [], values: []),
                                            SparseVector(indices: [1, 2], values: [0.5, 0.5])],
                                  labels: [["a"], ["c"], ["b"], ["c"], ["a"]], dimension: 8)
        let problem = Self.problem(set)
        let solution = problem.solve(Hyperparameters(tolerance: 1e-8))
        let (value, gradient) = Self.objective(problem, solution)
        #expect(value.isFinite)
        #expect(maxMagnitude(gradient) <= 1e-8 * 5)
        #expect(abs(value - Self.plainOptimum(problem)) <= 1e-9 * value)
        // Class c has the largest bias: every empty row is c.
        let bias = Array(solution[(problem.matrix.width * 3)...])
        #expect(bias[2] > bias[0] && bias[2] > bias[1])
    }

    @Test func solutionsAreBitForBitRepeatable() throws {
        let set = try Self.problemSet(rows: 200, features: 80, classes: 3)
        for problem in [Self.problem(set, weighted: true), Self.binaryProblem(set, weighted: true)] {
            let first = problem.solve(Hyperparameters(tolerance: 1e-6))
            let second = problem.solve(Hyperparameters(tolerance: 1e-6))
            #expect(first == second)
        }
    }

    @Test func columnsAreNumberedByFrequencyThenFeature() throws {
        let set = try TrainingSet(vectors: [SparseVector(indices: [3, 7], values: [1, 1]), SparseVector(indices: [5, 7], values: [1, 1]),
                                            SparseVector(indices: [2, 5, 7], values: [1, 1, 1])],
                                  labels: [["a"], ["b"], ["a"]], dimension: 8)
        let matrix = CompactMatrix(set)
        #expect(matrix.originalFeature == [7, 5, 2, 3])
        #expect(matrix.columns == [3, 0, 1, 0, 2, 1, 0])
    }

    @Test func rowsWithoutAnyFeatureGiveABiasOnlyModel() throws {
        // No column at all: the solver sees biases only, which fit the class frequencies.
        let empty = SparseVector(indices: [], values: [])
        let set = try TrainingSet(vectors: [empty, empty, empty, empty], labels: [["a"], ["b"], ["b"], ["b"]], dimension: 8)
        let model = Trainer.fit(set, algorithm: .lr, hyper: Hyperparameters(tolerance: 1e-10))
        #expect(model.weights.allSatisfy { $0 == 0 })
        let probabilities = LinearWeights.probabilities(model.bias, link: .softmax)
        #expect(abs(probabilities[0] - 0.25) < 1e-6)
        #expect(abs(probabilities[1] - 0.75) < 1e-6)
    }
}
