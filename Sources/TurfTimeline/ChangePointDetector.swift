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
        let workspace = Workspace()
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

    /// Scratch memory reused across accounts so the search allocates nothing per call; it owns
    /// its buffers and frees them when dropped. One per thread.
    final class Workspace {
        private var rowCapacity = 0
        private var prefixCapacity = 0
        private var prefix = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private var best = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        private var fits = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        private var last = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private var candidates = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private var prunedAt = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private let table = UnsafeMutablePointer<Double>.allocate(capacity: MultinomialCost.tableSize)

        init() {
            MultinomialCost.table.withUnsafeBufferPointer { source in
                table.initialize(from: source.baseAddress!, count: MultinomialCost.tableSize)
            }
        }

        deinit {
            for pointer in [prefix] as [UnsafeMutablePointer<Int32>] { pointer.deallocate() }
            for pointer in [best, fits, table] as [UnsafeMutablePointer<Double>] { pointer.deallocate() }
            for pointer in [last, candidates, prunedAt] as [UnsafeMutablePointer<Int>] { pointer.deallocate() }
        }

        /// Grows the buffers to hold `rows` observations of `width` categories.
        private func reserve(rows: Int, width: Int) {
            if rows + 1 > rowCapacity {
                rowCapacity = max(rows + 1, 2 * rowCapacity)
                for pointer in [best, fits] as [UnsafeMutablePointer<Double>] { pointer.deallocate() }
                for pointer in [last, candidates, prunedAt] as [UnsafeMutablePointer<Int>] { pointer.deallocate() }
                best = .allocate(capacity: rowCapacity)
                fits = .allocate(capacity: rowCapacity)
                last = .allocate(capacity: rowCapacity)
                candidates = .allocate(capacity: rowCapacity)
                prunedAt = .allocate(capacity: rowCapacity)
            }
            if (rows + 1) * width > prefixCapacity {
                prefixCapacity = max((rows + 1) * width, 2 * prefixCapacity)
                prefix.deallocate()
                prefix = .allocate(capacity: prefixCapacity)
            }
        }

        /// `n log n` from the table, or computed beyond it.
        @inline(__always)
        private func xlogx(_ n: Int32) -> Double {
            n < MultinomialCost.tableSize ? table[Int(n)] : MultinomialCost.xlogx(n)
        }

        /// The cost of rows `start..<end` from the prefix sums.
        @inline(__always)
        private func cost(_ start: Int, _ end: Int, _ width: Int) -> Double {
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

        /// PELT on `counts` (see `ChangePointDetector.pelt`): `best[t]` is the optimal penalised
        /// cost of the first `t` rows, `last[t]` the start of its final segment.
        func pelt(counts: UnsafeBufferPointer<Int32>, categories width: Int, penalty: Double, minSegment: Int) -> [Int] {
            let rows = width == 0 ? 0 : counts.count / width
            let minimum = max(1, minSegment)
            guard rows >= 2 * minimum else { return [] }
            reserve(rows: rows, width: width)
            for category in 0..<width { prefix[category] = 0 }
            for index in 0..<(rows * width) { prefix[index + width] = prefix[index] &+ counts[index] }
            best[0] = -penalty
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
                    let fit = best[start] + cost(start, end, width)
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
