import Dispatch
import TurfCore

/// Pass 1: counts every account pair's co-actions over all signals, sharded by pair hash over
/// threads (each thread enumerates all items but keeps only its own pairs, so no locks and no
/// merge), and sums what the null model needs.
struct PairCounter {
    /// Per-thread pair tables.
    var tables: [PairTable]
    /// Per signal: total weight of all co-actions (estimated for hot items).
    var totalWeight: [Double]
    /// Per signal: total number of co-actions (estimated for hot items).
    var totalCount: [Double]

    /// Counts the co-actions of `indexes`.
    /// - Complexity: O(co-actions) time; memory 16 bytes / 0.6 per distinct pair.
    init(indexes: [SignalIndex], config: CoordinationConfig) {
        let shards = max(1, config.threads)
        let signalCount = CoordinationSignal.allCases.count
        let output = WorkerSlots<(PairTable, [Double], [Double])?>(count: shards, repeating: nil)
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            var table = PairTable()
            var weights = [Double](repeating: 0, count: signalCount)
            var counts = [Double](repeating: 0, count: signalCount)
            var buffer: [(key: UInt64, weight: Double)] = []
            var locals: [Int32] = []
            for hotPhase in [false, true] {
                for index in indexes {
                    let signal = index.signal.rawValue
                    for group in 0..<index.groupCount {
                        let hot = index.isHot(group, config: config) && index.signal != .stanceSwitch
                        guard hot == hotPhase else { continue }
                        if hot, shard == 0 {
                            let estimate = index.estimatedCoActions(group: group)
                            counts[signal] += estimate
                            weights[signal] += estimate * index.weight(accounts: Int(index.groupAccounts[group]))
                        }
                        buffer.removeAll(keepingCapacity: true)
                        index.forEachCoAction(group: group, config: config, locals: &locals) { key, weight, _, _ in
                            if Self.shard(of: key, shards) == shard { buffer.append((key, weight)) }
                        }
                        Self.deduplicate(&buffer)
                        for (key, weight) in buffer {
                            table.add(key, weight: Float(weight), signal: signal, insert: !hot)
                            if !hot {
                                counts[signal] += 1
                                weights[signal] += weight
                            }
                        }
                    }
                }
            }
            output[shard] = (table, weights, counts)
        }
        let results = output.map { $0! }
        tables = results.map(\.0)
        totalWeight = (0..<signalCount).map { signal in results.reduce(0) { $0 + $1.1[signal] } }
        totalCount = (0..<signalCount).map { signal in results.reduce(0) { $0 + $1.2[signal] } }
    }

    /// The shard owning pair `key`.
    @inline(__always)
    static func shard(of key: UInt64, _ shards: Int) -> Int {
        shards == 1 ? 0 : Int(truncatingIfNeeded: (Hashing.mix(key) >> 40) % UInt64(shards))
    }

    /// Keeps one entry per pair (the largest weight): a pair counts once per item.
    static func deduplicate(_ buffer: inout [(key: UInt64, weight: Double)]) {
        guard buffer.count > 1 else { return }
        buffer.sort { $0.key != $1.key ? $0.key < $1.key : $0.weight > $1.weight }
        var write = 0
        for read in 0..<buffer.count where read == 0 || buffer[read].key != buffer[write - 1].key {
            buffer[write] = buffer[read]
            write += 1
        }
        buffer.removeLast(buffer.count - write)
    }
}
