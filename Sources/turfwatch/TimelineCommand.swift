import ArgumentParser
import TurfCore
import TurfTimeline

#if canImport(Glibc)
import Glibc
#endif

/// `turfwatch timeline`: per-account stance timelines, switches and the population view.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Follow each account's stances over time and find when they switched.",
        discussion: """
        Reads classify output (JSONL, `-` for standard input) and writes timelines, switches and \
        population files into --out. Accounts with fewer than --min-posts dated posts are listed \
        with status insufficient_data.
        """
    )

    @Argument(help: "Classified posts (JSONL from `turfwatch classify`); `-` reads standard input.")
    var files: [String] = []

    @Option(help: "Bucket width: 1h, 6h, 1d, 1w (or any <n>m, <n>h, <n>d, <n>w).")
    var bucket = "1d"

    @Option(help: "Accounts with fewer dated posts are reported as insufficient data.")
    var minPosts = 10

    @Option(help: "Fewest buckets with posts in a segment.")
    var minSegment = 2

    @Option(help: "Penalty per change point: bic, bic*<multiplier>, or a number.")
    var penalty = "bic"

    @Option(help: "Robust z-score above which a bucket's switches into a stance are a burst.")
    var burstZ = 5.0

    @Option(help: "Output format: jsonl or csv.")
    var format = "jsonl"

    @Option(help: "Threads for decoding input and for the change-point search.")
    var threads = 2

    @Flag(help: "Fail on the first malformed line (exit 1, nothing written) instead of skipping it.")
    var strict = false

    @Option(help: "Output directory (created if missing).")
    var out: String

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one classified file, or - for standard input") }
        guard TimelineConfig.bucketSeconds(named: bucket) != nil else { throw ValidationError("--bucket must be like 1h, 6h, 1d or 1w, not \(bucket)") }
        guard Penalty(parsing: penalty) != nil else { throw ValidationError("--penalty must be bic, bic*<number> or a number, not \(penalty)") }
        guard TimelineWriter.Format(rawValue: format) != nil else { throw ValidationError("--format must be jsonl or csv, not \(format)") }
        guard minPosts >= 0, minSegment >= 1, threads >= 1 else { throw ValidationError("--min-posts must be >= 0, --min-segment and --threads >= 1") }
    }

    func run() throws {
        let config = TimelineConfig(
            bucketSeconds: TimelineConfig.bucketSeconds(named: bucket) ?? 86_400,
            minPosts: minPosts, minSegmentBuckets: minSegment,
            penalty: Penalty(parsing: penalty) ?? .bic(multiplier: 1),
            burstZ: burstZ, workers: threads
        )
        let set: TimelineSet
        let summary: ClassifiedFiles.Summary
        do {
            (set, summary) = try ParallelTimelineReader(config: config, strict: strict).read(paths: files) { problem in
                printError("\(problem)")
            }
        } catch let problem as InputError {
            printError("\(problem)")
            throw ExitCode(1)
        }
        let population = PopulationSwitches(set)
        do {
            try TimelineWriter(format: TimelineWriter.Format(rawValue: format) ?? .jsonl).write(set, population: population, to: out)
        } catch let problem as InputError {
            printError("\(problem)")
            throw ExitCode(1)
        }
        let switches = set.accounts.reduce(0) { $0 + $1.switches.count }
        printError(
            "timeline: \(set.accounts.count) accounts (\(set.accounts.count - set.insufficientDataCount) ok, "
                + "\(set.insufficientDataCount) insufficient data), \(summary.posts) posts (\(set.undatedPosts) undated), "
                + "\(set.bucketCount) buckets, \(switches) switches, \(population.bursts.count) bursts; "
                + "\(summary.badLines) bad lines skipped"
        )
    }
}

/// Writes one line to standard error.
private func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
