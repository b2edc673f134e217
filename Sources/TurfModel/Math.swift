#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// log Σ exp(values), stable.
func logSumExp(_ values: [Double]) -> Double {
    let top = values.max() ?? 0
    guard top.isFinite else { return top }
    var sum = 0.0
    for value in values { sum += exp(value - top) }
    return top + log(sum)
}

/// A small deterministic random generator (SplitMix64), so that folds and searches repeat exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
