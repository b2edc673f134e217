/// Memoised MurmurHash3 work for short tokens (1 to 8 bytes): the hash state after the token's
/// whole 4-byte blocks and its finished unigram id, so a frequent word (`the`, `vote`, `@user`,
/// `<num>`, `не`) costs one table probe instead of a block loop, a tail and an avalanche, and
/// its bigram continues from the remembered state.
///
/// A direct-mapped table of `slots` entries of two words each: the key, then the state in the
/// low half and the id in the high half. A key is the token's bytes in a little-endian word,
/// zeros above them: the word read from the token's start, masked by one of ten masks (for
/// lengths 0 to 8, and 0 for longer tokens) kept after the table, since a masked load is
/// cheaper than a shift by a variable count. It is exact because no token holds a zero byte
/// (the normaliser drops U+0000 with every other control character, raw or as an entity, and
/// no other character's UTF-8 has a zero byte), so the zeros mark the length. An empty slot
/// holds all ones, which no key equals (0xFF is never part of UTF-8); a longer token probes
/// slot 0 with key 0, which no slot holds, so it always misses, and its entry is written there
/// under a key of all ones: the hashing loop needs no branch on the length.
///
/// The table only memoises: a hit gives exactly what hashing the token gives, for the seed and
/// hash width it was filled with (`prepare` clears it when they change).
struct UnigramCache {
    /// Entries in the table (a power of two): 128 KB. Measured with alternating builds (CPU
    /// time): on the benchmark posts, whose vocabulary is small, 2,048 entries ran 1.5% faster
    /// than 1,024, 4,096 another 1% and 8,192 the same as 4,096; on 6,565 real tweets, 1,024
    /// to 4,096 entries ran 1.5% to 5% slower than no cache (too many misses), 8,192 about 1%
    /// faster.
    static let slots = 8192
    /// `log2(slots)`.
    static let slotBits = 13

    private var entries: UnsafeMutablePointer<UInt64>?
    /// The seed and hash width the entries were computed with.
    private var owner: UInt64 = .max
    /// Whether a post has asked for the table before: the first post of a scratch goes
    /// without, so a scratch made for one post (`FeatureExtractor.vector(for: String)`)
    /// never allocates and clears 128 KB.
    private var asked = false

    /// The table for `seed` and `hashBits`, allocated on the second call and cleared when
    /// either differs from the last call's; nil on the first call.
    @inline(__always)
    mutating func prepare(seed: UInt32, hashBits: Int) -> UnsafeMutablePointer<UInt64>? {
        let wanted = UInt64(seed) | UInt64(truncatingIfNeeded: hashBits) &<< 32
        if let entries, owner == wanted { return entries }
        return reset(owner: wanted)
    }

    @inline(never)
    private mutating func reset(owner wanted: UInt64) -> UnsafeMutablePointer<UInt64>? {
        guard asked else {
            asked = true
            return nil
        }
        let table = entries ?? UnsafeMutablePointer<UInt64>.allocate(capacity: 2 &* Self.slots &+ 10)
        table.initialize(repeating: .max, count: 2 &* Self.slots)
        // The masks keeping a token's 0 to 8 bytes, and 0 for a longer one.
        for length in 0...9 {
            table[2 &* Self.slots &+ length] = length > 8 ? 0 : length == 8 ? .max : (1 &<< UInt64(length &* 8)) &- 1
        }
        entries = table
        owner = wanted
        return table
    }

    /// The entry a token of `length` bytes whose first eight bytes (read past its end) are
    /// `word` is looked up in, and the key it must hold: for a token longer than eight bytes,
    /// slot 0 and a key of 0, so the probe misses.
    @inline(__always)
    static func probe(
        _ table: UnsafeMutablePointer<UInt64>, word: UInt64, length: Int
    ) -> (slot: Int, key: UInt64) {
        let key = word & table[2 &* slots &+ min(length, 9)]
        return (Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 &- slotBits)), key)
    }

    /// The key a missed token's entry is stored under: its probe key, or for a token longer
    /// than eight bytes (probe key 0) all ones, the empty key.
    @inline(__always)
    static func storedKey(_ key: UInt64) -> UInt64 {
        key == 0 ? .max : key
    }

    /// Releases the table; called once by the owner.
    func deallocate() { entries?.deallocate() }
}
