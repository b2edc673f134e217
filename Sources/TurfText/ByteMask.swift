/// Byte-wise tests on eight bytes at once (SWAR: SIMD within a register), for the
/// tokenizer's word-wide fast paths.
///
/// A mask has the high bit of each byte set where the test holds and nothing else; the tests
/// are exact (no carries between bytes), so any byte of a mask can be used.
enum ByteMask {
    /// The high bit of every byte.
    static let high: UInt64 = 0x8080_8080_8080_8080
    /// The low seven bits of every byte.
    static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `byte` in every byte.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The bytes that are zero.
    @inline(__always)
    static func zero(_ word: UInt64) -> UInt64 { ~(((word & low) &+ low) | word | low) }

    /// The bytes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ repeating(byte)) }

    /// The bytes in `first...last`, both ASCII (non-ASCII bytes never match).
    @inline(__always)
    static func inRange(_ word: UInt64, _ first: UInt8, _ last: UInt8) -> UInt64 {
        let seven = word & low
        return (seven &+ repeating(0x80 &- first)) & ~(seven &+ repeating(0x7F &- last)) & ~word & high
    }
}
