import TurfCore

/// Louvain community detection (Blondel et al. 2008) on a weighted undirected graph.
///
/// Deterministic: nodes are visited in an order shuffled by a seeded generator, and ties keep
/// the current community, so the same graph and seed give the same communities.
struct Louvain {
    /// Modularity resolution; 1 is classic modularity.
    var resolution: Double = 1
    /// Seed of the visiting order.
    var seed: UInt64 = 1

    private struct Graph {
        var offsets: [Int]
        var neighbours: [Int32]
        var weights: [Double]
        var loops: [Double]
        var degrees: [Double]
        var total: Double
    }

    /// The community of each of `nodeCount` nodes, numbered from 0 in order of first node.
    /// - Parameter edges: `(u, v, weight)` with `u != v`, each undirected edge once.
    /// - Complexity: about O(E log V) in practice.
    func communities(nodeCount: Int, edges: [(Int32, Int32, Double)]) -> [Int] {
        guard nodeCount > 0 else { return [] }
        var graph = Self.build(nodeCount: nodeCount, edges: edges, loops: [Double](repeating: 0, count: nodeCount))
        var membership = Array(0..<nodeCount)
        var generator = SplitMix64(seed: seed)
        for _ in 0..<32 {
            let (community, moved) = localMoving(graph, generator: &generator)
            let (renumbered, count) = Self.renumber(community)
            for node in 0..<nodeCount { membership[node] = renumbered[membership[node]] }
            if !moved || count == graph.loops.count { break }
            graph = Self.aggregate(graph, community: renumbered, count: count)
        }
        return Self.renumber(membership).0
    }

    private func localMoving(_ graph: Graph, generator: inout SplitMix64) -> ([Int], Bool) {
        let count = graph.loops.count
        var community = Array(0..<count)
        var totals = graph.degrees
        guard graph.total > 0 else { return (community, false) }
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        var linkWeight = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        var movedAny = false
        let scale = resolution / (2 * graph.total)
        for _ in 0..<100 {
            var moved = false
            for node in order {
                let current = community[node]
                let degree = graph.degrees[node]
                for index in graph.offsets[node]..<graph.offsets[node + 1] {
                    let target = community[Int(graph.neighbours[index])]
                    if linkWeight[target] == 0 { touched.append(target) }
                    linkWeight[target] += graph.weights[index]
                }
                totals[current] -= degree
                var best = current
                var bestGain = linkWeight[current] - totals[current] * degree * scale
                for target in touched where target != current {
                    let gain = linkWeight[target] - totals[target] * degree * scale
                    if gain > bestGain + 1e-12 {
                        best = target
                        bestGain = gain
                    }
                }
                totals[best] += degree
                community[node] = best
                if best != current { moved = true }
                for target in touched { linkWeight[target] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            if !moved { break }
            movedAny = true
        }
        return (community, movedAny)
    }

    private static func renumber(_ labels: [Int]) -> ([Int], Int) {
        var map = [Int: Int]()
        var out = [Int](repeating: 0, count: labels.count)
        for (index, label) in labels.enumerated() {
            if let number = map[label] {
                out[index] = number
            } else {
                out[index] = map.count
                map[label] = map.count
            }
        }
        return (out, map.count)
    }

    private static func build(nodeCount: Int, edges: [(Int32, Int32, Double)], loops: [Double]) -> Graph {
        var degreeCount = [Int](repeating: 0, count: nodeCount + 1)
        for (u, v, _) in edges {
            degreeCount[Int(u) + 1] += 1
            degreeCount[Int(v) + 1] += 1
        }
        for index in 0..<nodeCount { degreeCount[index + 1] += degreeCount[index] }
        var fill = degreeCount
        var neighbours = [Int32](repeating: 0, count: edges.count * 2)
        var weights = [Double](repeating: 0, count: edges.count * 2)
        var degrees = loops.map { $0 * 2 }
        var total = loops.reduce(0, +)
        for (u, v, weight) in edges {
            neighbours[fill[Int(u)]] = v
            weights[fill[Int(u)]] = weight
            fill[Int(u)] += 1
            neighbours[fill[Int(v)]] = u
            weights[fill[Int(v)]] = weight
            fill[Int(v)] += 1
            degrees[Int(u)] += weight
            degrees[Int(v)] += weight
            total += weight
        }
        return Graph(offsets: degreeCount, neighbours: neighbours, weights: weights, loops: loops, degrees: degrees, total: total)
    }

    private static func aggregate(_ graph: Graph, community: [Int], count: Int) -> Graph {
        var loops = [Double](repeating: 0, count: count)
        var merged: [UInt64: Double] = [:]
        for node in 0..<graph.loops.count {
            let from = community[node]
            loops[from] += graph.loops[node]
            for index in graph.offsets[node]..<graph.offsets[node + 1] {
                let neighbour = Int(graph.neighbours[index])
                guard node < neighbour else { continue }
                let to = community[neighbour]
                if from == to {
                    loops[from] += graph.weights[index]
                } else {
                    let key = UInt64(min(from, to)) << 32 | UInt64(max(from, to))
                    merged[key, default: 0] += graph.weights[index]
                }
            }
        }
        let edges = merged.sorted { $0.key < $1.key }.map { (Int32($0.key >> 32), Int32($0.key & 0xFFFF_FFFF), $0.value) }
        return build(nodeCount: count, edges: edges, loops: loops)
    }
}
