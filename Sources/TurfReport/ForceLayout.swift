/// A deterministic force-directed layout (Fruchterman and Reingold 1991) for the network chart.
///
/// Deterministic: starting positions come from a seeded generator, so the same graph always
/// gives the same picture and reports can be compared run to run.
/// - Complexity: O(iterations × (n² + e)); the report caps n at a few hundred nodes.
enum ForceLayout {
    /// Positions in the unit square, each connected component laid out on its own and the
    /// components packed into a grid (largest first), so separate clusters stay readable
    /// instead of being pushed into the corners by each other's repulsion.
    static func packedPositions(nodeCount: Int, edges: [NetworkView.Edge]) -> [(Double, Double)] {
        guard nodeCount > 0 else { return [] }
        var parent = Array(0..<nodeCount)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for edge in edges { parent[root(edge.a)] = root(edge.b) }
        var members: [Int: [Int]] = [:]
        for node in 0..<nodeCount { members[root(node), default: []].append(node) }
        let components = members.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        let columns = Int(Double(components.count).squareRoot().rounded(.up))
        let rows = (components.count + columns - 1) / columns
        let largest = Double(components[0].count)
        var result = [(Double, Double)](repeating: (0.5, 0.5), count: nodeCount)
        for (index, component) in components.enumerated() {
            var local: [Int: Int] = [:]
            for (position, node) in component.enumerated() { local[node] = position }
            let localEdges = edges.compactMap { edge -> NetworkView.Edge? in
                guard let a = local[edge.a], let b = local[edge.b] else { return nil }
                return NetworkView.Edge(a: a, b: b, weight: edge.weight)
            }
            let inner = positions(nodeCount: component.count, edges: localEdges)
            let cellWidth = 1.0 / Double(columns), cellHeight = 1.0 / Double(rows)
            let scale = component.count == 1 ? 0 : max((Double(component.count) / largest).squareRoot(), 0.35) * 0.8
            let centreX = (Double(index % columns) + 0.5) * cellWidth
            let centreY = (Double(index / columns) + 0.5) * cellHeight
            for (position, node) in component.enumerated() {
                result[node] = (centreX + (inner[position].0 - 0.5) * scale * cellWidth,
                                centreY + (inner[position].1 - 0.5) * scale * cellHeight)
            }
        }
        return result
    }

    /// Positions in the unit square for `nodeCount` nodes joined by `edges`.
    static func positions(nodeCount: Int, edges: [NetworkView.Edge], iterations: Int = 300, seed: UInt64 = 7) -> [(Double, Double)] {
        guard nodeCount > 0 else { return [] }
        var state = seed
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x = (0..<nodeCount).map { _ in random() }
        var y = (0..<nodeCount).map { _ in random() }
        let k = (1.0 / Double(nodeCount)).squareRoot()
        let maximumWeight = edges.map(\.weight).max() ?? 1
        var temperature = 0.1
        for _ in 0..<iterations {
            var dx = [Double](repeating: 0, count: nodeCount)
            var dy = [Double](repeating: 0, count: nodeCount)
            for i in 0..<nodeCount {
                for j in (i + 1)..<nodeCount {
                    let ddx = x[i] - x[j], ddy = y[i] - y[j]
                    let distance = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-4)
                    let force = k * k / distance
                    dx[i] += ddx / distance * force; dy[i] += ddy / distance * force
                    dx[j] -= ddx / distance * force; dy[j] -= ddy / distance * force
                }
            }
            for edge in edges {
                let ddx = x[edge.a] - x[edge.b], ddy = y[edge.a] - y[edge.b]
                let distance = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-4)
                let force = distance * distance / k * (0.3 + 0.7 * edge.weight / maximumWeight)
                dx[edge.a] -= ddx / distance * force; dy[edge.a] -= ddy / distance * force
                dx[edge.b] += ddx / distance * force; dy[edge.b] += ddy / distance * force
            }
            for i in 0..<nodeCount {
                // A weak pull to the centre keeps disconnected clusters on the canvas.
                dx[i] += (0.5 - x[i]) * 0.05
                dy[i] += (0.5 - y[i]) * 0.05
                let length = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 1e-9)
                x[i] += dx[i] / length * min(length, temperature)
                y[i] += dy[i] / length * min(length, temperature)
            }
            temperature = max(temperature * 0.98, 0.002)
        }
        let minX = x.min()!, maxX = x.max()!, minY = y.min()!, maxY = y.max()!
        let spanX = max(maxX - minX, 1e-9), spanY = max(maxY - minY, 1e-9)
        return (0..<nodeCount).map { ((x[$0] - minX) / spanX, (y[$0] - minY) / spanY) }
    }
}
