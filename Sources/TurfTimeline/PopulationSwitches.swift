/// How many accounts switched into each stance in each bucket, and the buckets where far more
/// did than usual: synchronised switching, one of the signals of a coordinated campaign.
public struct PopulationSwitches: Sendable {
    /// A bucket where switches into one stance burst far above that stance's baseline.
    public struct Burst: Sendable, Hashable {
        /// The bucket's index in the timeline set.
        public var bucketIndex: Int
        /// The bucket's start (seconds since 1970).
        public var time: Int64
        /// The stance switched into.
        public var stance: String
        /// Accounts that switched into it in this bucket.
        public var switches: Int
        /// The stance's typical switches per bucket (the median over all buckets).
        public var baseline: Double
        /// `(switches − baseline) / spread`, the spread being the larger of the Poisson
        /// (`√baseline`), the robust (1.4826 · MAD) and a floor of 0.5.
        public var z: Double
        /// The accounts that switched, in input order.
        public var accountIDs: [String]
    }

    /// The categories switched into (`TimelineSet.categories`: stances, then `none`).
    public var categories: [String]
    /// Start of bucket 0 (seconds since 1970).
    public var origin: Int64
    /// Bucket width in seconds.
    public var bucketSeconds: Int64
    /// Accounts with at least one post in each bucket.
    public var activeAccounts: [Int]
    /// `switchesInto[category][bucket]`: accounts whose dominant stance became `category` there.
    public var switchesInto: [[Int]]
    /// The bursts, by bucket then category order.
    public var bursts: [Burst]

    /// Counts the switches of `timelines` per bucket and category and flags bursts with the
    /// thresholds of `timelines.config` (`burstZ`, `burstMinimumSwitches`).
    /// - Complexity: O(active buckets over all accounts + categories · buckets · log buckets).
    public init(_ timelines: TimelineSet) {
        let categories = timelines.categories
        let bucketCount = timelines.bucketCount
        var position: [String: Int] = [:]
        for (index, name) in categories.enumerated() { position[name] = index }
        var active = [Int](repeating: 0, count: bucketCount)
        var into = [[Int]](repeating: [Int](repeating: 0, count: bucketCount), count: categories.count)
        for account in timelines.accounts {
            for position in 0..<account.activeBucketCount {
                active[account.bucketIndex(at: position)] += 1
            }
            for change in account.switches {
                if let category = position[change.to] { into[category][change.bucketIndex] += 1 }
            }
        }
        var flagged: [(bucket: Int, category: Int, count: Int, baseline: Double, z: Double)] = []
        for (category, series) in into.enumerated() where !series.isEmpty {
            let baseline = Self.median(series.map(Double.init))
            let deviation = 1.4826 * Self.median(series.map { abs(Double($0) - baseline) })
            let spread = max(baseline.squareRoot(), deviation, 0.5)
            for (bucket, count) in series.enumerated() where count >= timelines.config.burstMinimumSwitches {
                let z = (Double(count) - baseline) / spread
                if z >= timelines.config.burstZ { flagged.append((bucket, category, count, baseline, z)) }
            }
        }
        flagged.sort { ($0.bucket, $0.category) < ($1.bucket, $1.category) }
        var members: [Int: [String]] = [:]
        let wanted = Set(flagged.map { $0.bucket * categories.count + $0.category })
        if !wanted.isEmpty {
            for account in timelines.accounts {
                for change in account.switches {
                    guard let category = position[change.to] else { continue }
                    let key = change.bucketIndex * categories.count + category
                    if wanted.contains(key) { members[key, default: []].append(change.accountID) }
                }
            }
        }
        self.categories = categories
        origin = timelines.origin
        bucketSeconds = timelines.config.bucketSeconds
        activeAccounts = active
        switchesInto = into
        bursts = flagged.map { item in
            Burst(
                bucketIndex: item.bucket, time: timelines.time(ofBucket: item.bucket), stance: categories[item.category],
                switches: item.count, baseline: item.baseline, z: item.z,
                accountIDs: members[item.bucket * categories.count + item.category] ?? []
            )
        }
    }

    /// Number of buckets.
    public var bucketCount: Int { activeAccounts.count }

    /// Accounts that switched into `stance` in bucket `index` (0 for an unknown stance).
    public func switches(into stance: String, bucket index: Int) -> Int {
        guard let category = categories.firstIndex(of: stance), switchesInto[category].indices.contains(index) else { return 0 }
        return switchesInto[category][index]
    }

    private static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
