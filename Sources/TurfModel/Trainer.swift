/// How to train: the algorithm, its settings, cross-validation and search.
public struct TrainingOptions: Sendable {
    /// The algorithm.
    public var algorithm: Algorithm
    /// Its settings (the starting point when `search` is on).
    public var hyperparameters: Hyperparameters
    /// Cross-validation folds; below 2 means no cross-validation (and 0.5 thresholds).
    public var folds: Int
    /// Choose settings from a small grid by cross-validated score (F_avg, else macro F1).
    public var search: Bool
    /// Seed of the fold shuffling; the only randomness in training.
    public var seed: UInt64
    /// Multi-class: add per-class score offsets, tuned on the cross-validated scores, that
    /// maximise the selection metric (F_avg ignores NONE's F1, so the best decision rule is not
    /// the most probable class). The offsets are folded into the bias.
    public var tuneOffsets: Bool

    /// Creates options.
    public init(algorithm: Algorithm, hyperparameters: Hyperparameters = Hyperparameters(), folds: Int = 5,
                search: Bool = false, seed: UInt64 = 1, tuneOffsets: Bool = false) {
        self.algorithm = algorithm
        self.hyperparameters = hyperparameters
        self.folds = folds
        self.search = search
        self.seed = seed
        self.tuneOffsets = tuneOffsets
    }
}

/// What training produced besides the weights.
public struct TrainingOutcome: Sendable {
    /// The fitted scorer.
    public var weights: LinearWeights
    /// Per-label thresholds (tuned by cross-validation for multi-label data, else 0.5).
    public var thresholds: [Double]
    /// The settings used for the final fit (the search winner when searching).
    public var hyperparameters: Hyperparameters
    /// Cross-validated metrics of those settings, when folds ≥ 2.
    public var crossValidation: EvaluationReport?
    /// Every searched setting with its cross-validated selection score, in grid order.
    public var searched: [(Hyperparameters, Double)]
    /// Per-class score offsets added to the bias (all 0 unless `tuneOffsets`).
    public var offsets: [Double]
}

/// Fits stance models to training sets.
public enum Trainer {
    /// Fits one model with fixed settings.
    /// - Complexity: NB: O(entries + labels × dimension). LR and NB-LR: O(entries × labels) per
    ///   L-BFGS iteration, typically tens to a few hundred iterations.
    public static func fit(_ set: TrainingSet, algorithm: Algorithm, hyper: Hyperparameters) -> LinearWeights {
        switch algorithm {
        case .nb: NaiveBayes.fit(set, hyper: hyper, complement: false)
        case .cnb: NaiveBayes.fit(set, hyper: hyper, complement: true)
        case .lr: LogisticRegression.fit(set, hyper: hyper)
        case .nblr: NBLR.fit(set, hyper: hyper)
        case .ens: Ensemble.fit(set, hyper: hyper)
        }
    }

    /// The settings `--search` tries for `algorithm`, derived from `base`.
    public static func searchGrid(_ algorithm: Algorithm, base: Hyperparameters) -> [Hyperparameters] {
        var grid: [Hyperparameters] = []
        for balanced in [false, true] {
            switch algorithm {
            case .nb, .cnb:
                for alpha in [0.03, 0.1, 0.3, 1.0] {
                    var hyper = base; hyper.alpha = alpha; hyper.balanced = balanced; grid.append(hyper)
                }
            case .lr:
                for c in [0.1, 0.3, 1.0, 3.0, 10.0] {
                    var hyper = base; hyper.c = c; hyper.balanced = balanced; grid.append(hyper)
                }
            case .nblr:
                for c in [0.1, 0.3, 1.0, 3.0] {
                    for beta in [0.25, 0.5, 1.0] {
                        var hyper = base; hyper.c = c; hyper.beta = beta; hyper.balanced = balanced; grid.append(hyper)
                    }
                }
            case .ens:
                for c in [1.0, 3.0, 10.0, 30.0] {
                    for nbWeight in [0.5, 1.0, 2.0] {
                        var hyper = base; hyper.c = c; hyper.nbWeight = nbWeight; hyper.balanced = balanced; grid.append(hyper)
                    }
                }
            }
        }
        return grid
    }

