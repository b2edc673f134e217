import Foundation
import Testing
import TurfCore
import TurfText
@testable import TurfModel

@Suite struct LogisticRegressionTests {
    /// A noisy three-class problem over 40 features, deterministic.
    static func synthetic(rows: Int = 300, classes: Int = 3, multiLabel: Bool = false) throws -> TrainingSet {
        var generator = SplitMix64(seed: 7)
        var vectors: [SparseVector] = []
        var labels: [[String]] = []
        for row in 0..<rows {
            let label = row % classes
            var features = Set<UInt32>()
            for _ in 0..<6 { features.insert(UInt32(label * 10) + UInt32(generator.next() % 14)) }
            for _ in 0..<3 { features.insert(UInt32(generator.next() % 40)) }
            let sorted = features.sorted()
            vectors.append(SparseVector(indices: sorted, values: sorted.map { Float(1 + $0 % 3) }))
            if multiLabel {
                labels.append(row % 5 == 0 ? [] : (row % 7 == 0 ? ["c\(label)", "c\((label + 1) % classes)"] : ["c\(label)"]))
            } else {
                labels.append(["c\(label)"])
            }
        }
        return try TrainingSet(vectors: vectors, labels: labels, dimension: 64)
    }

    @Test func softmaxSolutionHasAVanishingGradient() throws {
        let set = try Self.synthetic()
        let matrix = CompactMatrix(set)
        let problem = LogisticRegression.Problem(matrix: matrix, targets: set.classes.map(Int32.init),
                                                 rowWeights: [Double](repeating: 1, count: set.count),
                                                 scale: [Double](repeating: 1, count: matrix.width), outputs: 3, c: 1)
        var gradient = [Double](repeating: 0, count: problem.size)
        _ = problem.evaluate([Double](repeating: 0, count: problem.size), gradient: &gradient)
        #expect(maxMagnitude(gradient) > 1)
        let solution = problem.solve(Hyperparameters(tolerance: 1e-8))
        _ = problem.evaluate(solution, gradient: &gradient)
        // scikit-learn's meaning of tol: the gradient of the objective divided by C·n.
        #expect(maxMagnitude(gradient) <= 1e-8 * Double(set.count))
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        let set = try Self.synthetic(rows: 60)
        let matrix = CompactMatrix(set)
        for outputs in [1, 3] {
            let targets = outputs == 1 ? set.classes.map { Int32($0 == 0 ? 1 : 0) } : set.classes.map(Int32.init)
            let problem = LogisticRegression.Problem(matrix: matrix, targets: targets,
                                                     rowWeights: (0..<set.count).map { 1 + Double($0 % 3) },
                                                     scale: (0..<matrix.width).map { 0.5 + Double($0 % 4) }, outputs: outputs, c: 0.7)
            var generator = SplitMix64(seed: 3)
            let x = (0..<problem.size).map { _ in Double(generator.next() % 1000) / 1000 - 0.5 }
            var gradient = [Double](repeating: 0, count: problem.size)
            _ = problem.evaluate(x, gradient: &gradient)
            var scratch = gradient
            for index in stride(from: 0, to: problem.size, by: 7) {
                var up = x, down = x
                up[index] += 1e-6
                down[index] -= 1e-6
                let numeric = (problem.evaluate(up, gradient: &scratch) - problem.evaluate(down, gradient: &scratch)) / 2e-6
                #expect(abs(numeric - gradient[index]) < 1e-5 * max(1, abs(numeric)))
            }
        }
    }

    @Test func learnsTheSyntheticClasses() throws {
        let set = try Self.synthetic()
        for algorithm in Algorithm.allCases where algorithm != .ens {  // ens needs two views: EnsembleTests
            let model = Trainer.fit(set, algorithm: algorithm, hyper: Hyperparameters())
            var correct = 0
            for row in 0..<set.count {
                let probabilities = LinearWeights.probabilities(model.scores(set.vector(row)), link: model.link)
                if Decision.labels(probabilities: probabilities, thresholds: [], multiClass: true) == set.targets[row] { correct += 1 }
            }
            #expect(Double(correct) / Double(set.count) > 0.9, "\(algorithm)")
        }
    }

    @Test func fitsAreDeterministic() throws {
        let set = try Self.synthetic(multiLabel: true)
        for algorithm in Algorithm.allCases {
            let first = Trainer.fit(set, algorithm: algorithm, hyper: Hyperparameters(balanced: true))
            let second = Trainer.fit(set, algorithm: algorithm, hyper: Hyperparameters(balanced: true))
            #expect(first == second, "\(algorithm)")
        }
    }

    @Test func unseenFeaturesGetNoLRWeight() throws {
        let set = try Self.synthetic()
        let model = Trainer.fit(set, algorithm: .lr, hyper: Hyperparameters())
        for feature in 40..<64 { #expect(model.weights[feature * 3..<feature * 3 + 3].allSatisfy { $0 == 0 }) }
    }
}

@Suite struct LBFGSStoppingTests {
    /// A bug seen on 1M posts: `tol · C · n` exceeded the starting gradient and the solver
    /// returned the zero vector, a model predicting one class for everything.
    @Test func aLooseToleranceStillMovesOffTheStart() throws {
        let set = try LogisticRegressionTests.synthetic()
        let model = Trainer.fit(set, algorithm: .lr, hyper: Hyperparameters(tolerance: 10))
        #expect(model.weights.contains { $0 != 0 })
        var correct = 0
        for row in 0..<set.count {
            let probabilities = LinearWeights.probabilities(model.scores(set.vector(row)), link: model.link)
            if Decision.labels(probabilities: probabilities, thresholds: [], multiClass: true) == set.targets[row] { correct += 1 }
        }
        #expect(Double(correct) / Double(set.count) > 0.8)
    }
}
