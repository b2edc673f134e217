import Testing
@testable import TurfModel

@Suite struct EvaluationTests {
    @Test func multiClassFiguresAndFAvg() {
        // Labels: AGAINST 0, FAVOR 1, NONE 2.
        let gold = [[0], [0], [1], [1], [2], [2]]
        let predicted = [[0], [1], [1], [1], [0], [2]]
        let report = EvaluationReport(gold: gold, predicted: predicted, labelNames: ["AGAINST", "FAVOR", "NONE"], multiClass: true)
        #expect(report.labels.map(\.support) == [2, 2, 2])
        #expect(report.labels[0].precision == 0.5 && report.labels[0].recall == 0.5)
        #expect(report.labels[1].precision == 2.0 / 3 && report.labels[1].recall == 1)
        #expect(abs(report.labels[1].f1 - 0.8) < 1e-12)
        #expect(abs(report.fAvg! - 0.65) < 1e-12)
        #expect(abs(report.microF1 - 4.0 / 6) < 1e-12)
        #expect(report.confusion! == [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
        #expect(report.text.contains("F_avg (FAVOR, AGAINST) 65.00"))
    }

    @Test func multiLabelHasNoConfusionAndPoolsMicroF1() {
        let report = EvaluationReport(gold: [[0, 1], [], [1]], predicted: [[0], [1], [1]], labelNames: ["a", "b"], multiClass: false)
        #expect(report.confusion == nil)
        #expect(report.fAvg == nil)
        // TP 2, predicted 3, support 3.
        #expect(abs(report.microF1 - 4.0 / 6) < 1e-12)
        #expect(abs(report.exactMatch - 1.0 / 3) < 1e-12)
    }

    @Test func thresholdMaximisesF1() {
        let threshold = Decision.bestThreshold(probabilities: [0.9, 0.8, 0.3, 0.2, 0.1], truth: [true, true, false, true, false])
        // Cutting after 0.8 gives F1 0.8; after 0.2 gives 6/7 ≈ 0.857, the best: midpoint of 0.2 and 0.1.
        #expect(abs(threshold - 0.15) < 1e-12)
        #expect(Decision.bestThreshold(probabilities: [0.4, 0.6], truth: [false, false]) == 0.5)
        #expect(Decision.labels(probabilities: [0.2, 0.7, 0.1], thresholds: [], multiClass: true) == [1])
        #expect(Decision.labels(probabilities: [0.2, 0.7, 0.1], thresholds: [0.1, 0.8, 0.1], multiClass: false) == [0, 2])
    }

    @Test func foldsAreStratifiedAndSeeded() {
        let targets = (0..<100).map { [$0 < 80 ? 0 : 1] }
        let folds = CrossValidation.stratifiedFolds(targets: targets, folds: 5, seed: 9)
        for fold in 0..<5 {
            let rows = folds.indices.filter { folds[$0] == fold }
            #expect(rows.count == 20)
            #expect(rows.filter { $0 >= 80 }.count == 4)
        }
        #expect(folds == CrossValidation.stratifiedFolds(targets: targets, folds: 5, seed: 9))
        #expect(folds != CrossValidation.stratifiedFolds(targets: targets, folds: 5, seed: 10))
    }

    @Test func trainingTunesMultiLabelThresholdsAndSearches() throws {
        let set = try LogisticRegressionTests.synthetic(multiLabel: true)
        let outcome = try Trainer.train(set, options: TrainingOptions(algorithm: .nb, folds: 3, search: true))
        #expect(outcome.searched.count == 8)
        #expect(outcome.thresholds.count == 3)
        #expect(outcome.thresholds != [0.5, 0.5, 0.5])
        #expect(outcome.crossValidation!.macroF1 > 0.5)
        #expect(throws: TrainingError.self) { try Trainer.train(set, options: TrainingOptions(algorithm: .lr, folds: 1000)) }
    }
}
