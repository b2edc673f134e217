/// How switches found in a simulated timeline set compare with the planted ones.
public struct SwitchEvaluation: Sendable, Hashable, CustomStringConvertible {
    /// Accounts simulated.
    public var accounts = 0
    /// Accounts reported as "insufficient data".
    public var insufficientData = 0
    /// Of those, how many had fewer posts than the minimum (should be all).
    public var insufficientDataCorrect = 0
    /// Planted switches in accounts with enough data.
    public var planted = 0
    /// Planted switches matched by a reported switch to the right stance, at most one bucket
    /// from the planted bucket.
    public var foundWithinOneBucket = 0
    /// Planted switches matched by a reported switch to the right stance whose interval
    /// (`earliestBucketIndex...bucketIndex`, widened by one bucket each side) holds the planted bucket:
    /// the best any method can do when the account was silent around the switch.
    public var foundWithinInterval = 0
    /// Planted switches matched by a reported switch to the right stance, at any time.
    public var foundAtAnyTime = 0
    /// Planted switches whose day can be seen at all: the account posted on the switch day or
    /// the day after (otherwise silence hides the day from any method).
    public var localizable = 0
    /// Localizable planted switches found within one bucket.
    public var localizableFoundWithinOneBucket = 0
    /// Stable accounts with enough data.
    public var stable = 0
    /// Stable accounts given at least one switch.
    public var stableWithFalseSwitch = 0
    /// Switching accounts given more switches than the one planted.
    public var switchingWithExtraSwitch = 0

    /// Compares `timelines` (built from `simulation`'s posts, whose account ids are `sim<index>`,
    /// with daily buckets) with its ground truth.
    public init(timelines: TimelineSet, simulation: SwitchSimulation) {
        accounts = timelines.accounts.count
        let categories = simulation.categories
        for (index, timeline) in timelines.accounts.enumerated() {
            let truth = simulation.truth(of: Int(timeline.accountID.dropFirst(3)) ?? index)
            if timeline.status == .insufficientData {
                insufficientData += 1
                if timeline.posts < timelines.config.minPosts { insufficientDataCorrect += 1 }
                continue
            }
            guard let day = truth.switchDay else {
                stable += 1
                if !timeline.switches.isEmpty { stableWithFalseSwitch += 1 }
                continue
            }
            planted += 1
            let plantedTime = simulation.parameters.start + Int64(day) * 86_400
            let plantedBucket = Int((plantedTime - timelines.origin) / timelines.config.bucketSeconds)
            let target = categories[truth.after]
            let matches = timeline.switches.filter { $0.to == target }
            let found = matches.contains { abs($0.bucketIndex - plantedBucket) <= 1 }
            if found { foundWithinOneBucket += 1 }
            if !matches.isEmpty { foundAtAnyTime += 1 }
            let firstAfter = (0..<timeline.activeBucketCount).lazy.map(timeline.bucketIndex(at:)).first { $0 >= plantedBucket }
            if let firstAfter, firstAfter <= plantedBucket + 1 {
                localizable += 1
                if found { localizableFoundWithinOneBucket += 1 }
            }
            if matches.contains(where: { ($0.earliestBucketIndex - 1)...($0.bucketIndex + 1) ~= plantedBucket }) { foundWithinInterval += 1 }
            if timeline.switches.count > 1 { switchingWithExtraSwitch += 1 }
        }
    }

    /// Share of planted switches found within one bucket.
    public var recallWithinOneBucket: Double { planted == 0 ? 0 : Double(foundWithinOneBucket) / Double(planted) }
    /// Share of planted switches whose reported interval holds them (± one bucket).
    public var recallWithinInterval: Double { planted == 0 ? 0 : Double(foundWithinInterval) / Double(planted) }
    /// Share of localizable planted switches found within one bucket.
    public var localizableRecall: Double { localizable == 0 ? 0 : Double(localizableFoundWithinOneBucket) / Double(localizable) }
    /// Share of planted switches found at any time.
    public var recallAtAnyTime: Double { planted == 0 ? 0 : Double(foundAtAnyTime) / Double(planted) }
    /// Share of stable accounts given a false switch.
    public var falseSwitchRate: Double { stable == 0 ? 0 : Double(stableWithFalseSwitch) / Double(stable) }

    /// The figures, one per line.
    public var description: String {
        func percent(_ value: Double) -> String { String(Double(Int((value * 10_000).rounded())) / 100) + "%" }
        return """
        accounts: \(accounts) (insufficient data: \(insufficientData), of which below min-posts: \(insufficientDataCorrect))
        planted switches: \(planted), found within one bucket: \(foundWithinOneBucket) (\(percent(recallWithinOneBucket))), \
        within the reported interval ±1: \(foundWithinInterval) (\(percent(recallWithinInterval))), \
        at any time: \(foundAtAnyTime) (\(percent(recallAtAnyTime)))
        localizable switches (posts on the switch day or the next): \(localizable), \
        found within one bucket: \(localizableFoundWithinOneBucket) (\(percent(localizableRecall)))
        stable accounts: \(stable), given a false switch: \(stableWithFalseSwitch) (\(percent(falseSwitchRate)))
        switching accounts given an extra switch: \(switchingWithExtraSwitch)
        """
    }
}
