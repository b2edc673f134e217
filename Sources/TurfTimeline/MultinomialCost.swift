#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The multinomial segment cost PELT minimises: twice the negative maximised log-likelihood
/// of the category counts in a segment, `-2 Σ_c n_c log(n_c / N)`.
///
/// Written as `-2 (Σ_c n_c log n_c − N log N)` so a segment's cost needs only its counts,
/// which prefix sums give in O(categories). `n log n` for small counts comes from a table,
/// because this is the innermost loop of change-point search over a million accounts.
enum MultinomialCost {
    /// `n log n` for `n` below this bound is read from `table`.
    static let tableSize = 8192

    /// `table[n] = n log n` (natural log), with `0 log 0 = 0`.
    static let table: [Double] = (0..<tableSize).map { $0 == 0 ? 0 : Double($0) * log(Double($0)) }

    /// `n log n`, with `0 log 0 = 0`.
    @inline(__always)
    static func xlogx(_ n: Int32) -> Double {
        n < tableSize ? table.withUnsafeBufferPointer { $0[Int(n)] } : Double(n) * log(Double(n))
    }

    /// The cost of the segment whose per-category counts are `counts`.
    static func cost(_ counts: some Collection<Int32>) -> Double {
        var total: Int32 = 0
        var sum = 0.0
        for count in counts {
            total += count
            sum += xlogx(count)
        }
        return -2 * (sum - xlogx(total))
    }
}

extension MultinomialCost {
    /// The natural logarithm (one name for Glibc and Darwin).
    @inline(__always)
    static func naturalLog(_ x: Double) -> Double { log(x) }

    /// `e^x`.
    @inline(__always)
    static func exponential(_ x: Double) -> Double { exp(x) }
}
