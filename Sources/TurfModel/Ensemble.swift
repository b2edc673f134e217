import TurfText

/// The `ens` algorithm: logistic regression and multinomial naive Bayes on two views of the same
/// hashed features, their standardised scores added, folded into one linear scorer.
///
/// The set's feature space must be two stacked views (`FeatureConfig.secondView`): naive Bayes
/// fits the first half (raw counts suit it), logistic regression the second (L2-normalised
/// presence suits it). Each model's scores are divided by their spread on the training rows
/// (`spread`), so neither dominates by scale, and added:
/// `score = s_LR / σ_LR + nbWeight · s_NB / σ_NB`. Both models end in the same link (softmax for
/// multi-class data, per-label sigmoid for multi-label data), so the sum is again a linear scorer
/// with that link, and the model file, scoring and the rule overlay are unchanged. LR takes
/// `c` and `balanced`; NB takes `alpha` and the data's own class priors.
enum Ensemble {
    /// Fits both models and combines them.
    /// - Complexity: that of the LR fit on the second view plus one NB pass over the first.
    static func fit(_ set: TrainingSet, hyper: Hyperparameters) -> LinearWeights {
        let half = set.dimension / 2
        let (counts, presence) = split(set, at: half)
        var nbHyper = hyper
        nbHyper.balanced = false
        let nb = NaiveBayes.fit(counts, hyper: nbHyper, complement: false)
        let lr = LogisticRegression.fit(presence, hyper: hyper)
        let lrFactor = 1 / spread(lr, on: presence)
        let nbFactor = (hyper.nbWeight ?? 1) / spread(nb, on: counts)
        let labels = lr.labels
        var weights = [Double](repeating: 0, count: set.dimension * labels)
        for index in 0..<(half * labels) {
            weights[index] = nbFactor * nb.weights[index]
            weights[half * labels + index] = lrFactor * lr.weights[index]
        }
        let bias = (0..<labels).map { nbFactor * nb.bias[$0] + lrFactor * lr.bias[$0] }
        return LinearWeights(dimension: set.dimension, labels: labels, weights: weights, bias: bias, link: lr.link)
    }

    /// The two halves of a stacked feature space as sets of their own, each `half` wide, with
    /// the parent's labels (`TrainingSet.columns`).
    /// - Complexity: O(stored entries)
    static func split(_ set: TrainingSet, at half: Int) -> (first: TrainingSet, second: TrainingSet) {
        let boundary = UInt32(half)
        return (set.columns(0..<boundary), set.columns(boundary..<UInt32(set.dimension)))
    }

    /// The standard deviation of a model's training scores, the unit its scores are divided by.
    /// Softmax scores are centred per row first (adding a constant to a row changes no
    /// probability); per-label log-odds are taken as they are. 1 when the scores are constant.
    /// - Complexity: O(stored entries × labels)
    static func spread(_ model: LinearWeights, on set: TrainingSet) -> Double {
        var sum = 0.0
        var squares = 0.0
        var count = 0.0
        for row in 0..<set.count {
            var scores = model.scores(set.vector(row))
            if model.link == .softmax {
                let mean = scores.reduce(0, +) / Double(scores.count)
                scores = scores.map { $0 - mean }
            }
            for score in scores {
                sum += score
                squares += score * score
                count += 1
            }
        }
        let mean = sum / count
        let variance = max(0, squares / count - mean * mean)
        return variance > 1e-24 ? variance.squareRoot() : 1
    }
}