    /// Trains with cross-validation, optional search and (multi-label) threshold tuning.
    /// - Throws: `TrainingError` for bad settings or folds larger than the data.
    public static func train(_ set: TrainingSet, options: TrainingOptions) throws -> TrainingOutcome {
        try options.hyperparameters.validate()
        let folds = options.folds
        guard folds < 2 || folds <= set.count else {
            throw TrainingError.invalidSetting("--folds \(folds) exceeds the \(set.count) examples")
        }
        if options.search, folds < 2 { throw TrainingError.invalidSetting("--search needs --folds of at least 2") }
        let candidates = options.search ? searchGrid(options.algorithm, base: options.hyperparameters) : [options.hyperparameters]
        var searched: [(Hyperparameters, Double)] = []
        var best: (hyper: Hyperparameters, report: EvaluationReport?, scores: [[Double]])?
        var prefitted: LinearWeights?
        for hyper in candidates {
            guard folds >= 2 else {
                best = (hyper, nil, [])
                break
            }
            let scores: [[Double]]
            if candidates.count == 1 {
                (scores, prefitted) = CrossValidation.outOfFoldScoresAndFit(set, algorithm: options.algorithm, hyper: hyper,
                                                                             folds: folds, seed: options.seed)
            } else {
                scores = CrossValidation.outOfFoldScores(set, algorithm: options.algorithm, hyper: hyper,
                                                         folds: folds, seed: options.seed)
            }
            let link = linkOf(options.algorithm, set)
            let probabilities = scores.map { LinearWeights.probabilities($0, link: link) }
            let thresholds = tunedThresholds(set, probabilities: probabilities)
            let predicted = probabilities.map {
                Decision.labels(probabilities: $0, thresholds: thresholds, multiClass: set.isMultiClass)
            }
            let report = EvaluationReport(gold: set.targets, predicted: predicted, labelNames: set.labelNames,
                                          multiClass: set.isMultiClass)
            searched.append((hyper, report.selectionScore))
            if best == nil || report.selectionScore > best!.report!.selectionScore {
                best = (hyper, report, scores)
            }
        }
        let chosen = best!
        var weights = prefitted ?? fit(set, algorithm: options.algorithm, hyper: chosen.hyper)
        let link = weights.link
        var offsets = [Double](repeating: 0, count: set.labelNames.count)
        var report = chosen.report
        if options.tuneOffsets, set.isMultiClass, !chosen.scores.isEmpty {
            offsets = tunedOffsets(set, scores: chosen.scores, link: link)
            for label in offsets.indices { weights.bias[label] += offsets[label] }
            let predicted = chosen.scores.map { scores in
                Decision.labels(probabilities: LinearWeights.probabilities(zip(scores, offsets).map { $0 + $1 }, link: link),
                                thresholds: [], multiClass: true)
            }
            report = EvaluationReport(gold: set.targets, predicted: predicted, labelNames: set.labelNames, multiClass: true)
        }
        let thresholds = chosen.scores.isEmpty
            ? [Double](repeating: 0.5, count: set.labelNames.count)
            : tunedThresholds(set, probabilities: chosen.scores.map { LinearWeights.probabilities($0, link: link) })
        return TrainingOutcome(weights: weights, thresholds: thresholds, hyperparameters: chosen.hyper,
                               crossValidation: report, searched: searched, offsets: offsets)
    }

    /// The link a fit of `algorithm` to `set` ends with.
    static func linkOf(_ algorithm: Algorithm, _ set: TrainingSet) -> Link {
        guard set.isMultiClass else { return .sigmoid }
        return algorithm == .nblr ? .normalizedSigmoid : .softmax
    }

    /// Per-class offsets on a grid of 0.1 in [-2, 2], by coordinate ascent (three sweeps, class 0
    /// held at 0), maximising the selection metric of the decisions on cross-validated scores.
    /// - Complexity: O(sweeps × classes × 41 × rows × classes)
    static func tunedOffsets(_ set: TrainingSet, scores: [[Double]], link: Link) -> [Double] {
        let count = set.labelNames.count
        var offsets = [Double](repeating: 0, count: count)
        func score(_ candidate: [Double]) -> Double {
            let predicted = scores.map { row in
                Decision.labels(probabilities: LinearWeights.probabilities(zip(row, candidate).map { $0 + $1 }, link: link),
                                thresholds: [], multiClass: true)
            }
            return EvaluationReport(gold: set.targets, predicted: predicted, labelNames: set.labelNames, multiClass: true).selectionScore
        }
        var best = score(offsets)
        for _ in 0..<3 {
            for label in 1..<count {
                for step in -20...20 {
                    var candidate = offsets
                    candidate[label] = Double(step) / 10
                    let value = score(candidate)
                    if value > best + 1e-12 {
                        best = value
                        offsets = candidate
                    }
                }
            }
        }
        return offsets
    }

    /// Per-label F1-maximising thresholds for multi-label data; 0.5 each for multi-class data
    /// (whose decision is the top label).
    static func tunedThresholds(_ set: TrainingSet, probabilities: [[Double]]) -> [Double] {
        let count = set.labelNames.count
        guard !set.isMultiClass else { return [Double](repeating: 0.5, count: count) }
        return (0..<count).map { label in
            Decision.bestThreshold(probabilities: probabilities.map { $0[label] }, truth: set.binaryTargets(label: label))
        }
    }
}
