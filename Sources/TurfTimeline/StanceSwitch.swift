/// An account's dominant stance changed: the evidence the coordination scorer lines up across
/// accounts.
public struct StanceSwitch: Sendable, Hashable {
    /// The account's id.
    public var accountID: String
    /// Start of the first bucket with posts after the change (seconds since 1970).
    public var time: Int64
    /// That bucket's index in the timeline set (0 is the set's first bucket).
    public var bucketIndex: Int
    /// The bucket after the last post of the segment before (the change happened in
    /// `earliestBucketIndex...bucketIndex`; they differ when the account was silent meanwhile).
    public var earliestBucketIndex: Int
    /// The dominant stance before (`none` when most posts had no decided stance).
    public var from: String
    /// The dominant stance after.
    public var to: String
    /// Probability that the change is real, 0 to 1: the BIC approximation of the Bayes factor
    /// of "two segments" against "one", with even prior odds: `1 / (1 + e^(−(LR − penalty)/2))`.
    public var confidence: Double
    /// The likelihood-ratio statistic `2 (log L(two segments) − log L(one segment))`.
    public var likelihoodRatio: Double

    /// Creates a switch.
    public init(
        accountID: String, time: Int64, bucketIndex: Int, earliestBucketIndex: Int,
        from: String, to: String, confidence: Double, likelihoodRatio: Double
    ) {
        self.accountID = accountID
        self.time = time
        self.bucketIndex = bucketIndex
        self.earliestBucketIndex = earliestBucketIndex
        self.from = from
        self.to = to
        self.confidence = confidence
        self.likelihoodRatio = likelihoodRatio
    }
}
