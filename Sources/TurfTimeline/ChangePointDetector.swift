/// Optimal multiple change-point search over a sequence of category counts.
///
/// PELT (Killick, Fearnhead & Eckley 2012): minimises the sum of segment costs plus a penalty
/// per segment exactly, discarding candidate last change points that can never again be optimal.
/// The cost is the multinomial negative log-likelihood (`MultinomialCost`), so a change point
/// means "the mix of stances differs before and after", whatever the number of posts.
public enum ChangePointDetector {
    /// The change points of `counts`, a row-major matrix of `rows` observations by `categories`
    /// counts (e.g. one row per bucket with posts, one column per stance plus "none").
    ///
    /// - Parameters:
    ///   - penalty: the cost of one more segment; larger finds fewer change points.
    ///   - minSegment: the fewest rows a segment may have (at least 1).
    /// - Returns: the row indices where a new segment starts, ascending, never 0.
    /// - Complexity: O(rows² · categories) in the worst case (a series without change points,
    ///   where nothing can be pruned); close to O(rows · categories) when changes are frequent.
    public static func pelt(counts: [Int32], categories: Int, penalty: Double, minSegment: Int) -> [Int] {
        var workspace = Workspace()
        return counts.withUnsafeBufferPointer {
            workspace.pelt(counts: $0, categories: categories, penalty: penalty, minSegment: minSegment)
        }
    }

    /// The multinomial cost of rows `start..<end` of `counts` (see `MultinomialCost`).
    public static func segmentCost(counts: [Int32], categories: Int, start: Int, end: Int) -> Double {
        var totals = [Int32](repeating: 0, count: categories)
        for row in start..<end {
            for category in 0..<categories { totals[category] += counts[row * categories + category] }
        }
        return MultinomialCost.cost(totals)
    }

    /// Scratch arrays reused across accounts so the search allocates nothing per call.
    struct Workspace {
        private var prefix: [Int32] = []
        private var best: [Double] = []
        private var last: [Int] = []
        private var candidates: [Int] = []
        private var prunedAt: [Int] = []
        private var fits: [Double] = []

        /// PELT on `counts` (see `ChangePointDetector.pelt`).
        mutating func pelt(counts: UnsafeBufferPointer<Int32>, categories width: Int, penalty: Double, minSegment: Int) -> [Int] {
            let rows = width == 0 ? 0 : counts.count / width
            let minimum = max(1, minSegment)
            guard rows >= 2 * minimum else { return [] }
            prefix.removeAll(keepingCapacity: true)
            prefix.append(contentsOf: repeatElement(0, count: width))
            for row in 0..<rows {
                for category in 0..<width {
                    prefix.append(prefix[row * width + category] + counts[row * width + category])
                }
            }
            best.removeAll(keepingCapacity: true)
            best.append(contentsOf: repeatElement(Double.infinity, count: rows + 1))
            last.removeAll(keepingCapacity: true)
            last.append(contentsOf: repeatElement(0, count: rows + 1))
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: repeatElement(0, count: rows + 1))
            prunedAt.removeAll(keepingCapacity: true)
            prunedAt.append(contentsOf: repeatElement(0, count: rows + 1))
            fits.removeAll(keepingCapacity: true)
            fits.append(contentsOf: repeatElement(0, count: rows + 1))
            best[0] = -penalty
            let table = MultinomialCost.table
            table.withUnsafeBufferPointer { table in
            prefix.withUnsafeBufferPointer { prefix in
            best.withUnsafeMutableBufferPointer { best in
            last.withUnsafeMutableBufferPointer { last in
            candidates.withUnsafeMutableBufferPointer { candidates in
            prunedAt.withUnsafeMutableBufferPointer { prunedAt in
            fits.withUnsafeMutableBufferPointer { fits in
                @inline(__always) func xlogx(_ n: Int32) -> Double {
                    n < MultinomialCost.tableSize ? table[Int(n)] : MultinomialCost.xlogx(n)
                }
                @inline(__always) func cost(_ start: Int, _ end: Int) -> Double {
                    var total: Int32 = 0
                    var sum = 0.0
                    let a = start * width
                    let b = end * width
                    for category in 0..<width {
                        let n = prefix[b + category] &- prefix[a + category]
                        total &+= n
                        sum += xlogx(n)
                    }
                    return -2 * (sum - xlogx(total))
                }
                var count = 0
                for end in minimum...rows {
                    let newest = end - minimum
                    if newest == 0 || newest >= minimum {
                        candidates[count] = newest
                        prunedAt[count] = Int.max
                        count += 1
                    }
                    var kept = 0
                    var bestValue = Double.infinity
                    var bestStart = 0
                    for position in 0..<count {
                        let start = candidates[position]
                        let pruned = prunedAt[position]
                        if pruned != Int.max, pruned + minimum <= end { continue }
                        let fit = best[start] + cost(start, end)
                        candidates[kept] = start
                        prunedAt[kept] = pruned
                        fits[kept] = fit
                        kept += 1
                        if fit + penalty < bestValue {
                            bestValue = fit + penalty
                            bestStart = start
                        }
                    }
                    count = kept
                    best[end] = bestValue
                    last[end] = bestStart
                    for position in 0..<count where prunedAt[position] == Int.max && fits[position] > bestValue {
                        prunedAt[position] = end
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            var changes: [Int] = []
            var end = rows
            while end > 0 {
                let start = last[end]
                if start > 0 { changes.append(start) }
                end = start
            }
            return changes.reversed()
        }
    }
}
