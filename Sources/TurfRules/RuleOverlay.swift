#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// Applies fired rules to a model's scores: the overlay analysts use to add knowledge, veto false
/// positives and explain labels.
///
/// Per stance, **suppress beats assert beats boost**:
/// - `boost`: each fired boost rule adds its `weight` to the stance's log-odds (one-vs-rest) or to
///   its logit before the softmax (multi-class).
/// - `assert`: the stance holds whatever the model says: it is labelled, and its probability is
///   raised to at least its threshold (multi-class: to at least max(threshold, 0.5), so it is
///   also the most probable class; the other classes share the rest in proportion).
/// - `suppress`: the stance is vetoed: probability 0 and no label (multi-class: the other
///   classes are renormalised and the most probable of them is the label).
/// Every hit is kept in `ruleHits`, including those a stronger effect overrode.
public enum RuleOverlay {
    /// The stance scores after the overlay.
    ///
    /// - Parameters:
    ///   - hits: the rules that fired on the post (`RuleMatcher.hits(in:)`).
    ///   - boostWeights: weight by rule id for boost rules (`RuleSet.boostWeights`).
    ///   - logits: the model's raw scores, aligned with `stances`: log-odds for one-vs-rest,
    ///     logits for a softmax when `multiClass`.
    ///   - stances: the model's stance names.
    ///   - thresholds: per-stance decision thresholds (one-vs-rest labels; assert floors).
    ///   - multiClass: whether exactly one label is decided (softmax) rather than one per stance.
    /// Hits on stances the model does not have change nothing but are still listed.
    /// - Complexity: O(stances × hits).
    public static func apply(
        hits: [RuleHit],
        boostWeights: [String: Double],
        to logits: [Double],
        stances: [String],
        thresholds: [Double],
        multiClass: Bool
    ) -> StanceScores {
        precondition(logits.count == stances.count && thresholds.count == stances.count, "logits, stances and thresholds must align")
        var adjusted = logits
        var asserted = [Bool](repeating: false, count: stances.count)
        var suppressed = asserted
        for hit in hits {
            guard let index = stances.firstIndex(of: hit.stance) else { continue }
            switch hit.effect {
            case .boost: adjusted[index] += boostWeights[hit.id] ?? 0
            case .assert: asserted[index] = true
            case .suppress: suppressed[index] = true
            }
        }
        for index in stances.indices where suppressed[index] { asserted[index] = false }
        if multiClass {
            return multiClassScores(adjusted, asserted: asserted, suppressed: suppressed, stances: stances, thresholds: thresholds, hits: hits)
        }
        var probabilities = adjusted.map(sigmoid)
        var labels: [String] = []
        for index in stances.indices {
            if suppressed[index] {
                probabilities[index] = 0
            } else if asserted[index] {
                probabilities[index] = max(probabilities[index], thresholds[index])
                labels.append(stances[index])
            } else if probabilities[index] >= thresholds[index] {
                labels.append(stances[index])
            }
        }
        return StanceScores(stances: stances, probabilities: probabilities, labels: labels, ruleHits: hits)
    }

    private static func multiClassScores(
        _ logits: [Double], asserted: [Bool], suppressed: [Bool], stances: [String], thresholds: [Double], hits: [RuleHit]
    ) -> StanceScores {
        let live = stances.indices.filter { !suppressed[$0] }
        guard let top = live.map({ logits[$0] }).max() else {
            return StanceScores(stances: stances, probabilities: Array(repeating: 0, count: stances.count), labels: [], ruleHits: hits)
        }
        var probabilities = [Double](repeating: 0, count: stances.count)
        var total = 0.0
        for index in live {
            probabilities[index] = exp(logits[index] - top)
            total += probabilities[index]
        }
        for index in live { probabilities[index] /= total }
        let candidates = live.filter { asserted[$0] }.isEmpty ? live : live.filter { asserted[$0] }
        let winner = candidates.max { probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 > $1) }!
        if asserted[winner] {
            let floor = max(thresholds[winner], 0.5)
            let current = probabilities[winner]
            if current < floor {
                let rest = 1 - current
                for index in live where index != winner {
                    probabilities[index] = rest > 0 ? probabilities[index] * (1 - floor) / rest : 0
                }
                probabilities[winner] = floor
            }
        }
        return StanceScores(stances: stances, probabilities: probabilities, labels: [stances[winner]], ruleHits: hits)
    }

    /// The logistic function, stable for large magnitudes.
    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }
}
