import Dispatch
import TurfCore
import TurfTimeline

/// Scores how coordinated accounts are: co-actions per signal, rarity weights, a null model,
/// the pair graph, Louvain clusters, per-account scores and the evidence behind them.
public enum CoordinationScorer {
    /// Scores `posts` and stance `switches` under `config`.
    /// - Complexity: O(posts × items + co-actions); see docs/coordination.md for measured figures.
    public static func score(posts: [ClassifiedPost], switches: [SwitchEvent] = [], config: CoordinationConfig = CoordinationConfig()) -> CoordinationResult {
        var corpus = CoordinationCorpus(config: config)
        corpus.add(contentsOf: posts)
        corpus.add(switches: switches)
        return score(corpus: corpus)
    }

    /// Scores `posts` with the switches of stance timelines (`TimelineSet.switches`).
    public static func score(posts: [ClassifiedPost], switches: [StanceSwitch], config: CoordinationConfig = CoordinationConfig()) -> CoordinationResult {
        score(posts: posts, switches: switches.map(SwitchEvent.init), config: config)
    }

    /// Scores a corpus filled by streaming; `progress` hears the name of each finished stage.
    /// The corpus is consumed: its actions move into the per-signal indexes without a copy.
    public static func score(corpus input: consuming CoordinationCorpus, progress: (String) -> Void = { _ in }) -> CoordinationResult {
        var corpus = input
        let config = corpus.config
        let indexes = buildIndexes(&corpus)
        progress("grouped \(indexes.reduce(0) { $0 + $1.actions.count }) actions on \(indexes.reduce(0) { $0 + $1.groupCount }) items")
        let counter = PairCounter(indexes: indexes, config: config)
        progress("counted \(counter.tables.reduce(0) { $0 + $1.count }) candidate pairs")
        let model = NullModel(indexes: indexes, totalWeight: counter.totalWeight, totalCount: counter.totalCount)
        var edges: [Edge] = []
        for table in counter.tables {
            table.forEach { key, weight, count, _ in
                guard count >= config.minCoActions else { return }
                let a = Int(key >> 32)
                let b = Int(key & 0xFFFF_FFFF)
                let expected = model.expectation(a, b)
                let excess = Double(weight) - expected.weight
                guard excess >= config.minPairWeight else { return }
                let significance = PoissonTail.negativeLog10(observed: count, mean: expected.count)
                edges.append(Edge(key: key, weight: Double(weight), count: count, expected: expected.weight, excess: excess, significance: significance))
            }
        }
        edges.sort { $0.excess != $1.excess ? $0.excess > $1.excess : $0.key < $1.key }
        progress("kept \(edges.count) pairs above the null model")
        let clustering = Clustering(edges: edges, accountCount: corpus.accountCount, config: config)
        progress("found \(clustering.count) clusters")
        let evidence = EvidenceCollector(indexes: indexes, edges: edges, clustering: clustering, corpus: corpus)
        progress("collected evidence")
        let result = ResultAssembler(corpus: corpus, edges: edges, clustering: clustering, evidence: evidence).result()
        progress("scored \(result.accounts.count) accounts")
        return result
    }

    /// Groups every enabled signal's actions, after mapping texts and images to their
    /// near-duplicate groups; signals are grouped in parallel.
    static func buildIndexes(_ corpus: inout CoordinationCorpus) -> [SignalIndex] {
        let config = corpus.config
        var actions: [[Action]] = []
        swap(&actions, &corpus.actions)
        if config[.text].enabled, !corpus.textIndex.isEmpty {
            let groups = NearDuplicateGrouper.group(signatures: corpus.signatures, threshold: config.jaccardThreshold)
            var hashes = [UInt64](repeating: 0, count: corpus.textIndex.count)
            for (hash, index) in corpus.textIndex { hashes[Int(index)] = hash }
            let signal = CoordinationSignal.text.rawValue
            for position in actions[signal].indices {
                let index = Int(corpus.textIndex[actions[signal][position].key]!)
                actions[signal][position].key = hashes[groups[index]]
            }
        }
        if config[.meme].enabled, corpus.perceptualHashes.count > 1 {
            let groups = PerceptualHashGrouper.group(hashes: corpus.perceptualHashes, maximumDistance: config.memeHammingDistance)
            var remap: [UInt64: UInt64] = [:]
            for (index, hash) in corpus.perceptualHashes.enumerated() where groups[index] != index {
                remap[CoordinationCorpus.perceptualKey(hash)] = CoordinationCorpus.perceptualKey(corpus.perceptualHashes[groups[index]])
            }
            let signal = CoordinationSignal.meme.rawValue
            for position in actions[signal].indices {
                if let key = remap[actions[signal][position].key] { actions[signal][position].key = key }
            }
        }
        let enabled = CoordinationSignal.allCases.filter { config[$0].enabled }
        let input = WorkerSlots<[Action]>(count: enabled.count, repeating: [])
        for (position, signal) in enabled.enumerated() { swap(&input[position], &actions[signal.rawValue]) }
        let output = WorkerSlots<SignalIndex?>(count: enabled.count, repeating: nil)
        let accountCount = corpus.accountCount
        DispatchQueue.concurrentPerform(iterations: enabled.count) { position in
            let signal = enabled[position]
            output[position] = SignalIndex(signal: signal, settings: config[signal], actions: &input[position], accountCount: accountCount)
        }
        return output.map { $0! }
    }
}

/// A pair that entered the graph.
struct Edge: Sendable {
    var key: UInt64
    var weight: Double
    var count: Int
    var expected: Double
    var excess: Double
    var significance: Double

    var a: Int { Int(key >> 32) }
    var b: Int { Int(key & 0xFFFF_FFFF) }
}
