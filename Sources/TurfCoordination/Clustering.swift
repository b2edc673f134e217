/// Louvain communities of the pair graph, numbered by evidence: cluster 1 holds the most
/// excess weight. Accounts without edges, and communities of one, are in no cluster (0).
struct Clustering: Sendable {
    /// Cluster id per account index (0 = none).
    let clusterOf: [Int32]
    /// Member account indices per cluster (index 0 unused).
    let members: [[Int]]
    /// Total excess weight inside each cluster (index 0 unused).
    let weights: [Double]
    /// Edges inside each cluster (index 0 unused).
    let edgeCounts: [Int]

    init(edges: [Edge], accountCount: Int, config: CoordinationConfig) {
        var node = [Int32](repeating: -1, count: accountCount)
        var accounts: [Int] = []
        var graphEdges: [(Int32, Int32, Double)] = []
        graphEdges.reserveCapacity(edges.count)
        for edge in edges {
            for account in [edge.a, edge.b] where node[account] < 0 {
                node[account] = Int32(accounts.count)
                accounts.append(account)
            }
            graphEdges.append((node[edge.a], node[edge.b], edge.excess))
        }
        let louvain = Louvain(resolution: config.resolution, seed: config.seed)
        let community = louvain.communities(nodeCount: accounts.count, edges: graphEdges)
        let communityCount = (community.max() ?? -1) + 1
        var communityWeight = [Double](repeating: 0, count: communityCount)
        var communityEdges = [Int](repeating: 0, count: communityCount)
        var communitySize = [Int](repeating: 0, count: communityCount)
        for value in community { communitySize[value] += 1 }
        for edge in edges {
            let left = community[Int(node[edge.a])]
            if left == community[Int(node[edge.b])] {
                communityWeight[left] += edge.excess
                communityEdges[left] += 1
            }
        }
        let ordered = (0..<communityCount).filter { communitySize[$0] >= 2 }
            .sorted { communityWeight[$0] != communityWeight[$1] ? communityWeight[$0] > communityWeight[$1] : $0 < $1 }
        var idOf = [Int32](repeating: 0, count: communityCount)
        for (position, value) in ordered.enumerated() { idOf[value] = Int32(position + 1) }
        var clusterOf = [Int32](repeating: 0, count: accountCount)
        var members = [[Int]](repeating: [], count: ordered.count + 1)
        for (position, account) in accounts.enumerated() {
            let id = idOf[community[position]]
            clusterOf[account] = id
            if id > 0 { members[Int(id)].append(account) }
        }
        self.clusterOf = clusterOf
        self.members = members
        weights = [0] + ordered.map { communityWeight[$0] }
        edgeCounts = [0] + ordered.map { communityEdges[$0] }
    }

    /// Clusters found (ids run from 1 to `count`).
    var count: Int { members.count - 1 }
}
