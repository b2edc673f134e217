/// Disjoint sets over `0..<count` with path halving and union by size.
struct UnionFind {
    private var parent: [UInt32]
    private var size: [UInt32]

    /// `count` singleton sets.
    init(count: Int) {
        parent = (0..<count).map { UInt32($0) }
        size = [UInt32](repeating: 1, count: count)
    }

    /// The representative of `element`'s set.
    /// - Complexity: amortised nearly O(1).
    mutating func find(_ element: Int) -> Int {
        var node = element
        while Int(parent[node]) != node {
            parent[node] = parent[Int(parent[node])]
            node = Int(parent[node])
        }
        return node
    }

    /// Merges the sets of `a` and `b`.
    mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = UInt32(rootA)
        size[rootA] += size[rootB]
    }
}
