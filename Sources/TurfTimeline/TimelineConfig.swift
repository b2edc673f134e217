/// How `TimelineBuilder` cuts time into buckets and decides what counts as a switch.
public struct TimelineConfig: Sendable, Hashable {
    /// Bucket width in seconds (3600, 21 600, 86 400 or 604 800 from the command line).
    public var bucketSeconds: Int64
    /// Buckets start at `bucketOffset + k · bucketSeconds` seconds since 1970; weeks use a
    /// 4-day offset so they start on Monday 00:00 UTC (1970-01-01 was a Thursday).
    public var bucketOffset: Int64
    /// Accounts with fewer dated posts are reported as "insufficient data", without segments.
    public var minPosts: Int
    /// The fewest buckets with posts a segment may span; shorter runs are absorbed.
    public var minSegmentBuckets: Int
    /// The price of one more segment in the change-point search.
    public var penalty: Penalty
    /// A bucket is a burst when its switch count is this many robust standard deviations
    /// above the stance's baseline.
    public var burstZ: Double
    /// A burst needs at least this many accounts switching in the bucket.
    public var burstMinimumSwitches: Int
    /// Stances known in advance, in the order outputs list them; stances seen in the input
    /// and missing here are appended as they appear.
    public var stances: [String]
    /// Threads used to build account timelines (accounts are independent).
    public var workers: Int

    /// Creates a configuration; the defaults are the command line's.
    public init(
        bucketSeconds: Int64 = 86_400,
        bucketOffset: Int64? = nil,
        minPosts: Int = 10,
        minSegmentBuckets: Int = 2,
        penalty: Penalty = .bic(multiplier: 1),
        burstZ: Double = 5,
        burstMinimumSwitches: Int = 3,
        stances: [String] = [],
        workers: Int = 2
    ) {
        self.bucketSeconds = max(1, bucketSeconds)
        self.bucketOffset = bucketOffset ?? (bucketSeconds == 604_800 ? 4 * 86_400 : 0)
        self.minPosts = minPosts
        self.minSegmentBuckets = max(1, minSegmentBuckets)
        self.penalty = penalty
        self.burstZ = burstZ
        self.burstMinimumSwitches = burstMinimumSwitches
        self.stances = stances
        self.workers = max(1, workers)
    }

    /// The bucket width for a command-line name: `1h`, `6h`, `1d`, `1w`, or any `<n>m`, `<n>h`,
    /// `<n>d`, `<n>w`; `nil` for anything else.
    public static func bucketSeconds(named name: String) -> Int64? {
        guard let unit = name.last, let count = Int64(name.dropLast()), count > 0 else { return nil }
        switch unit {
        case "m": return count * 60
        case "h": return count * 3600
        case "d": return count * 86_400
        case "w": return count * 604_800
        default: return nil
        }
    }

    /// Times a timeline accepts: 1970-01-01 up to 2100-01-01 (UTC). A post outside is counted
    /// as undated: such times are export errors, and they would stretch every account's grid.
    public static let supportedTimes: Range<Int64> = 0..<4_102_444_800

    /// The bucket number of a time (seconds since 1970).
    @inline(__always)
    func bucket(of seconds: Int64) -> Int64 {
        let shifted = seconds &- bucketOffset
        let quotient = shifted / bucketSeconds
        return (shifted % bucketSeconds != 0 && shifted < 0) ? quotient - 1 : quotient
    }
}

/// The penalty per additional segment in the change-point search.
public enum Penalty: Sendable, Hashable, CustomStringConvertible {
    /// BIC: each new segment adds `k − 1` stance shares and one change location, `k` the
    /// categories the account used, each costing `ln N` for `N` counted labels; times a multiplier.
    case bic(multiplier: Double)
    /// A fixed penalty in units of `−2 log-likelihood`.
    case fixed(Double)

    /// Parses `bic`, `bic*1.5` or a plain number; `nil` for anything else.
    public init?(parsing text: String) {
        if text == "bic" {
            self = .bic(multiplier: 1)
        } else if text.hasPrefix("bic*"), let multiplier = Double(text.dropFirst(4)), multiplier > 0 {
            self = .bic(multiplier: multiplier)
        } else if let value = Double(text), value >= 0, value.isFinite {
            self = .fixed(value)
        } else {
            return nil
        }
    }

    /// The penalty for a series with `categoriesUsed` categories seen and `observations` labels.
    public func value(categoriesUsed: Int, observations: Int) -> Double {
        switch self {
        case .bic(let multiplier):
            return multiplier * Double(max(categoriesUsed, 1)) * MultinomialCost.naturalLog(Double(max(observations, 2)))
        case .fixed(let value):
            return value
        }
    }

    /// `bic`, `bic*M` or the number, as `init(parsing:)` reads it.
    public var description: String {
        switch self {
        case .bic(let multiplier): return multiplier == 1 ? "bic" : "bic*\(multiplier)"
        case .fixed(let value): return "\(value)"
        }
    }
}
