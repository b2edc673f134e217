import Dispatch
import Foundation
import TurfCore
import TurfIO
import TurfTimeline

/// Timeline benchmark and accuracy report on simulated accounts (see docs/timelines.md).
///
/// `TimelineBench scale ACCOUNTS DAYS [OUTDIR]`: two threads each generate the posts of
/// half the accounts in-process, day by day across all their accounts (the interleaving of a
/// time-ordered export), and add them to their own builder; the halves are merged, switches
/// found on two threads, bursts flagged, and with OUTDIR the JSONL files written.
/// `TimelineBench accuracy ACCOUNTS [RATE_LOW RATE_HIGH NOISE SEED]`: detection figures.
/// `TimelineBench export ACCOUNTS FILE`: the simulated posts as classify output (JSONL),
/// day by day, for timing `turfwatch timeline` end to end.
let arguments = CommandLine.arguments
func seconds(since start: UInt64) -> String {
    String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
func argument(_ index: Int, _ fallback: Double) -> Double {
    arguments.count > index ? Double(arguments[index]) ?? fallback : fallback
}

/// The builders of the two ingest threads.
final class Shards: @unchecked Sendable {
    private let lock = NSLock()
    private var builders: [Int: TimelineBuilder] = [:]
    private var posts = 0

    func store(_ builder: TimelineBuilder, posts count: Int, shard: Int) {
        lock.lock()
        builders[shard] = builder
        posts += count
        lock.unlock()
    }

    func take() -> ([TimelineBuilder], Int) {
        lock.lock()
        defer { lock.unlock() }
        return (builders.keys.sorted().compactMap { builders[$0] }, posts)
    }
}

let mode = arguments.count > 1 ? arguments[1] : "scale"
let accounts = Int(argument(2, 1_000_000))
if mode == "export", arguments.count > 3 {
    let simulation = SwitchSimulation(SwitchSimulation.Parameters(accounts: accounts))
    let truths = (0..<accounts).map { simulation.truth(of: $0) }
    let stances = simulation.parameters.stances
    let file = try AtomicFile(path: arguments[3])
    var out: [UInt8] = []
    var lines = 0
    for day in 0..<simulation.parameters.days {
        for index in 0..<accounts {
            simulation.forEachPost(of: truths[index], index: index, day: day) { time, labels, probabilities in
                let post = ClassifiedPost(
                    post: Post(id: String(lines), account: truths[index].account, createdAt: time, text: "simulated post"),
                    scores: StanceScores(stances: stances, probabilities: probabilities, labels: labels.map { stances[$0] })
                )
                ClassifiedPostCodec.appendJSONLine(post, to: &out)
                lines += 1
            }
            if out.count > 1 << 20 {
                try file.write(bytes: out)
                out.removeAll(keepingCapacity: true)
            }
        }
    }
    try file.write(bytes: out)
    try file.commit()
    print("exported \(lines) classified posts of \(accounts) accounts to \(arguments[3])")
} else if mode == "accuracy" {
    let parameters = SwitchSimulation.Parameters(
        accounts: accounts, rates: argument(3, 1)...argument(4, 8), labelNoise: argument(5, 0.15), seed: UInt64(argument(6, 2017))
    )
    let simulation = SwitchSimulation(parameters)
    var builder = TimelineBuilder()
    for index in 0..<accounts {
        for post in simulation.classifiedPosts(of: index) { builder.add(post) }
    }
    print("simulation: \(accounts) accounts, \(parameters.days) days, rates \(parameters.rates) posts/day, label noise \(parameters.labelNoise), seed \(parameters.seed)")
    print(SwitchEvaluation(timelines: builder.finish(), simulation: simulation))
} else {
    let days = Int(argument(3, 90))
    let output = arguments.count > 4 ? arguments[4] : nil
    let parameters = SwitchSimulation.Parameters(accounts: accounts, days: days)
    let simulation = SwitchSimulation(parameters)
    let stances = parameters.stances
    let names: [[String]] = [[]] + stances.map { [$0] } + stances.flatMap { first in stances.map { [first, $0] } }
    let workers = 2
    let shards = Shards()
    let total = DispatchTime.now().uptimeNanoseconds
    var start = total
    DispatchQueue.concurrentPerform(iterations: workers) { shard in
        var builder = TimelineBuilder(config: TimelineConfig(stances: stances))
        let mine = Array(stride(from: shard, to: accounts, by: workers))
        let truths = mine.map { simulation.truth(of: $0) }
        var posts = 0
        for day in 0..<days {
            for (position, index) in mine.enumerated() {
                let truth = truths[position]
                simulation.forEachPost(of: truth, index: index, day: day) { time, labels, probabilities in
                    let code = labels.isEmpty ? 0 : labels.count == 1 ? 1 + labels[0] : 1 + stances.count + labels[0] * stances.count + labels[1]
                    builder.add(account: truth.account, time: time, stances: stances, probabilities: probabilities, labels: names[code])
                    posts += 1
                }
            }
        }
        shards.store(builder, posts: posts, shard: shard)
    }
    let (builders, posts) = shards.take()
    print("generate+add (\(workers) threads, one builder each): \(posts) posts, \(accounts) accounts, \(days) days: \(seconds(since: start)) s")
    start = DispatchTime.now().uptimeNanoseconds
    var merged = builders[0]
    for other in builders.dropFirst() { merged.merge(other) }
    print("merge: \(seconds(since: start)) s")
    start = DispatchTime.now().uptimeNanoseconds
    let set = merged.finish()
    let active = set.accounts.reduce(0) { $0 + $1.activeBucketCount }
    print("finish (change points, \(set.config.workers) threads): \(seconds(since: start)) s; buckets with posts: \(active), switches: \(set.switches.count), insufficient data: \(set.insufficientDataCount)")
    start = DispatchTime.now().uptimeNanoseconds
    let population = PopulationSwitches(set)
    print("population: \(seconds(since: start)) s; bursts: \(population.bursts.count)")
    if let output {
        start = DispatchTime.now().uptimeNanoseconds
        let files = try TimelineWriter().write(set, population: population, to: output)
        print("write \(files.joined(separator: ", ")): \(seconds(since: start)) s")
    }
    print("total: \(seconds(since: total)) s")
}
