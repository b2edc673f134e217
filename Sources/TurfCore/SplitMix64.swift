/// A small, fast, seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The one seeded generator every stage uses (the simulator, cross-validation folds, MinHash
/// permutations, Louvain's visiting order, simulated timelines): they need the same bytes for the
/// same seed on every platform and every run, which `SystemRandomNumberGenerator` cannot give;
/// SplitMix64 passes BigCrush and costs a few nanoseconds a draw. `init(seed:stream:salt:)`
/// derives independent streams (the simulator's accounts), so they can be generated in any
/// order, on any thread, with identical results.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Creates an independent stream for one `stream` index (e.g. an account) under `seed`.
    public init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15 &* (salt &+ 1)))
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit hash.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift.
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p`.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array, uniformly.
    @inline(__always)
    public mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    /// A standard normal draw (Box–Muller).
    public mutating func normal() -> Double {
        let u = max(unit(), 0x1.0p-60)
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A log-normal draw with the given median and shape `sigma`.
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// An exponential draw with the given mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(max(1 - unit(), 0x1.0p-60))
    }

    /// A Poisson draw with mean `lambda` (Knuth's method below 30, a rounded normal above).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda >= 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        return poissonByProducts(lambda)
    }

    /// A Poisson draw with mean `lambda` by Knuth's method (multiplying uniforms until the
    /// product falls to `exp(-lambda)`): exact, but about `lambda` draws, so for small means.
    public mutating func poissonByProducts(_ lambda: Double) -> Int {
        let limit = exp(-lambda)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// A Zipf-like rank in `0..<count`: rank r is drawn with weight about 1/(r+1)^exponent.
    public mutating func zipf(_ count: Int, exponent: Double = 1.1) -> Int {
        // Inverse of the continuous approximation of the harmonic sum, good enough for vocabulary use.
        let u = unit()
        let s = exponent
        let n = Double(count)
        let h = (pow(n + 1, 1 - s) - 1) / (1 - s)
        let x = pow(u * h * (1 - s) + 1, 1 / (1 - s)) - 1
        return min(count - 1, max(0, Int(x)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
