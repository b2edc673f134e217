/// Turning probabilities into decided labels.
public enum Decision {
    /// Multi-class: the single most probable label (the first on ties). Multi-label: every
    /// label whose probability reaches its threshold.
    public static func labels(probabilities: [Double], thresholds: [Double], multiClass: Bool) -> [Int] {
        if multiClass {
            var best = 0
            for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
            return probabilities.isEmpty ? [] : [best]
        }
        return probabilities.indices.filter { probabilities[$0] >= thresholds[$0] }
    }

    /// The threshold maximising F1 for one label, given out-of-fold probabilities and truths:
    /// the midpoint below the best cut among the sorted scores; 0.5 when the label never occurs.
    /// - Complexity: O(n log n)
    public static func bestThreshold(probabilities: [Double], truth: [Bool]) -> Double {
        let positives = truth.filter { $0 }.count
        guard positives > 0, positives < truth.count else { return 0.5 }
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1) }
        var truePositive = 0
        var bestF1 = -1.0
        var bestThreshold = 0.5
        var rank = 0
        while rank < order.count {
            let value = probabilities[order[rank]]
            while rank < order.count, probabilities[order[rank]] == value {
                if truth[order[rank]] { truePositive += 1 }
                rank += 1
            }
            let f1 = 2 * Double(truePositive) / Double(rank + positives)
            if f1 > bestF1 {
                bestF1 = f1
                let next = rank < order.count ? probabilities[order[rank]] : 0
                bestThreshold = (value + next) / 2
            }
        }
        return bestThreshold
    }
}
