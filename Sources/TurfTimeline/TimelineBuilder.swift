import TurfCore

/// Builds every account's stance timeline from classified posts streamed in any order.
///
/// `add` sums each post into its account's bucket; `finish` runs the change-point search on
/// all accounts in parallel. Memory is proportional to accounts × buckets with posts.
public struct TimelineBuilder: Sendable {
    /// The configuration in force.
    public let config: TimelineConfig
    private var series: [AccountSeries] = []
    private var accountIndex: [String: Int] = [:]
    private var stances: [String]
    private var stanceIndex: [String: Int] = [:]
    private var cachedStances: [String] = []
    private var cachedMap: [Int] = []
    private var undatedPosts = 0
    /// Sequence number the next post gets (input order; parallel readers set it to the line's
    /// place in the input so that merged shards keep input order).
    var sequence = 0
    private var merged = false
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
        defer { sequence += 1 }
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
            series[accountPosition].firstSeen = sequence
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
        guard TimelineConfig.supportedTimes.contains(time) else {
            series[accountPosition].undatedPosts += 1
            undatedPosts += 1
            return
        }
        let bucket = Int32(truncatingIfNeeded: config.bucket(of: time))
        let stanceCount = stances.count
        let layout = RowLayout(stanceCount: stanceCount)
        let map = cachedMap
        let known = cachedStances
        let index = stanceIndex
        series[accountPosition].posts += 1
        let row = layout.row(for: bucket, in: &series[accountPosition].cells)
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

    /// Moves `other`'s accounts into this builder, so shards built on separate threads (e.g.
    /// one per input file or per half of the accounts) can be finished as one set. `other`
    /// must use the same bucket width and offset. An account present in both is summed.
    /// Accounts end up ordered by the sequence number of their first post (each builder
    /// numbers its own posts from 0).
    /// - Complexity: O(accounts of `other`) when the shards hold different accounts; plus
    ///   O(their rows) for accounts in both.
    public mutating func merge(_ other: TimelineBuilder) {
        let columns = other.stances.map { stancePosition($0) }
        let layout = RowLayout(stanceCount: stances.count)
        let otherLayout = RowLayout(stanceCount: other.stances.count)
        let sameOrder = columns == Array(0..<other.stances.count) && other.stances.count == stances.count
        undatedPosts += other.undatedPosts
        for var account in other.series {
            if !sameOrder { account.cells = otherLayout.remapped(account.cells, to: layout, columns: columns) }
            guard let position = accountIndex[account.account.id] else {
                accountIndex[account.account.id] = series.count
                series.append(account)
                continue
            }
            series[position].posts += account.posts
            series[position].undatedPosts += account.undatedPosts
            if !account.account.handle.isEmpty,
               series[position].account.handle.isEmpty || account.firstSeen < series[position].firstSeen {
                series[position].account.handle = account.account.handle
            }
            series[position].firstSeen = min(series[position].firstSeen, account.firstSeen)
            for base in stride(from: 0, to: account.cells.count, by: layout.width) {
                let row = layout.row(for: layout.bucket(account.cells, base), in: &series[position].cells)
                series[position].cells.withUnsafeMutableBufferPointer { cells in
                    for offset in 2..<layout.sumsOffset {
                        cells[row + offset] = UInt16(clamping: Int(cells[row + offset]) + Int(account.cells[base + offset]))
                    }
                    for stance in 0..<stances.count {
                        layout.addProbability(layout.probabilitySum(account.cells, base, stance), cells, row, stance)
                    }
                }
            }
        }
        lastAccountPosition = -1
        sequence = max(sequence, other.sequence)
        merged = true
    }

    /// Runs the change-point search on every account and returns the finished timelines.
    /// - Complexity: O(Σ active buckets² · categories) over accounts in the worst case, spread
    ///   over `config.workers` threads.
    public consuming func finish() -> TimelineSet {
        if merged {
            series = series.enumerated().sorted { ($0.element.firstSeen, $0.offset) < ($1.element.firstSeen, $1.offset) }.map(\.element)
        }
        return TimelineSet.build(series: series, stances: stances, undatedPosts: undatedPosts, config: config)
    }
}
