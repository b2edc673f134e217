/// Turns the graph, clusters and evidence into the public result types.
struct ResultAssembler {
    let corpus: CoordinationCorpus
    let edges: [Edge]
    let clustering: Clustering
    let evidence: EvidenceCollector

    /// Strings already made for evidence, so the many evidence items naming the same post or
    /// item share one string instead of allocating a copy each.
    private struct StringCache {
        var posts: [UInt32: String] = [:]
        var items: [EvidenceCollector.ItemKey: String] = [:]
    }

    func result() -> CoordinationResult {
        let config = corpus.config
        var cache = StringCache()
        let accountCount = corpus.accountCount
        var sums = [Double](repeating: 0, count: accountCount)
        var taken = [Int32](repeating: 0, count: accountCount)
        var partners = [Int32](repeating: 0, count: accountCount)
        var signalWeight = [[Double]](repeating: [], count: accountCount)
        var accountEdges = [[Int32]](repeating: [], count: accountCount)
        for (position, edge) in edges.enumerated() {
            for account in [edge.a, edge.b] {
                partners[account] += 1
                if Int(taken[account]) < config.topEdges {
                    taken[account] += 1
                    sums[account] += edge.excess
                }
                if signalWeight[account].isEmpty { signalWeight[account] = evidence.weightBySignal[position] }
                else { for signal in 0..<signalWeight[account].count { signalWeight[account][signal] += evidence.weightBySignal[position][signal] } }
                if accountEdges[account].count < config.evidencePerAccount * 4 { accountEdges[account].append(Int32(position)) }
            }
        }
        let raw = sums.map { $0 / Double(config.topEdges) }
        let order = (0..<accountCount).sorted {
            raw[$0] != raw[$1] ? raw[$0] > raw[$1] : corpus.accountIDs[$0] < corpus.accountIDs[$1]
        }
        var accounts: [AccountScore] = []
        accounts.reserveCapacity(accountCount)
        for (position, account) in order.enumerated() {
            var topSignal: CoordinationSignal?
            if let best = signalWeight[account].indices.max(by: { signalWeight[account][$0] < signalWeight[account][$1] }),
               signalWeight[account][best] > 0 {
                topSignal = CoordinationSignal(rawValue: best)
            }
            accounts.append(AccountScore(
                accountID: corpus.accountIDs[account],
                handle: corpus.handles[account],
                posts: Int(corpus.postCounts[account]),
                score: raw[account] / (raw[account] + config.scoreHalfPoint),
                raw: raw[account],
                rank: position + 1,
                cluster: Int(clustering.clusterOf[account]),
                partners: Int(partners[account]),
                topSignal: topSignal,
                evidence: accountEvidence(accountEdges[account], limit: config.evidencePerAccount, cache: &cache)
            ))
        }
        let pairs = edges.enumerated().map { position, edge in
            var items: [EvidenceItem] = []
            items.reserveCapacity(evidence.candidates[position].count)
            for candidate in evidence.candidates[position] { items.append(item(candidate, cache: &cache)) }
            return PairEvidence(
                accountA: corpus.accountIDs[edge.a],
                accountB: corpus.accountIDs[edge.b],
                coActions: edge.count,
                weight: edge.weight,
                expected: edge.expected,
                excess: edge.excess,
                significance: edge.significance,
                weightBySignal: evidence.weightBySignal[position],
                evidence: items
            )
        }
        return CoordinationResult(accounts: accounts, pairs: pairs, clusters: clusters(raw: raw))
    }

