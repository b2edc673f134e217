import Foundation
import Testing
import TurfText
@testable import TurfModel

@Suite struct NaiveBayesTests {
    /// Two classes over three features: class A = [2, 0, 0], class B = [0, 1, 1].
    private func tiny() throws -> TrainingSet {
        try TrainingSet(vectors: [SparseVector(indices: [0], values: [2]), SparseVector(indices: [1, 2], values: [1, 1])],
                        labels: [["A"], ["B"]], dimension: 3)
    }

    @Test func multinomialMatchesHandComputedLogProbabilities() throws {
        let model = Trainer.fit(try tiny(), algorithm: .nb, hyper: Hyperparameters(alpha: 1))
        // Class A: (counts + 1) / 5 = [0.6, 0.2, 0.2]; class B: [1, 2, 2] / 5.
        #expect(model.link == .softmax)
        let expected = [log(0.6), log(0.2), log(0.2), log(0.4), log(0.2), log(0.4)]
        for (got, want) in zip(model.weights, expected) { #expect(abs(got - want) < 1e-15) }
        #expect(model.bias == [log(0.5), log(0.5)])
    }

    @Test func complementUsesTheOtherClassesCounts() throws {
        let model = Trainer.fit(try tiny(), algorithm: .cnb, hyper: Hyperparameters(alpha: 1))
        // Complement of A is B's counts + 1 = [1, 2, 2] / 5, negated log; complement of B: [3, 1, 1] / 5.
        let expected = [-log(1.0 / 5), -log(3.0 / 5), -log(2.0 / 5), -log(1.0 / 5), -log(2.0 / 5), -log(1.0 / 5)]
        for (got, want) in zip(model.weights, expected) { #expect(abs(got - want) < 1e-15) }
        #expect(model.bias == [0, 0])
    }

    @Test func balancedWeightsEqualiseThePrior() throws {
        let set = try TrainingSet(vectors: [SparseVector(indices: [0], values: [1]), SparseVector(indices: [0], values: [1]),
                                            SparseVector(indices: [1], values: [1])],
                                  labels: [["A"], ["A"], ["B"]], dimension: 2)
        let plain = Trainer.fit(set, algorithm: .nb, hyper: Hyperparameters())
        let balanced = Trainer.fit(set, algorithm: .nb, hyper: Hyperparameters(balanced: true))
        #expect(abs(plain.bias[0] - log(2.0 / 3)) < 1e-15)
        #expect(abs(balanced.bias[0] - balanced.bias[1]) < 1e-15)
    }

    @Test func multiLabelGivesPerLabelLogOdds() throws {
        let set = try TrainingSet(vectors: [SparseVector(indices: [0], values: [1]), SparseVector(indices: [1], values: [1]),
                                            SparseVector(indices: [0, 1], values: [1, 1])],
                                  labels: [["x"], [], ["x", "y"]], dimension: 2)
        #expect(!set.isMultiClass)
        let model = Trainer.fit(set, algorithm: .nb, hyper: Hyperparameters())
        #expect(model.link == .sigmoid)
        // Label x: positives count [2, 1] + 1 → [3, 2] / 5; negatives [0, 1] + 1 → [1, 2] / 3.
        #expect(abs(model.weights[0] - (log(3.0 / 5) - log(1.0 / 3))) < 1e-12)
        #expect(abs(model.bias[0] - (log(2.0 / 3) - log(1.0 / 3))) < 1e-12)
    }

    @Test func emptyAndSingleClassSetsAreRefused() {
        #expect(throws: TrainingError.emptyDataSet) { try TrainingSet(vectors: [], labels: [], dimension: 4) }
        #expect(throws: TrainingError.singleClass("A")) {
            try TrainingSet(vectors: [SparseVector(), SparseVector()], labels: [["A"], ["A"]], dimension: 4)
        }
    }
}
