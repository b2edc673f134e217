/// Groups distinct texts whose estimated Jaccard similarity reaches a threshold (MinHash-LSH).
///
/// For each band, texts are sorted by band hash; within a run of equal band hashes each text is
/// verified against the run's first text and its predecessor, and matches are united. Groups are
/// the transitive closure of verified matches, so a chain of near-duplicates forms one group.
enum NearDuplicateGrouper {
    /// The group representative of every text (an index into the signatures).
    /// - Parameter signatures: `MinHasher.length` values per text, texts back to back.
    /// - Complexity: O(texts × bands × log texts).
    static func group(signatures: [UInt8], threshold: Double) -> [Int] {
        let count = signatures.count / MinHasher.length
        var sets = UnionFind(count: count)
        guard count > 1 else { return (0..<count).map { $0 } }
        var entries = [(key: UInt64, text: UInt32)](repeating: (0, 0), count: count)
        signatures.withUnsafeBufferPointer { signatures in
            for band in 0..<MinHasher.bands {
                for text in 0..<count {
                    entries[text] = (MinHasher.bandKey(signatures, text, band: band), UInt32(text))
                }
                entries.sort { $0.key < $1.key || ($0.key == $1.key && $0.text < $1.text) }
                var start = 0
                while start < count {
                    var end = start + 1
                    while end < count, entries[end].key == entries[start].key { end += 1 }
                    if end - start > 1 {
                        let first = Int(entries[start].text)
                        for position in (start + 1)..<end {
                            let text = Int(entries[position].text)
                            let previous = Int(entries[position - 1].text)
                            if sets.find(text) == sets.find(first) { continue }
                            if MinHasher.similarity(signatures, text, first) >= threshold {
                                sets.union(text, first)
                            } else if previous != first, MinHasher.similarity(signatures, text, previous) >= threshold {
                                sets.union(text, previous)
                            }
                        }
                    }
                    start = end
                }
            }
        }
        return (0..<count).map { sets.find($0) }
    }
}
