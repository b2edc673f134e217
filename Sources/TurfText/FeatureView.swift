#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A second weighting of the same hashed features, stacked after the first.
///
/// With `FeatureConfig.secondView` set, a post's vector holds its features twice: ids below
/// `2^hashBits` carry the configured weighting, ids `2^hashBits + id` carry this view's. Two
/// models that want different values of the same n-grams (naive Bayes on counts, logistic
/// regression on L2-normalised presence) then fit into one linear scorer over one vector.
public struct FeatureView: Codable, Hashable, Sendable {
    /// How counts become values in this view.
    public var weighting: Weighting
    /// Scale this view's values to unit Euclidean length (on their own).
    public var l2Normalize: Bool

    /// Creates a view.
    public init(weighting: Weighting, l2Normalize: Bool) {
        self.weighting = weighting
        self.l2Normalize = l2Normalize
    }

    /// Parses `WEIGHTING` or `WEIGHTING+l2` (`binary+l2`, `logtf+l2`, `counts`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.count == 1 || parts[1] == "l2" else { return nil }
        switch parts[0] {
        case "counts": weighting = .counts
        case "binary": weighting = .binary
        case "logtf": weighting = .logTF
        default: return nil
        }
        l2Normalize = parts.count == 2
    }

    /// The view as `parsing` reads it.
    public var name: String {
        (weighting == .logTF ? "logtf" : weighting.rawValue) + (l2Normalize ? "+l2" : "")
    }

    /// Appends this view of the `count` raw counts at the front of `ids`/`values` (ids shifted by
    /// `offset`) after them; the caller has reserved room for `count` more entries in each.
    func append(ids: inout RawBuffer<UInt32>, values: inout RawBuffer<Float>, count: Int, offset: UInt32) {
        let start = values.count
        for index in 0..<count {
            ids.append(ids.base[index] + offset)
            let raw = values.base[index]
            switch weighting {
            case .counts: values.append(raw)
            case .binary: values.append(1)
            case .logTF: values.append(raw > 1 ? 1 + logf(raw) : raw)
            }
        }
        guard l2Normalize, count > 0 else { return }
        var sum: Float = 0
        for index in start..<(start + count) { sum += values.base[index] * values.base[index] }
        let scale = 1 / sum.squareRoot()
        for index in start..<(start + count) { values.base[index] *= scale }
    }
}
