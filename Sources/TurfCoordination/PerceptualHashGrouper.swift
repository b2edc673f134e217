/// Groups 64-bit perceptual hashes that lie within a Hamming distance of each other.
///
/// Pigeonhole banding: with distance `d` the 64 bits are cut into `d + 1` bands, and two hashes
/// within distance `d` agree exactly on at least one band. Candidates sharing a band are
/// verified with a popcount; groups are the transitive closure of verified matches.
enum PerceptualHashGrouper {
    /// The group representative (an index into `hashes`) of every hash.
    /// - Complexity: O(bands × (n log n + candidates)); runs of one band value longer than 512
    ///   are compared only with their first 512 members.
    static func group(hashes: [UInt64], maximumDistance: Int) -> [Int] {
        let count = hashes.count
        var sets = UnionFind(count: count)
        guard count > 1 else { return (0..<count).map { $0 } }
        let bands = maximumDistance + 1
        var entries = [(key: UInt64, index: UInt32)](repeating: (0, 0), count: count)
        for band in 0..<bands {
            let low = band * 64 / bands
            let high = (band + 1) * 64 / bands
            let mask: UInt64 = high - low == 64 ? .max : ((1 << UInt64(high - low)) - 1) << UInt64(low)
            for index in 0..<count { entries[index] = (hashes[index] & mask, UInt32(index)) }
            entries.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
            var start = 0
            while start < count {
                var end = start + 1
                while end < count, entries[end].key == entries[start].key { end += 1 }
                if end - start > 1 {
                    for position in (start + 1)..<end {
                        let a = Int(entries[position].index)
                        for other in start..<min(position, start + 512) {
                            let b = Int(entries[other].index)
                            if (hashes[a] ^ hashes[b]).nonzeroBitCount <= maximumDistance {
                                sets.union(a, b)
                                break
                            }
                        }
                    }
                }
                start = end
            }
        }
        return (0..<count).map { sets.find($0) }
    }
}
