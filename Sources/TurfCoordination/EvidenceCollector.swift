/// Pass 2: re-enumerates co-actions for the pairs in the graph only, keeping each pair's
/// weight per signal and its strongest co-actions, and each cluster's shared items.
struct EvidenceCollector {
    /// One co-action kept as evidence, before it is turned into strings.
    struct Candidate: Sendable {
        var weight: Double
        var signal: Int
        var key: UInt64
        var first: Action
        var second: Action
    }

    /// Per edge (same order as the edges): weight per signal.
    var weightBySignal: [[Double]]
    /// Per edge: strongest co-actions, strongest first.
    var candidates: [[Candidate]]
    /// Per cluster: (signal, key) -> member accounts that co-acted on it with another member.
    var clusterItems: [[ItemKey: Set<Int>]]
    /// Per cluster: first and last co-action time.
    var clusterSpan: [(Int64, Int64)?]

    /// An item of one signal.
    struct ItemKey: Hashable, Sendable {
        var signal: Int
        var key: UInt64
    }

    /// - Complexity: the cost of pass 1's enumeration plus a hash lookup per co-action.
    init(indexes: [SignalIndex], edges: [Edge], clustering: Clustering, corpus: CoordinationCorpus) {
        let config = corpus.config
        var edgeIndex: [UInt64: Int32] = [:]
        edgeIndex.reserveCapacity(edges.count)
        for (position, edge) in edges.enumerated() { edgeIndex[edge.key] = Int32(position) }
        let signalCount = CoordinationSignal.allCases.count
        weightBySignal = [[Double]](repeating: [Double](repeating: 0, count: signalCount), count: edges.count)
        candidates = [[Candidate]](repeating: [], count: edges.count)
        clusterItems = [[ItemKey: Set<Int>]](repeating: [:], count: clustering.count + 1)
        clusterSpan = [(Int64, Int64)?](repeating: nil, count: clustering.count + 1)
        guard !edges.isEmpty else { return }
        var buffer: [(edge: Int32, weight: Double, i: Int, j: Int)] = []
        var locals: [Int32] = []
        let keep = config.evidencePerPair
        for index in indexes {
            let signal = index.signal.rawValue
            for group in 0..<index.groupCount {
                buffer.removeAll(keepingCapacity: true)
                index.forEachCoAction(group: group, config: config, locals: &locals) { key, weight, i, j in
                    if let edge = edgeIndex[key] { buffer.append((edge, weight, i, j)) }
                }
                guard !buffer.isEmpty else { continue }
                buffer.sort { $0.edge != $1.edge ? $0.edge < $1.edge : $0.weight > $1.weight }
                let key = index.actions[index.groupStarts[group]].key
                for (position, entry) in buffer.enumerated() where position == 0 || buffer[position - 1].edge != entry.edge {
                    let edge = Int(entry.edge)
                    weightBySignal[edge][signal] += entry.weight
                    let first = index.actions[entry.i]
                    let second = index.actions[entry.j]
                    let candidate = Candidate(weight: entry.weight, signal: signal, key: key, first: first, second: second)
                    Self.insert(candidate, into: &candidates[edge], keep: keep)
                    let cluster = Int(clustering.clusterOf[Int(first.account)])
                    if cluster > 0, cluster == Int(clustering.clusterOf[Int(second.account)]) {
                        clusterItems[cluster][ItemKey(signal: signal, key: key), default: []].formUnion([Int(first.account), Int(second.account)])
                        let early = min(first.time, second.time)
                        let late = max(first.time, second.time)
                        if let span = clusterSpan[cluster] {
                            clusterSpan[cluster] = (min(span.0, early), max(span.1, late))
                        } else {
                            clusterSpan[cluster] = (early, late)
                        }
                    }
                }
            }
        }
    }

    /// Inserts `candidate` keeping the `keep` heaviest, heaviest first.
    static func insert(_ candidate: Candidate, into list: inout [Candidate], keep: Int) {
        guard keep > 0 else { return }
        if list.count == keep, let last = list.last, last.weight >= candidate.weight { return }
        var position = list.count
        while position > 0, list[position - 1].weight < candidate.weight { position -= 1 }
        list.insert(candidate, at: position)
        if list.count > keep { list.removeLast() }
    }
}
