import Dispatch
import TurfCore
import TurfTimeline

/// Timeline benchmark and accuracy report on simulated accounts (see docs/timelines.md).
///
/// `TimelineBenchmark scale ACCOUNTS DAYS [OUTDIR]` generates posts in-process day by day
/// across all accounts (the interleaving a time-ordered export has), builds timelines, finds
/// switches and bursts, and optionally writes the output files; it prints each phase's time.
/// `TimelineBenchmark accuracy ACCOUNTS [RATE_LOW RATE_HIGH NOISE]` prints detection figures.
let arguments = CommandLine.arguments
func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
func argument(_ index: Int, _ fallback: Double) -> Double { arguments.count > index ? Double(arguments[index]) ?? fallback : fallback }

let mode = arguments.count > 1 ? arguments[1] : "scale"
let accounts = Int(argument(2, 1_000_000))
if mode == "accuracy" {
    let parameters = SwitchSimulation.Parameters(
        accounts: accounts, rates: argument(3, 1)...argument(4, 8), labelNoise: argument(5, 0.15), seed: UInt64(argument(6, 2017))
    )
    let simulation = SwitchSimulation(parameters)
    var builder = TimelineBuilder()
    for index in 0..<accounts {
        for post in simulation.classifiedPosts(of: index) { builder.add(post) }
    }
    print("simulation: \(accounts) accounts, 90 days, rates \(parameters.rates) posts/day, label noise \(parameters.labelNoise), seed \(parameters.seed)")
    print(SwitchEvaluation(timelines: builder.finish(), simulation: simulation))
} else {
    let days = Int(argument(3, 90))
    let parameters = SwitchSimulation.Parameters(accounts: accounts, days: days)
    let simulation = SwitchSimulation(parameters)
    let stances = parameters.stances
    var builder = TimelineBuilder(config: TimelineConfig(stances: stances))
    var start = DispatchTime.now().uptimeNanoseconds
    if arguments.count > 4, arguments[4] == "generate-only" {
        var labelsSeen = 0
        for day in 0..<days {
            for index in 0..<accounts {
                simulation.forEachPost(of: simulation.truth(of: index), index: index, day: day) { _, labels, _ in labelsSeen += labels.count }
            }
        }
        print("generate only: \(labelsSeen) labels, \(seconds(since: start)) s")
    }
    start = DispatchTime.now().uptimeNanoseconds
    let truths = (0..<accounts).map { simulation.truth(of: $0) }
    var posts = 0
    for day in 0..<days {
        for index in 0..<accounts {
            let truth = truths[index]
            simulation.forEachPost(of: truth, index: index, day: day) { time, labels, probabilities in
                builder.add(account: truth.account, time: time, stances: stances, probabilities: probabilities, labels: labels.map { stances[$0] })
                posts += 1
            }
        }
    }
    let ingest = seconds(since: start)
    print("generate+add: \(posts) posts, \(accounts) accounts, \(days) days: \(ingest) s")
    start = DispatchTime.now().uptimeNanoseconds
    let set = builder.finish()
    print("finish (change points, 2 workers): \(seconds(since: start)) s; switches: \(set.switches.count), insufficient data: \(set.insufficientDataCount)")
    start = DispatchTime.now().uptimeNanoseconds
    let population = PopulationSwitches(set)
    print("population: \(seconds(since: start)) s; bursts: \(population.bursts.count)")
}
