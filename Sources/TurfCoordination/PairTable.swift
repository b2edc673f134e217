/// An open-addressing hash map from an account pair to its summed evidence, co-action count
/// and signal mask: 16 bytes a slot, no per-entry allocation.
struct PairTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var weights: [Float]
    /// Co-action count in the high 24 bits, signal mask in the low 8.
    private(set) var tallies: [UInt32]
    private(set) var count = 0
    private var mask: Int

    /// The key of the pair of account indices `a` and `b` (order does not matter; never 0 for a != b).
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32) -> UInt64 {
        a < b ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
    }

    /// An empty table with room for about `capacity` pairs before it grows.
    init(capacity: Int = 1 << 16) {
        var slots = 1024
        while slots * 5 < capacity * 8 { slots <<= 1 }
        keys = [UInt64](repeating: 0, count: slots)
        weights = [Float](repeating: 0, count: slots)
        tallies = [UInt32](repeating: 0, count: slots)
        mask = slots - 1
    }

    /// Adds one co-action of `signal` with `weight` to `key`; inserts the pair only when
    /// `insert` is true. Returns whether the pair is (now) present.
    /// - Complexity: amortised O(1).
    @discardableResult
    mutating func add(_ key: UInt64, weight: Float, signal: Int, insert: Bool) -> Bool {
        var slot = Int(truncatingIfNeeded: Hashing.mix(key)) & mask
        while true {
            let found = keys[slot]
            if found == key {
                weights[slot] += weight
                tallies[slot] = (tallies[slot] &+ (1 << 8)) | (1 << UInt32(signal))
                return true
            }
            if found == 0 {
                guard insert else { return false }
                keys[slot] = key
                weights[slot] = weight
                tallies[slot] = (1 << 8) | (1 << UInt32(signal))
                count += 1
                if count * 8 > keys.count * 5 { grow() }
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with every pair's key, weight, co-action count and signal mask.
    func forEach(_ body: (UInt64, Float, Int, UInt8) -> Void) {
        for slot in 0..<keys.count where keys[slot] != 0 {
            body(keys[slot], weights[slot], Int(tallies[slot] >> 8), UInt8(truncatingIfNeeded: tallies[slot]))
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldWeights = weights
        let oldTallies = tallies
        let slots = keys.count * 2
        keys = [UInt64](repeating: 0, count: slots)
        weights = [Float](repeating: 0, count: slots)
        tallies = [UInt32](repeating: 0, count: slots)
        mask = slots - 1
        for index in 0..<oldKeys.count where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: Hashing.mix(oldKeys[index])) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            weights[slot] = oldWeights[index]
            tallies[slot] = oldTallies[index]
        }
    }
}
