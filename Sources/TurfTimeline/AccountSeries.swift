import TurfCore

/// One account's posts summed per bucket while input streams in: only buckets with posts are
/// stored, so memory grows with accounts × active buckets, never with posts.
///
/// All of an account's numbers sit in one buffer of 16-bit cells (one allocation, one cache
/// miss a post, 26 bytes a bucket with three stances), a row per active bucket in ascending
/// bucket order: the bucket number (two cells), posts, a count per category (stances, then
/// `none`), and a `Float` sum of each stance's probability (two cells each). Counts saturate
/// at 65 535 a bucket, far above what a platform lets one account post (Twitter: 2 400 a day).
struct AccountSeries: Sendable {
    /// The account (the first non-empty handle seen is kept).
    var account: AccountRef
    /// Dated posts.
    var posts: Int = 0
    /// Posts without a time, counted so none disappears silently.
    var undatedPosts: Int = 0
    /// Sequence number of the account's first post, which orders accounts in the output.
    var firstSeen: Int = 0
    /// The rows (see the type's documentation).
    var cells: [UInt16] = []

    init(account: AccountRef) {
        self.account = account
    }
}

/// Reading and writing the 16-bit row layout that `AccountSeries` and `AccountTimeline` share.
struct RowLayout: Sendable, Hashable {
    /// Number of stances; categories are one more (`none`).
    let stanceCount: Int

    /// Cells per row.
    var width: Int { 3 + (stanceCount + 1) + 2 * stanceCount }

    /// Offset of the first category count in a row.
    var countsOffset: Int { 3 }

    /// Offset of the first probability sum in a row.
    var sumsOffset: Int { 4 + stanceCount }

    /// The bucket number stored at row start `base`.
    @inline(__always)
    func bucket(_ cells: UnsafeBufferPointer<UInt16>, _ base: Int) -> Int32 {
        Int32(bitPattern: UInt32(cells[base]) | UInt32(cells[base + 1]) << 16)
    }

    /// The bucket number stored at row start `base`.
    @inline(__always)
    func bucket(_ cells: [UInt16], _ base: Int) -> Int32 {
        Int32(bitPattern: UInt32(cells[base]) | UInt32(cells[base + 1]) << 16)
    }

    /// The probability sum of `stance` in the row at `base`.
    @inline(__always)
    func probabilitySum(_ cells: [UInt16], _ base: Int, _ stance: Int) -> Float {
        let offset = base + sumsOffset + 2 * stance
        return Float(bitPattern: UInt32(cells[offset]) | UInt32(cells[offset + 1]) << 16)
    }

    /// Adds `value` to the probability sum of `stance` in the row at `base`.
    @inline(__always)
    func addProbability(_ value: Float, _ cells: UnsafeMutableBufferPointer<UInt16>, _ base: Int, _ stance: Int) {
        let offset = base + sumsOffset + 2 * stance
        let sum = Float(bitPattern: UInt32(cells[offset]) | UInt32(cells[offset + 1]) << 16) + value
        cells[offset] = UInt16(truncatingIfNeeded: sum.bitPattern)
        cells[offset + 1] = UInt16(truncatingIfNeeded: sum.bitPattern >> 16)
    }

    /// Adds one to the cell at `offset`, saturating.
    @inline(__always)
    func increment(_ cells: UnsafeMutableBufferPointer<UInt16>, _ offset: Int) {
        if cells[offset] < UInt16.max { cells[offset] += 1 }
    }

    /// The start of the row for `bucket` in `cells`, inserted (zeroed) if missing.
    /// - Complexity: O(1) amortised for time-ordered input; O(rows) for an out-of-order bucket.
    func row(for bucket: Int32, in cells: inout [UInt16]) -> Int {
        let width = self.width
        let count = cells.count
        if count > 0 {
            let lastBucket = self.bucket(cells, count - width)
            if lastBucket == bucket { return count - width }
            if lastBucket > bucket {
                var low = 0
                var high = count / width - 1
                while low < high {
                    let middle = (low + high) / 2
                    if self.bucket(cells, middle * width) < bucket { low = middle + 1 } else { high = middle }
                }
                if self.bucket(cells, low * width) == bucket { return low * width }
                var row = [UInt16](repeating: 0, count: width)
                row[0] = UInt16(truncatingIfNeeded: UInt32(bitPattern: bucket))
                row[1] = UInt16(truncatingIfNeeded: UInt32(bitPattern: bucket) >> 16)
                cells.insert(contentsOf: row, at: low * width)
                return low * width
            }
        }
        if count + width > cells.capacity {
            cells.reserveCapacity(count + max(4 * width, count / 4))
        }
        cells.append(UInt16(truncatingIfNeeded: UInt32(bitPattern: bucket)))
        cells.append(UInt16(truncatingIfNeeded: UInt32(bitPattern: bucket) >> 16))
        for _ in 2..<width { cells.append(0) }
        return count
    }

    /// `cells` in `target`'s layout, stance `s` of this layout moving to column `columns[s]`.
    func remapped(_ cells: [UInt16], to target: RowLayout, columns: [Int]) -> [UInt16] {
        let rows = cells.count / width
        var result = [UInt16](repeating: 0, count: rows * target.width)
        for row in 0..<rows {
            let from = row * width
            let to = row * target.width
            result[to] = cells[from]
            result[to + 1] = cells[from + 1]
            result[to + 2] = cells[from + 2]
            for (stance, column) in columns.enumerated() {
                result[to + target.countsOffset + column] = cells[from + countsOffset + stance]
                result[to + target.sumsOffset + 2 * column] = cells[from + sumsOffset + 2 * stance]
                result[to + target.sumsOffset + 2 * column + 1] = cells[from + sumsOffset + 2 * stance + 1]
            }
            result[to + target.countsOffset + target.stanceCount] = cells[from + countsOffset + stanceCount]
        }
        return result
    }

    /// `cells` re-laid out for one more stance: its count goes before `none`, its sum last.
    func widened(_ cells: [UInt16]) -> [UInt16] {
        let wider = RowLayout(stanceCount: stanceCount + 1)
        let rows = cells.count / width
        var result: [UInt16] = []
        result.reserveCapacity(rows * wider.width)
        for row in 0..<rows {
            let base = row * width
            result.append(contentsOf: cells[base..<(base + countsOffset + stanceCount)])
            result.append(0)
            result.append(contentsOf: cells[(base + countsOffset + stanceCount)..<(base + width)])
            result.append(0)
            result.append(0)
        }
        return result
    }
}
