import Foundation
import Testing
@testable import TurfTimeline

@Suite struct ChangePointDetectorTests {
    /// Rows of `[a, b, c]` counts repeated `times`.
    private func rows(_ row: [Int32], _ times: Int) -> [Int32] {
        Array([[Int32]](repeating: row, count: times).joined())
    }

    /// Optimal partitioning by exhaustive dynamic programming, without PELT's pruning.
    private func bruteForce(_ counts: [Int32], categories: Int, penalty: Double, minSegment: Int) -> [Int] {
        let n = counts.count / categories
        guard n >= 2 * minSegment else { return [] }
        var best = [Double](repeating: .infinity, count: n + 1)
        var last = [Int](repeating: 0, count: n + 1)
        best[0] = -penalty
        for end in minSegment...n {
            for start in 0...(end - minSegment) where start == 0 || start >= minSegment {
                let value = best[start] + ChangePointDetector.segmentCost(counts: counts, categories: categories, start: start, end: end) + penalty
                if value < best[end] - 1e-9 {
                    best[end] = value
                    last[end] = start
                }
            }
        }
        var changes: [Int] = []
        var end = n
        while end > 0 {
            if last[end] > 0 { changes.append(last[end]) }
            end = last[end]
        }
        return changes.reversed()
    }

    /// Segment costs plus a penalty per change point.
    private func total(_ counts: [Int32], _ changes: [Int], _ penalty: Double) -> Double {
        let bounds = [0] + changes + [counts.count / 3]
        return zip(bounds, bounds.dropFirst()).reduce(Double(changes.count) * penalty) {
            $0 + ChangePointDetector.segmentCost(counts: counts, categories: 3, start: $1.0, end: $1.1)
        }
    }

    @Test func findsOneClearChange() {
        let counts = rows([5, 0, 0], 10) + rows([0, 5, 0], 10)
        #expect(ChangePointDetector.pelt(counts: counts, categories: 3, penalty: 10, minSegment: 2) == [10])
    }

    @Test func findsTwoChanges() {
        let counts = rows([4, 1, 0], 8) + rows([0, 1, 4], 8) + rows([4, 1, 0], 8)
        #expect(ChangePointDetector.pelt(counts: counts, categories: 3, penalty: 12, minSegment: 2) == [8, 16])
    }

    @Test func aStableMixHasNoChange() {
        let counts = rows([3, 1, 1], 40)
        #expect(ChangePointDetector.pelt(counts: counts, categories: 3, penalty: 10, minSegment: 1).isEmpty)
    }

    @Test func theMinimumSegmentAbsorbsAOneBucketBlip() {
        let counts = rows([6, 0], 10) + rows([0, 6], 1) + rows([6, 0], 10)
        #expect(ChangePointDetector.pelt(counts: counts, categories: 2, penalty: 5, minSegment: 1) == [10, 11])
        let changes = ChangePointDetector.pelt(counts: counts, categories: 2, penalty: 5, minSegment: 2)
        let bounds = [0] + changes + [21]
        #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $1 - $0 >= 2 })
        #expect(changes == [9, 11])
    }

    @Test func tooShortOrEmptyInputHasNoChange() {
        #expect(ChangePointDetector.pelt(counts: [], categories: 3, penalty: 1, minSegment: 1).isEmpty)
        #expect(ChangePointDetector.pelt(counts: [9, 0, 0, 9], categories: 2, penalty: 1, minSegment: 2).isEmpty)
        #expect(ChangePointDetector.pelt(counts: [1, 2, 3], categories: 0, penalty: 1, minSegment: 1).isEmpty)
    }

    @Test func countsBeyondTheLogTableAreExact() {
        let counts = rows([20_000, 100], 3) + rows([100, 20_000], 3)
        #expect(ChangePointDetector.pelt(counts: counts, categories: 2, penalty: 10, minSegment: 1) == [3])
        let cost = ChangePointDetector.segmentCost(counts: [10_000, 10_000], categories: 2, start: 0, end: 1)
        #expect(abs(cost - 2 * 20_000 * log(2.0)) < 1e-6)
    }

    @Test func segmentCostIsTheMultinomialDeviance() {
        #expect(abs(ChangePointDetector.segmentCost(counts: [2, 2], categories: 2, start: 0, end: 1) - 8 * log(2.0)) < 1e-12)
        #expect(ChangePointDetector.segmentCost(counts: [7, 0, 0], categories: 3, start: 0, end: 1) == 0)
    }

    @Test(arguments: [1, 2, 3])
    func pruningKeepsTheOptimum(minSegment: Int) {
        var generator = SwitchSimulation.Random(7, UInt64(minSegment), 1)
        for trial in 0..<200 {
            let rows = 1 + generator.below(40)
            var counts: [Int32] = []
            var regime = generator.below(3)
            for _ in 0..<rows {
                if generator.below(8) == 0 { regime = generator.below(3) }
                for category in 0..<3 {
                    counts.append(Int32(generator.below(category == regime ? 6 : 2)))
                }
            }
            let penalty = 2 + Double(trial % 10)
            let pelt = ChangePointDetector.pelt(counts: counts, categories: 3, penalty: penalty, minSegment: minSegment)
            let exact = bruteForce(counts, categories: 3, penalty: penalty, minSegment: minSegment)
            #expect(abs(total(counts, pelt, penalty) - total(counts, exact, penalty)) < 1e-9, "trial \(trial): \(counts)")
            let bounds = [0] + pelt + [rows]
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $1 - $0 >= minSegment } || pelt.isEmpty)
        }
    }
}
