/// Every knob of coordination scoring, with defaults tuned on the simulated scenarios
/// (docs/coordination.md).
public struct CoordinationConfig: Hashable, Sendable {
    /// Per-signal window, weight and switch, indexed by `CoordinationSignal.rawValue`.
    public var signals: [SignalSettings]
    /// Near-duplicate texts: estimated Jaccard similarity of word-shingle sets at or above this.
    public var jaccardThreshold: Double
    /// Words per shingle for near-duplicate text.
    public var shingleSize: Int
    /// Texts with fewer words than this (after removing links and mentions) are not compared.
    public var minTextTokens: Int
    /// Two images are the same meme when their 64-bit perceptual hashes differ in at most this many bits.
    public var memeHammingDistance: Int
    /// A shared item used by more accounts than this is "hot" (a trending hashtag, a viral post):
    /// its co-actions add to pairs that other evidence already found but never create new pairs,
    /// and each action is paired with at most `hotNeighbourCap` neighbours in time.
    public var hotKeyAccounts: Int
    /// Neighbours in time paired with each action on a hot item.
    public var hotNeighbourCap: Int
    /// Upper bound of candidate pairs enumerated for one item.
    public var maxPairsPerKey: Int
    /// A pair enters the graph when its evidence exceeds the null model's expectation by this much.
    public var minPairWeight: Double
    /// A pair enters the graph only with at least this many co-actions (distinct items).
    public var minCoActions: Int
    /// An account's raw score is the mean excess evidence of its strongest `topEdges` pairs.
    public var topEdges: Int
    /// The raw score mapped to 0.5; `score = raw / (raw + scoreHalfPoint)`.
    public var scoreHalfPoint: Double
    /// Evidence items kept per pair (the strongest co-actions).
    public var evidencePerPair: Int
    /// Evidence items kept per account.
    public var evidencePerAccount: Int
    /// Seed of the community detection's visiting order; the same seed gives the same clusters.
    public var seed: UInt64
    /// Louvain resolution (1 is classic modularity; larger gives smaller clusters).
    public var resolution: Double
    /// Worker threads for the parallel stages.
    public var threads: Int

    /// Creates a configuration with the documented defaults.
    public init(
        signals: [SignalSettings] = CoordinationSignal.allCases.map(SignalSettings.defaults(for:)),
        jaccardThreshold: Double = 0.8,
        shingleSize: Int = 2,
        minTextTokens: Int = 4,
        memeHammingDistance: Int = 6,
        hotKeyAccounts: Int = 1000,
        hotNeighbourCap: Int = 64,
        maxPairsPerKey: Int = 2_000_000,
        minPairWeight: Double = 12,
        minCoActions: Int = 2,
        topEdges: Int = 3,
        scoreHalfPoint: Double = 20,
        evidencePerPair: Int = 5,
        evidencePerAccount: Int = 5,
        seed: UInt64 = 1,
        resolution: Double = 1,
        threads: Int = 2
    ) {
        self.signals = signals
        self.jaccardThreshold = jaccardThreshold
        self.shingleSize = shingleSize
        self.minTextTokens = minTextTokens
        self.memeHammingDistance = memeHammingDistance
        self.hotKeyAccounts = hotKeyAccounts
        self.hotNeighbourCap = hotNeighbourCap
        self.maxPairsPerKey = maxPairsPerKey
        self.minPairWeight = minPairWeight
        self.minCoActions = minCoActions
        self.topEdges = topEdges
        self.scoreHalfPoint = scoreHalfPoint
        self.evidencePerPair = evidencePerPair
        self.evidencePerAccount = evidencePerAccount
        self.seed = seed
        self.resolution = resolution
        self.threads = threads
    }

    /// The settings of `signal`.
    public subscript(signal: CoordinationSignal) -> SignalSettings {
        get { signals[signal.rawValue] }
        set { signals[signal.rawValue] = newValue }
    }

    /// Checks that every value is usable.
    /// - Throws: `UsageError`-style message naming the first bad value.
    public func validate() throws(ConfigError) {
        guard signals.count == CoordinationSignal.allCases.count else { throw ConfigError("one setting per signal is required") }
        for signal in CoordinationSignal.allCases where self[signal].window < 0 || !(self[signal].weight >= 0) {
            throw ConfigError("\(signal.name): window and weight must not be negative")
        }
        guard jaccardThreshold > 0, jaccardThreshold <= 1 else { throw ConfigError("jaccard threshold must be in (0, 1]") }
        guard shingleSize >= 1, minTextTokens >= 1 else { throw ConfigError("shingle size and minimum text tokens must be at least 1") }
        guard (0...32).contains(memeHammingDistance) else { throw ConfigError("meme Hamming distance must be 0 to 32") }
        guard hotKeyAccounts >= 2, hotNeighbourCap >= 1, maxPairsPerKey >= 1 else { throw ConfigError("hot-key caps must be positive") }
        guard minCoActions >= 1, topEdges >= 1, scoreHalfPoint > 0 else { throw ConfigError("min co-actions, top edges and score half point must be positive") }
        guard threads >= 1, resolution > 0 else { throw ConfigError("threads and resolution must be positive") }
    }

    /// A configuration value that cannot be used.
    public struct ConfigError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
