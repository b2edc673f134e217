#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The upper tail of the Poisson distribution, in `-log10`, accurate far into the tail.
enum PoissonTail {
    /// `-log10 P(N >= observed)` for `N ~ Poisson(mean)`; 0 when `observed <= 0`.
    static func negativeLog10(observed: Int, mean: Double) -> Double {
        guard observed > 0 else { return 0 }
        guard mean > 0 else { return 300 }
        let x = Double(observed)
        if mean < x {
            var sum = 1.0
            var term = 1.0
            var j = 1.0
            while j < 200 {
                term *= mean / (x + j)
                sum += term
                if term < sum * 1e-12 { break }
                j += 1
            }
            let logP = x * log(mean) - mean - lgamma(x + 1) + log(sum)
            return min(300, max(0, -logP / log(10.0)))
        }
        var cdf = 0.0
        var term = exp(-mean)
        for i in 0..<observed {
            cdf += term
            term *= mean / Double(i + 1)
        }
        let tail = max(1e-300, 1 - cdf)
        return max(0, -log10(tail))
    }
}
