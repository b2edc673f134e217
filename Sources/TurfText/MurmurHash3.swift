/// MurmurHash3_x86_32 (Austin Appleby, public domain): the fixed hash behind every feature id.
///
/// Chosen because it is fast on short keys, well mixed, documented, and available everywhere
/// (scikit-learn's `murmurhash3_32`, Python's `mmh3`), so a feature id can be recomputed
/// outside turfwatch: `mmh3.hash(b"vote nuttall", seed, signed=False) & (2**bits - 1)`.
public enum MurmurHash3 {
    /// The 32-bit hash of `count` bytes at `bytes`.
    /// - Complexity: O(count)
    @inlinable
    public static func hash32(_ bytes: UnsafePointer<UInt8>, count: Int, seed: UInt32) -> UInt32 {
        let c1: UInt32 = 0xcc9e_2d51
        let c2: UInt32 = 0x1b87_3593
        var h1 = seed
        let blocks = count >> 2
        let raw = UnsafeRawPointer(bytes)
        var offset = 0
        for _ in 0..<blocks {
            var k1 = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            offset &+= 4
            k1 &*= c1
            k1 = (k1 << 15) | (k1 >> 17)
            k1 &*= c2
            h1 ^= k1
            h1 = (h1 << 13) | (h1 >> 19)
            h1 = h1 &* 5 &+ 0xe654_6b64
        }
        var k1: UInt32 = 0
        let tail = count & 3
        if tail == 3 { k1 ^= UInt32(bytes[offset + 2]) << 16 }
        if tail >= 2 { k1 ^= UInt32(bytes[offset + 1]) << 8 }
        if tail >= 1 {
            k1 ^= UInt32(bytes[offset])
            k1 &*= c1
            k1 = (k1 << 15) | (k1 >> 17)
            k1 &*= c2
            h1 ^= k1
        }
        h1 ^= UInt32(truncatingIfNeeded: count)
        h1 ^= h1 >> 16
        h1 &*= 0x85eb_ca6b
        h1 ^= h1 >> 13
        h1 &*= 0xc2b2_ae35
        h1 ^= h1 >> 16
        return h1
    }

    /// The 32-bit hash of `bytes`.
    /// - Complexity: O(bytes.count)
    public static func hash32<Bytes: Sequence>(_ bytes: Bytes, seed: UInt32) -> UInt32 where Bytes.Element == UInt8 {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                var empty: UInt8 = 0
                return hash32(&empty, count: 0, seed: seed)
            }
            return hash32(base, count: buffer.count, seed: seed)
        }
    }
}
