/// The learning algorithms a stance model can be trained with.
public enum Algorithm: String, Codable, Hashable, Sendable, CaseIterable {
    /// Multinomial naive Bayes with additive smoothing.
    case nb
    /// Complement naive Bayes (Rennie et al. 2003), better with unbalanced classes.
    case cnb
    /// L2-regularised logistic regression (softmax for multi-class, one-vs-rest for multi-label).
    case lr
    /// Logistic regression on naive-Bayes log-count-ratio scaled features (Wang & Manning 2012).
    case nblr
    /// Logistic regression and multinomial naive Bayes on two views of the same features
    /// (`FeatureConfig.secondView`), their standardised scores added into one linear scorer.
    case ens
}

/// The settings of one fit. Unused fields are ignored by algorithms that have no use for them.
public struct Hyperparameters: Codable, Hashable, Sendable {
    /// Additive (Laplace/Lidstone) smoothing for NB, CNB and the NB ratios of NB-LR.
    public var alpha: Double
    /// Inverse L2 strength of logistic regression: larger means weaker regularisation.
    public var c: Double
    /// NB-LR interpolation between the mean weight magnitude (0) and the LR weights (1).
    public var beta: Double
    /// Weight classes inversely to their frequency (scikit-learn's `class_weight="balanced"`).
    public var balanced: Bool
    /// Solver stopping tolerance, as scikit-learn's `tol`: the largest gradient component of the
    /// objective divided by `C · Σ row weights`.
    public var tolerance: Double
    /// Solver iteration limit.
    public var maxIterations: Int
    /// Ensemble (`ens`): the weight of the standardised naive-Bayes scores against the
    /// standardised LR scores (weight 1); `nil` means 1. Absent from the JSON when `nil`, so
    /// other algorithms' settings encode as before.
    public var nbWeight: Double?

    /// Creates settings; the defaults are scikit-learn's where it has one.
    public init(alpha: Double = 1, c: Double = 1, beta: Double = 0.25, balanced: Bool = false,
                tolerance: Double = 1e-4, maxIterations: Int = 1000, nbWeight: Double? = nil) {
        self.alpha = alpha
        self.c = c
        self.beta = beta
        self.balanced = balanced
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.nbWeight = nbWeight
    }

    /// Throws when a value is out of range.
    public func validate() throws {
        guard alpha > 0, alpha.isFinite else { throw TrainingError.invalidSetting("--alpha must be a positive number, got \(alpha)") }
        guard c > 0, c.isFinite else { throw TrainingError.invalidSetting("--C must be a positive number, got \(c)") }
        guard (0...1).contains(beta) else { throw TrainingError.invalidSetting("--beta must lie in 0...1, got \(beta)") }
        guard tolerance > 0 else { throw TrainingError.invalidSetting("tolerance must be positive, got \(tolerance)") }
        if let nbWeight {
            guard nbWeight >= 0, nbWeight.isFinite else { throw TrainingError.invalidSetting("--nb-weight must be a number of at least 0, got \(nbWeight)") }
        }
        guard maxIterations > 0 else { throw TrainingError.invalidSetting("iteration limit must be positive") }
    }
}

/// How a linear model's scores become probabilities.
public enum Link: String, Codable, Hashable, Sendable {
    /// Multi-class: probabilities are the softmax of the scores.
    case softmax
    /// Multi-label: each score is a log-odds; its sigmoid is the label's probability.
    case sigmoid
    /// Multi-class from one-vs-rest log-odds: sigmoids normalised to sum to one.
    case normalizedSigmoid = "normalized_sigmoid"
}
