import Dispatch

/// Every account's timeline over one common bucket grid: what `TimelineBuilder.finish` returns.
public struct TimelineSet: Sendable {
    /// The category name for posts without a decided stance.
    public static let noneCategory = "none"

    /// The configuration the set was built with.
    public var config: TimelineConfig
    /// The stances, in output order.
    public var stances: [String]
    /// Start of bucket 0 (seconds since 1970): the bucket of the earliest post.
    public var origin: Int64
    /// Buckets from the earliest post's to the latest's (0 when no post had a time).
    public var bucketCount: Int
    /// The accounts, in order of first appearance in the input.
    public var accounts: [AccountTimeline]
    /// Posts without a usable time (none, or outside `TimelineConfig.supportedTimes`), over all accounts.
    public var undatedPosts: Int

    /// The stances followed by `none`: the categories of counts, mixes and switches.
    public var categories: [String] { stances + [Self.noneCategory] }

    /// Start time of bucket `index` (seconds since 1970).
    public func time(ofBucket index: Int) -> Int64 {
        origin + Int64(index) * config.bucketSeconds
    }

    /// Every switch of every account, ordered by bucket, then account order.
    public var switches: [StanceSwitch] {
        var all: [(order: Int, change: StanceSwitch)] = []
        for account in accounts { all.append(contentsOf: account.switches.map { (all.count, $0) }) }
        all.sort { ($0.change.bucketIndex, $0.order) < ($1.change.bucketIndex, $1.order) }
        return all.map(\.change)
    }

    /// Accounts whose status is `insufficientData`.
    public var insufficientDataCount: Int {
        accounts.reduce(0) { $0 + ($1.status == .insufficientData ? 1 : 0) }
    }

    /// Finishes the accumulated series: change-point search on `config.workers` threads.
    static func build(series: [AccountSeries], stances: [String], undatedPosts: Int, config: TimelineConfig) -> TimelineSet {
        let layout = RowLayout(stanceCount: stances.count)
        var low = Int32.max
        var high = Int32.min
        for account in series where !account.cells.isEmpty {
            low = min(low, layout.bucket(account.cells, 0))
            high = max(high, layout.bucket(account.cells, account.cells.count - layout.width))
        }
        let empty = low > high
        let originBucket = empty ? 0 : Int64(low)
        let origin = config.bucketOffset + originBucket * config.bucketSeconds
        let shift = empty ? 0 : -Int(low)
        let categories = stances + [noneCategory]
        let count = series.count
        let accounts = [AccountTimeline](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = SendableBuffer(base: buffer.baseAddress)
            let chunk = 1024
            let chunks = (count + chunk - 1) / chunk
            let workers = min(config.workers, max(chunks, 1))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var detector = SwitchDetector(config: config, categories: categories, origin: origin)
                var block = worker
                while block < chunks {
                    for index in (block * chunk)..<min(count, (block + 1) * chunk) {
                        (output.base! + index).initialize(to: detector.timeline(of: series[index], shift: shift))
                    }
                    block += workers
                }
            }
            initialized = count
        }
        return TimelineSet(
            config: config, stances: stances, origin: origin,
            bucketCount: empty ? 0 : Int(high) - Int(low) + 1,
            accounts: accounts, undatedPosts: undatedPosts
        )
    }
}

/// A buffer base address handed to worker threads that write disjoint elements.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>?
}