    private func accountEvidence(_ edgeList: [Int32], limit: Int, cache: inout StringCache) -> [EvidenceItem] {
        var pool: [EvidenceCollector.Candidate] = []
        for edge in edgeList { pool.append(contentsOf: evidence.candidates[Int(edge)]) }
        pool.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.first.time, $0.key) < ($1.first.time, $1.key) }
        var seen = Set<EvidenceCollector.ItemKey>()
        var out: [EvidenceItem] = []
        for candidate in pool where out.count < limit {
            if seen.insert(EvidenceCollector.ItemKey(signal: candidate.signal, key: candidate.key)).inserted {
                out.append(item(candidate, cache: &cache))
            }
        }
        return out
    }

    private func item(_ candidate: EvidenceCollector.Candidate, cache: inout StringCache) -> EvidenceItem {
        let signal = CoordinationSignal(rawValue: candidate.signal)!
        func post(_ action: Action) -> String {
            if signal == .stanceSwitch { return "" }
            let index = UInt32(action.index)
            if let known = cache.posts[index] { return known }
            let text = corpus.postIDs[action.index]
            cache.posts[index] = text
            return text
        }
        let itemText: String
        if signal == .stanceSwitch {
            itemText = display(signal, candidate.key, candidate.first)
        } else if let known = cache.items[EvidenceCollector.ItemKey(signal: candidate.signal, key: candidate.key)] {
            itemText = known
        } else {
            itemText = display(signal, candidate.key, candidate.first)
            cache.items[EvidenceCollector.ItemKey(signal: candidate.signal, key: candidate.key)] = itemText
        }
        return EvidenceItem(
            signal: signal,
            item: itemText,
            accountA: corpus.accountIDs[Int(candidate.first.account)],
            postA: post(candidate.first),
            timeA: candidate.first.time,
            accountB: corpus.accountIDs[Int(candidate.second.account)],
            postB: post(candidate.second),
            timeB: candidate.second.time,
            weight: candidate.weight
        )
    }

    private func display(_ signal: CoordinationSignal, _ key: UInt64, _ action: Action) -> String {
        if signal == .stanceSwitch {
            let event = corpus.switches[action.index]
            return "\(event.from.isEmpty ? "none" : event.from)->\(event.to)"
        }
        return corpus.display(signal, key)
    }

    private func clusters(raw: [Double]) -> [Cluster] {
        let count = clustering.count
        guard count > 0 else { return [] }
        var labelCounts = [[String: Int]](repeating: [:], count: count + 1)
        var postTotals = [Int](repeating: 0, count: count + 1)
        for (post, account) in corpus.postAccounts.enumerated() {
            let cluster = Int(clustering.clusterOf[Int(account)])
            guard cluster > 0 else { continue }
            postTotals[cluster] += 1
            for label in corpus.labelSets[Int(corpus.postLabelSets[post])] { labelCounts[cluster][label, default: 0] += 1 }
        }
        var switchTimes = [[(String, Int64)]](repeating: [], count: count + 1)
        for event in corpus.switches {
            guard let account = corpus.accountIndex[event.accountID] else { continue }
            let cluster = Int(clustering.clusterOf[Int(account)])
            if cluster > 0 { switchTimes[cluster].append((event.to, event.time)) }
        }
        var switchNames: [UInt64: String] = [:]
        for event in corpus.switches { switchNames[Hashing.hash(event.to, seed: 0x5717)] = "->" + event.to }
        return (1...count).map { id in
            let members = clustering.members[id].sorted {
                raw[$0] != raw[$1] ? raw[$0] > raw[$1] : corpus.accountIDs[$0] < corpus.accountIDs[$1]
            }
            let size = Double(members.count)
            let stances = labelCounts[id].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(3)
                .map { StanceShare(stance: $0.key, share: Double($0.value) / Double(max(1, postTotals[id]))) }
            let shared = evidence.clusterItems[id].map { item, accounts in
                (item, accounts.count, corpus.display(CoordinationSignal(rawValue: item.signal)!, item.key))
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0.signal, $0.2) < ($1.0.signal, $1.2) }
            .prefix(10)
            .map { entry in
                let signal = CoordinationSignal(rawValue: entry.0.signal)!
                let text = signal == .stanceSwitch ? switchNames[entry.0.key, default: ""] : entry.2
                return SharedItem(signal: signal, item: text, accounts: entry.1)
            }
            let dominant = stances.first?.stance
            var times = switchTimes[id].filter { $0.0 == dominant }.map(\.1)
            if times.isEmpty { times = switchTimes[id].map(\.1) }
            times.sort()
            return Cluster(
                id: id,
                members: members.map { corpus.accountIDs[$0] },
                weight: clustering.weights[id],
                density: size > 1 ? Double(clustering.edgeCounts[id]) / (size * (size - 1) / 2) : 0,
                dominantStances: Array(stances),
                sharedItems: Array(shared),
                switchTime: times.isEmpty ? nil : times[times.count / 2],
                firstCoAction: evidence.clusterSpan[id]?.0,
                lastCoAction: evidence.clusterSpan[id]?.1
            )
        }
    }
}
