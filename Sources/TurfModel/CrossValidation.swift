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
        let assignment = stratifiedFolds(targets: set.targets, folds: folds, seed: seed)
        let perFold = ParallelSlots<[(Int, [Double])]>.map(folds) { fold in
            let training = (0..<set.count).filter { assignment[$0] != fold }
            let held = (0..<set.count).filter { assignment[$0] == fold }
            guard !training.isEmpty, !held.isEmpty else { return [] }
            let model = Trainer.fit(set.subset(training), algorithm: algorithm, hyper: hyper)
            return held.map { row in (row, model.scores(set.vector(row))) }
        }
        var out = [[Double]](repeating: [], count: set.count)
        for fold in perFold { for (row, scores) in fold { out[row] = scores } }
        return out
    }
}
