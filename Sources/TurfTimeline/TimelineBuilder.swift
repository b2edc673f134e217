import TurfCore

/// Builds every account's stance timeline from classified posts streamed in any order.
///
/// `add` sums each post into its account's bucket; `finish` runs the change-point search on
/// all accounts in parallel. Memory is proportional to accounts × buckets with posts.
public struct TimelineBuilder {
    /// The configuration in force.
    public let config: TimelineConfig
    private var series: [AccountSeries] = []
    private var accountIndex: [String: Int] = [:]
    private var stances: [String]
    private var stanceIndex: [String: Int] = [:]
    private var anchor: Int64?
    private var cachedStances: [String] = []
    private var cachedMap: [Int] = []
    private var undatedPosts = 0
    private var lastAccountID = ""
    private var lastAccountPosition = -1

    /// Creates an empty builder.
    public init(config: TimelineConfig = TimelineConfig()) {
        self.config = config
        stances = []
        for stance in config.stances where stance != TimelineSet.noneCategory && stanceIndex[stance] == nil {
            stanceIndex[stance] = stances.count
            stances.append(stance)
        }
    }

    /// Accounts seen so far.
    public var accountCount: Int { series.count }

    /// Adds one classified post.
    /// - Complexity: O(stances) amortised for time-ordered input.
    public mutating func add(_ post: ClassifiedPost) {
        add(
            account: post.post.account, time: post.post.createdAt,
            stances: post.scores.stances, probabilities: post.scores.probabilities, labels: post.scores.labels
        )
    }

    /// Adds one post given by its parts: `probabilities` aligned with `stances`, `labels` the
    /// decided stances (empty: `none`; a label named `none` also counts as `none`).
    public mutating func add(account: AccountRef, time: Int64?, stances postStances: [String], probabilities: [Double], labels: [String]) {
        let accountPosition: Int
        if account.id == lastAccountID, lastAccountPosition >= 0 {
            accountPosition = lastAccountPosition
        } else if let known = accountIndex[account.id] {
            accountPosition = known
            lastAccountID = account.id
            lastAccountPosition = known
        } else {
            accountPosition = series.count
            accountIndex[account.id] = accountPosition
            series.append(AccountSeries(account: account))
            lastAccountID = account.id
            lastAccountPosition = accountPosition
        }
        if !account.handle.isEmpty, series[accountPosition].account.handle.isEmpty {
            series[accountPosition].account.handle = account.handle
        }
        guard let time else {
            series[accountPosition].undatedPosts += 1
            undatedPosts += 1
            return
        }
        if postStances != cachedStances {
            cachedStances = postStances
            cachedMap = postStances.map { stancePosition($0) }
        }
        for label in labels where !cachedStances.contains(label) { _ = stancePosition(label) }
        let bucket = config.bucket(of: time)
        let anchor = self.anchor ?? bucket
        self.anchor = anchor
        let relative = Int32(clamping: bucket - anchor)
        let stanceCount = stances.count
        let layout = RowLayout(stanceCount: stanceCount)
        let map = cachedMap
        let known = cachedStances
        let index = stanceIndex
        series[accountPosition].posts += 1
        let row = layout.row(for: relative, in: &series[accountPosition].cells)
        series[accountPosition].cells.withUnsafeMutableBufferPointer { cells in
            layout.increment(cells, row + 2)
            var counted = false
            for label in labels {
                let position = known.firstIndex(of: label).map { map[$0] } ?? index[label] ?? -1
                if position < 0 { continue }
                layout.increment(cells, row + layout.countsOffset + position)
                counted = true
            }
            if !counted { layout.increment(cells, row + layout.countsOffset + stanceCount) }
            for (offset, probability) in probabilities.enumerated() where offset < map.count && map[offset] >= 0 {
                layout.addProbability(Float(probability), cells, row, map[offset])
            }
        }
    }

    /// The column of `stance`, registering it (and widening every account) when new;
    /// −1 for `none`, which is no stance.
    private mutating func stancePosition(_ stance: String) -> Int {
        if stance == TimelineSet.noneCategory { return -1 }
        if let known = stanceIndex[stance] { return known }
        let old = stances.count
        stanceIndex[stance] = old
        stances.append(stance)
        let layout = RowLayout(stanceCount: old)
        for position in series.indices { series[position].cells = layout.widened(series[position].cells) }
        return old
    }

    /// Runs the change-point search on every account and returns the finished timelines.
    /// - Complexity: O(Σ active buckets² · categories) over accounts in the worst case, spread
    ///   over `config.workers` threads.
    public consuming func finish() -> TimelineSet {
        TimelineSet.build(series: series, stances: stances, anchor: anchor, undatedPosts: undatedPosts, config: config)
    }
}
