import TurfCore

/// MinHash signatures of word-shingle sets, for estimating Jaccard similarity between texts.
///
/// 64 multiply-shift hash functions; each signature value keeps the top 8 bits of the minimum,
/// so a signature costs 64 bytes. Different minima agree on 8 bits with probability 1/256, which
/// raises a Jaccard estimate `J` by `(1 - J) / 256` on average: 0.0008 at the 0.8 threshold.
struct MinHasher: Sendable {
    /// Hash functions per signature.
    static let length = 64
    /// LSH bands; `length / bands` rows each. 16 bands of 4 rows make a pair with Jaccard 0.8
    /// a candidate with probability 0.9998 and one with Jaccard 0.3 with probability 0.12.
    static let bands = 16
    static let rows = length / bands

    private let multipliers: [UInt64]
    private let addends: [UInt64]

    /// Creates the hash family from a fixed seed, so signatures are comparable across runs.
    init(seed: UInt64 = 0x5EED_0F_5410) {
        var generator = SplitMix64(seed: seed)
        multipliers = (0..<Self.length).map { _ in generator.next() | 1 }
        addends = (0..<Self.length).map { _ in generator.next() }
    }

    /// Appends the signature of the shingles of `tokens` (`shingleSize` consecutive tokens each;
    /// one shingle of all tokens when there are fewer) to `out`.
    /// - Complexity: O(shingles × 64).
    func appendSignature(tokens: [UInt64], shingleSize: Int, to out: inout [UInt8]) {
        var minima = [UInt32](repeating: .max, count: Self.length)
        let shingleCount = max(1, tokens.count - shingleSize + 1)
        let width = min(shingleSize, tokens.count)
        minima.withUnsafeMutableBufferPointer { minima in
            multipliers.withUnsafeBufferPointer { multipliers in
                addends.withUnsafeBufferPointer { addends in
                    for start in 0..<shingleCount {
                        var shingle: UInt64 = 0x51_4E_47_4C
                        for offset in 0..<width { shingle = Hashing.combine(shingle, tokens[start + offset]) }
                        for index in 0..<Self.length {
                            let value = UInt32(truncatingIfNeeded: (multipliers[index] &* shingle &+ addends[index]) >> 32)
                            if value < minima[index] { minima[index] = value }
                        }
                    }
                }
            }
        }
        for value in minima { out.append(UInt8(truncatingIfNeeded: value >> 24)) }
    }

    /// The fraction of equal positions of two signatures: the Jaccard similarity estimate.
    static func similarity(_ signatures: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Double {
        var equal = 0
        let baseA = a * length
        let baseB = b * length
        for index in 0..<length where signatures[baseA + index] == signatures[baseB + index] { equal += 1 }
        return Double(equal) / Double(length)
    }

    /// The hash of band `band` of signature `index`.
    static func bandKey(_ signatures: UnsafeBufferPointer<UInt8>, _ index: Int, band: Int) -> UInt64 {
        var state = UInt64(band) &* 0x9E37_79B9
        let base = index * length + band * rows
        for offset in 0..<rows { state = (state << 8) | UInt64(signatures[base + offset]) }
        return Hashing.mix(state ^ (UInt64(band) << 58))
    }
}
