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
