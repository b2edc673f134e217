import TurfCore

/// One account's stances over time: its buckets with posts, the segments the change-point
/// search found, and the switches between segments whose dominant stance differs.
public struct AccountTimeline: Sendable {
    /// Whether the account had enough posts to look for switches.
    public enum Status: String, Sendable, Hashable {
        /// Segments and switches were computed.
        case ok
        /// Fewer dated posts than `TimelineConfig.minPosts`: buckets are reported, nothing else.
        case insufficientData = "insufficient_data"
    }

    /// One bucket with posts.
    public struct Bucket: Sendable, Hashable {
        /// The bucket's index in the timeline set.
        public var index: Int
        /// Posts in the bucket.
        public var posts: Int
        /// Posts per category (`TimelineSet.categories`: stances, then `none`); a post with
        /// several decided stances counts once for each.
        public var counts: [Int]
        /// Mean probability per stance (`TimelineSet.stances`) over the bucket's posts.
        public var meanProbabilities: [Double]
    }

    /// The account.
    public var account: AccountRef
    /// `ok` or `insufficientData`.
    public var status: Status
    /// Dated posts.
    public var posts: Int
    /// Posts without a usable time (not in any bucket; see `TimelineConfig.supportedTimes`).
    public var undatedPosts: Int
    /// The change-point segments, in time order (empty for insufficient data).
    public var segments: [Segment]
    /// The switches, in time order.
    public var switches: [StanceSwitch]
    /// Number of stances (the category count is one more, for `none`).
    public let stanceCount: Int
    /// Rows as `AccountSeries` lays them out; the stored bucket plus `bucketShift` is the set index.
    let cells: [UInt16]
    /// Added to a stored bucket number to give the bucket's index in the set.
    let bucketShift: Int

    init(series: AccountSeries, bucketShift: Int, stanceCount: Int, status: Status, segments: [Segment], switches: [StanceSwitch]) {
        account = series.account
        posts = series.posts
        undatedPosts = series.undatedPosts
        self.status = status
        self.segments = segments
        self.switches = switches
        self.stanceCount = stanceCount
        cells = series.cells
        self.bucketShift = bucketShift
    }

    /// The account's id.
    public var accountID: String { account.id }

    /// How many buckets have posts.
    public var activeBucketCount: Int { cells.count / RowLayout(stanceCount: stanceCount).width }

    /// The `position`-th bucket with posts (0-based, in time order).
    public func bucket(at position: Int) -> Bucket {
        let layout = RowLayout(stanceCount: stanceCount)
        let base = position * layout.width
        let posts = Int(cells[base + 2])
        return Bucket(
            index: Int(layout.bucket(cells, base)) + bucketShift,
            posts: posts,
            counts: cells[(base + layout.countsOffset)..<(base + layout.sumsOffset)].map(Int.init),
            meanProbabilities: (0..<stanceCount).map { Double(layout.probabilitySum(cells, base, $0)) / Double(max(posts, 1)) }
        )
    }

    /// Index in the set of the `position`-th bucket with posts.
    func bucketIndex(at position: Int) -> Int {
        Int(RowLayout(stanceCount: stanceCount).bucket(cells, position * RowLayout(stanceCount: stanceCount).width)) + bucketShift
    }

    /// All buckets with posts, in time order.
    public var buckets: [Bucket] { (0..<activeBucketCount).map(bucket(at:)) }
}
