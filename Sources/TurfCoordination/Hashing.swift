import TurfCore

/// Small, fast, seedable 64-bit hashing for items, shingles and pair keys.
///
/// Swift's `Hasher` is randomly seeded per process; scores must be reproducible, so items are
/// hashed with FNV-1a and finished with the SplitMix64 mixer.
enum Hashing {
    /// FNV-1a over `bytes`, starting from `seed`, then mixed.
    @inline(__always)
    static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64) -> UInt64 {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return mix(state)
    }

    /// Hashes a string's UTF-8 bytes.
    @inline(__always)
    static func hash(_ text: String, seed: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0, seed: seed) }
    }

    /// The SplitMix64 finaliser: a bijective avalanche of 64 bits.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        SplitMix64.mix(value &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// Combines an ordered sequence of hashes.
    @inline(__always)
    static func combine(_ state: UInt64, _ value: UInt64) -> UInt64 {
        mix(state ^ (value &* 0x9E37_79B9_7F4A_7C15))
    }
}
