/// The fixed hash behind every feature id (`turfhash64`): a 64-bit hash of a token's bytes,
/// read sixteen bytes at a time, and word n-grams hashed from their tokens' hashes.
///
/// Definition (all arithmetic modulo 2^64; `K0 = 0x9E3779B97F4A7C15`, `K1 = 0xBF58476D1CE4E5B9`,
/// `K2 = 0x94D049BB133111EB`):
/// - `bytesHash(b, s)`: pad the n bytes of `b` with zeros to a multiple of 16 bytes (at least
///   16), read each 16-byte block as two little-endian words `(u, v)`, start from `h = s ^ n`,
///   and for each block `h = fold((u ^ h) * (v ^ K1))`, where `fold` is the 128-bit product's
///   high half xor its low half; the result is `x ^ (x >> 29)` for `x = h * K2`.
/// - A word token's hash is `U = bytesHash(token, seed * K0 + K1)` (the configured 32-bit seed
///   widened, never 0); a character n-gram's is `bytesHash(ngram, (seed + 1 mod 2^32) * K0 + K1)`.
/// - The n-gram of tokens `t1 ... tk` (k >= 2) has the state `S1 = U(t1)`,
///   `Si = (S(i-1) * K0) ^ U(ti)`, and the hash `(Sk ^ (Sk >> 31)) * K1`.
/// - A feature id is the hash's high 32 bits masked to `hashBits` bits.
///
/// Why not MurmurHash3 over the joined n-gram (scikit-learn's choice, used here until
/// November 2026): here a bigram costs one multiplication instead of rehashing both words'
/// bytes, and a token of up to 16 bytes is hashed with two multiplications and no branch on
/// its length, which made tokenizing and hashing about 15% faster
/// (docs/tokenizer.md, "Sixth round"). fastText and Vowpal Wabbit hash n-grams from their
/// tokens' hashes the same way. The block step is wyhash's multiply-and-fold (Wang Yi, public
/// domain); as there, a block whose first word equals the running state loses its second word,
/// which natural text meets with probability about 2^-64 per block. `scripts/feature_id.py`
/// is an independent Python implementation for recomputing ids outside turfwatch.
public enum FeatureHash {
    @usableFromInline static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline static let k1: UInt64 = 0xBF58_476D_1CE4_E5B9
    @usableFromInline static let k2: UInt64 = 0x94D0_49BB_1331_11EB

    /// The name stored in model files (`FeatureConfig.hash`).
    public static let name = "turfhash64"

    /// The 64-bit seed word tokens hash with, from the configured 32-bit seed.
    @inlinable
    public static func wordSeed(_ seed: UInt32) -> UInt64 { UInt64(seed) &* k0 &+ k1 }

    /// The 64-bit seed character n-grams hash with: the next 32-bit seed, so a character
    /// n-gram and a word of the same spelling do not share an id by construction.
    @inlinable
    public static func charSeed(_ seed: UInt32) -> UInt64 { UInt64(seed &+ 1) &* k0 &+ k1 }

    /// The feature id of a 64-bit hash in `2^hashBits` buckets (`mask = 2^hashBits - 1`).
    @inlinable @inline(__always)
    public static func id(_ hash: UInt64, mask: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: hash &>> 32) & mask
    }

    /// The next n-gram state: `state` (an n-gram's, or its first token's hash) extended by a
    /// token whose hash is `token`.
    @inlinable @inline(__always)
    public static func extend(_ state: UInt64, with token: UInt64) -> UInt64 {
        (state &* k0) ^ token
    }

    /// The hash of an n-gram of two or more tokens from its state.
    @inlinable @inline(__always)
    public static func finishNGram(_ state: UInt64) -> UInt64 {
        (state ^ (state &>> 31)) &* k1
    }

    /// `bytesHash` of `count` bytes at `bytes`, reading whole words: the 16 bytes from the
    /// start of each 16-byte block must be readable (`TokenList` keeps 16 spare bytes after
    /// its last token).
    /// - Complexity: O(count)
    @inlinable @inline(__always)
    static func hashReadingWholeWords(_ bytes: UnsafePointer<UInt8>, count: Int, seed: UInt64) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var h = seed ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset &+ 16 < count {
            h = block(h, word(raw, at: offset), word(raw, at: offset &+ 8))
            offset &+= 16
        }
        // The last block, masked: both words always, the second often all padding, so a token
        // of up to 16 bytes takes no branch on its length.
        let left = count &- offset
        h = block(h, word(raw, at: offset) & keepLowBytes(left), word(raw, at: offset &+ 8) & (left > 8 ? keepLowBytes(left &- 8) : 0))
        return finish(h)
    }

    /// `bytesHash` of `bytes`, reading nothing past them: for callers without spare bytes.
    /// - Complexity: O(bytes.count)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        let count = bytes.count
        func word(at from: Int) -> UInt64 {
            var value: UInt64 = 0
            var index = from
            while index < min(from &+ 8, count) {
                value |= UInt64(bytes[index]) &<< UInt64((index &- from) &* 8)
                index &+= 1
            }
            return value
        }
        var h = seed ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        repeat {
            h = block(h, word(at: offset), word(at: offset &+ 8))
            offset &+= 16
        } while offset < count
        return finish(h)
    }

    /// `bytesHash` of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes, seed: UInt64) -> UInt64 where Bytes.Element == UInt8 {
        Array(bytes).withUnsafeBufferPointer { hash($0, seed: seed) }
    }

    /// The word n-gram hash of tokens given by their hashes (one token: its own hash).
    public static func nGram<Hashes: Sequence>(of tokenHashes: Hashes) -> UInt64 where Hashes.Element == UInt64 {
        var state: UInt64 = 0
        var count = 0
        for token in tokenHashes {
            state = count == 0 ? token : extend(state, with: token)
            count += 1
        }
        return count > 1 ? finishNGram(state) : state
    }

    /// The little-endian word of the 8 bytes at `offset`.
    @inlinable @inline(__always)
    static func word(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// A mask keeping a word's low `count` bytes (all of them from 8 on; `count` >= 0).
    @inlinable @inline(__always)
    static func keepLowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? .max : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }

    /// One 16-byte block `(u, v)` mixed into the state `h`.
    @inlinable @inline(__always)
    static func block(_ h: UInt64, _ u: UInt64, _ v: UInt64) -> UInt64 {
        let product = (u ^ h).multipliedFullWidth(by: v ^ k1)
        return product.high ^ product.low
    }

    /// The final multiply-xorshift, spreading the last block's bits over the high half the ids
    /// are taken from.
    @inlinable @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        let x = h &* k2
        return x ^ (x &>> 29)
    }
}
