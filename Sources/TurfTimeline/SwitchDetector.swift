/// Turns one account's bucket counts into segments and switches; one per worker thread, so
/// its scratch space is reused across the accounts that worker handles.
struct SwitchDetector {
    let config: TimelineConfig
    let categories: [String]
    let origin: Int64
    private let workspace = ChangePointDetector.Workspace()
    private var matrix: [Int32] = []

    init(config: TimelineConfig, categories: [String], origin: Int64) {
        self.config = config
        self.categories = categories
        self.origin = origin
    }

    /// The finished timeline of `series`, whose stored bucket numbers plus `shift` are set indices.
    mutating func timeline(of series: AccountSeries, shift: Int) -> AccountTimeline {
        let stanceCount = categories.count - 1
        guard series.posts >= config.minPosts, series.posts > 0 else {
            return AccountTimeline(series: series, bucketShift: shift, stanceCount: stanceCount, status: .insufficientData, segments: [], switches: [])
        }
        let layout = RowLayout(stanceCount: stanceCount)
        let width = layout.width
        let categoryCount = categories.count
        let rows = series.cells.count / width
        matrix.removeAll(keepingCapacity: true)
        var totals = [Int](repeating: 0, count: categoryCount)
        for row in 0..<rows {
            for category in 0..<categoryCount {
                let count = Int32(series.cells[row * width + layout.countsOffset + category])
                matrix.append(count)
                totals[category] += Int(count)
            }
        }
        let used = totals.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        let penalty = config.penalty.value(categoriesUsed: used, observations: totals.reduce(0, +))
        let changes = matrix.withUnsafeBufferPointer {
            workspace.pelt(counts: $0, categories: categoryCount, penalty: penalty, minSegment: config.minSegmentBuckets)
        }
        var segments: [Segment] = []
        segments.reserveCapacity(changes.count + 1)
        let bounds = [0] + changes + [rows]
        for index in 0..<(bounds.count - 1) {
            let start = bounds[index]
            let end = bounds[index + 1]
            var counts = [Int](repeating: 0, count: categoryCount)
            var posts = 0
            for row in start..<end {
                posts += Int(series.cells[row * width + 2])
                for category in 0..<categoryCount { counts[category] += Int(matrix[row * categoryCount + category]) }
            }
            var dominant = 0
            for category in 1..<categoryCount where counts[category] > counts[dominant] { dominant = category }
            segments.append(Segment(
                startBucket: Int(layout.bucket(series.cells, start * width)) + shift,
                endBucket: Int(layout.bucket(series.cells, (end - 1) * width)) + shift,
                posts: posts, counts: counts, dominant: categories[dominant]
            ))
        }
        var switches: [StanceSwitch] = []
        for index in segments.indices.dropFirst() {
            let before = segments[index - 1]
            let after = segments[index]
            guard before.dominant != after.dominant else { continue }
            let merged = zip(before.counts, after.counts).map { Int32($0 + $1) }
            let ratio = MultinomialCost.cost(merged)
                - MultinomialCost.cost(before.counts.map(Int32.init)) - MultinomialCost.cost(after.counts.map(Int32.init))
            let confidence = 1 / (1 + MultinomialCost.exponential(-(ratio - penalty) / 2))
            switches.append(StanceSwitch(
                accountID: series.account.id,
                time: origin + Int64(after.startBucket) * config.bucketSeconds,
                bucketIndex: after.startBucket,
                earliestBucketIndex: before.endBucket + 1,
                from: before.dominant, to: after.dominant,
                confidence: confidence, likelihoodRatio: max(0, ratio)
            ))
        }
        return AccountTimeline(series: series, bucketShift: shift, stanceCount: stanceCount, status: .ok, segments: segments, switches: switches)
    }
}
