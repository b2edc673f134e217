import TurfCore

/// Stratified k-fold cross-validation.
public enum CrossValidation {
    /// The fold of each row: rows with the same label set are shuffled (seeded) and dealt
    /// round-robin, so every fold gets each label combination in proportion.
    /// - Complexity: O(rows log rows)
    public static func stratifiedFolds(targets: [[Int]], folds: Int, seed: UInt64) -> [Int] {
        var groups: [[Int]: [Int]] = [:]
        for (row, labels) in targets.enumerated() { groups[labels, default: []].append(row) }
        var generator = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: targets.count)
        var next = 0
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            var rows = groups[key]!
            if rows.count > 1 {
                for index in stride(from: rows.count - 1, to: 0, by: -1) {
                    let other = Int(generator.next() % UInt64(index + 1))
                    rows.swapAt(index, other)
                }
            }
            for row in rows {
                assignment[row] = next
                next = (next + 1) % folds
            }
        }
        return assignment
    }

    /// Out-of-fold scores (logits) of every row: each fold's rows are scored by a model fitted on
    /// the other folds. Folds are fitted in parallel.
    public static func outOfFoldScores(_ set: TrainingSet, algorithm: Algorithm, hyper: Hyperparameters,
                                       folds: Int, seed: UInt64) -> [[Double]] {
        run(set, algorithm: algorithm, hyper: hyper, folds: folds, seed: seed, fitAll: false).scores
    }

    /// Out-of-fold scores as `outOfFoldScores`, and the model fitted on every row, fitted beside
    /// the folds: when the settings are fixed the final fit need not wait for cross-validation,
    /// and six fits share two cores better than five followed by one.
    public static func outOfFoldScoresAndFit(_ set: TrainingSet, algorithm: Algorithm, hyper: Hyperparameters,
                                             folds: Int, seed: UInt64) -> (scores: [[Double]], model: LinearWeights) {
        let result = run(set, algorithm: algorithm, hyper: hyper, folds: folds, seed: seed, fitAll: true)
        return (result.scores, result.model!)
    }

    /// One parallel loop over the folds and, with `fitAll`, a first task fitting every row.
    private static func run(_ set: TrainingSet, algorithm: Algorithm, hyper: Hyperparameters, folds: Int, seed: UInt64,
                            fitAll: Bool) -> (scores: [[Double]], model: LinearWeights?) {
        let assignment = stratifiedFolds(targets: set.targets, folds: folds, seed: seed)
        let extra = fitAll ? 1 : 0
        let parts: [FoldOutcome] = concurrentMap(folds + extra) { task in
            guard task >= extra else { return .model(Trainer.fit(set, algorithm: algorithm, hyper: hyper)) }
            let fold = task - extra
            let training = (0..<set.count).filter { assignment[$0] != fold }
            let held = (0..<set.count).filter { assignment[$0] == fold }
            guard !training.isEmpty, !held.isEmpty else { return .scored([]) }
            let model = Trainer.fit(set.subset(training), algorithm: algorithm, hyper: hyper)
            return .scored(held.map { row in (row, model.scores(set.vector(row))) })
        }
        var out = [[Double]](repeating: [], count: set.count)
        var model: LinearWeights?
        for part in parts {
            switch part {
            case .model(let fitted): model = fitted
            case .scored(let rows): for (row, scores) in rows { out[row] = scores }
            }
        }
        return (out, model)
    }
}

/// One task of a cross-validation loop.
private enum FoldOutcome {
    /// A held-out fold's rows with their scores.
    case scored([(Int, [Double])])
    /// The model fitted on every row.
    case model(LinearWeights)
}
