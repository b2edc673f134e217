import ArgumentParser
import Foundation
import TurfCoordination
import TurfCore
import TurfTimeline

/// `turfwatch score`: which accounts act in concert, with the evidence.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score coordination between accounts from classified posts.",
        discussion: """
        Reads classify output (JSONL, `-` for standard input) and writes DIR/accounts.csv, DIR/pairs.csv, \
        DIR/clusters.jsonl, DIR/evidence.jsonl and DIR/graph.graphml. Durations: 90, 90s, 5m, 2h, 1d. \
        See docs/coordination.md.
        """
    )

    @Argument(help: "Classified posts (classify output), or - for standard input.") var files: [String] = ["-"]
    @Option(help: "Co-retweet window.") var window: String?
    @Option(help: "Near-duplicate text window.") var textWindow: String?
    @Option(help: "Co-hashtag window.") var hashtagWindow: String?
    @Option(help: "Co-URL and co-domain window.") var urlWindow: String?
    @Option(help: "Co-meme window.") var memeWindow: String?
    @Option(help: "Synchronised-switch window.") var switchWindow: String?
    @Option(help: "Signals to use, comma-separated: retweet,text,hashtag,url,domain,meme,switch.") var signals: String?
    @Option(help: "Near-duplicate text: minimum estimated Jaccard similarity of word-shingle sets.") var jaccard: Double?
    @Option(help: "Co-meme: maximum Hamming distance of 64-bit perceptual hashes.") var hamming: Int?
    @Option(help: "Minimum evidence above the null model for a pair to enter the graph.") var minPairWeight: Double?
    @Option(help: "Minimum co-actions (distinct shared items) for a pair to enter the graph.") var minCoActions: Int?
    @Option(help: "Items used by more accounts than this only add to pairs found otherwise.") var hotKeyAccounts: Int?
    @Option(help: "Stance switches (timeline's switches.jsonl) for the synchronised-switch signal; without it the switches come from timelines built while reading.") var switches: String?
    @Option(help: "Timeline bucket for the switches computed while reading (1h, 6h, 1d, 1w).") var bucket = "1d"
    @Option(help: "Seed of the community detection.") var seed: UInt64?
    @Option(help: "Worker threads.") var threads: Int?
    @Flag(help: "Fail at the first bad input line instead of skipping it.") var strict = false
    @Option(help: "Output directory (created if missing).") var out: String

    func run() throws {
        let config = try makeConfig()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw fail("\(out): cannot create output directory")
        }
        let clock = ContinuousClock()
        var last = clock.now
        func report(_ stage: String) {
            let now = clock.now
            let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
            last = now
            FileHandle.standardError.write(Data("score: \(stage) (\(String(format: "%.1f", seconds)) s\(residentMemory()))\n".utf8))
        }
        var corpus = CoordinationCorpus(config: config)
        let reader = ClassifiedFileReader(strict: strict)
        var skipped = 0
        do {
            var timelines: TimelineBuilder?
            if switches == nil, config[.stanceSwitch].enabled {
                timelines = TimelineBuilder(config: TimelineConfig(bucketSeconds: try bucketSeconds, workers: config.threads))
            }
            var stanceLog = PostStanceLog()
            func onError(_ error: InputError) {
                if skipped < 20 { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
                skipped += 1
            }
            if timelines == nil {
                skipped = try reader.read(paths: files, into: &corpus, onError: onError)
            } else {
                skipped = try reader.read(paths: files, into: &corpus, stances: &stanceLog, onError: onError)
            }
            report("read \(corpus.postCount) posts")
            if var builder = timelines {
                stanceLog.replay(into: &builder, corpus: corpus)
                stanceLog = PostStanceLog()
                let found = builder.finish().switches
                corpus.add(switches: found.map(SwitchEvent.init))
                report("built timelines: \(found.count) stance switches")
            } else if let switches {
                corpus.add(switches: try reader.readSwitches(path: switches) { error in
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                })
            }
        } catch let error as InputError {
            throw fail(error.description)
        }
        let postCount = corpus.postCount
        let accountCount = corpus.accountCount
        let result = CoordinationScorer.score(corpus: consume corpus, progress: report)
        do {
            try CoordinationWriter.write(result, to: out)
            report("wrote \(CoordinationWriter.fileNames.joined(separator: ", "))")
        } catch let error as InputError {
            throw fail(error.description)
        }
        let flagged = result.accounts.filter { $0.cluster > 0 }.count
        FileHandle.standardError.write(Data("""
        score: \(postCount) posts, \(accountCount) accounts, \(skipped) bad lines skipped; \
        \(result.pairs.count) pairs, \(result.clusters.count) clusters, \(flagged) accounts in clusters -> \(out)

        """.utf8))
    }

    private var bucketSeconds: Int64 {
        get throws {
            guard let seconds = TimelineConfig.bucketSeconds(named: bucket) else {
                throw ValidationError("--bucket is not a bucket width (1h, 6h, 1d, 1w): \(bucket)")
            }
            return seconds
        }
    }

    private func makeConfig() throws -> CoordinationConfig {
        var config = CoordinationConfig()
        let windows: [(String?, [CoordinationSignal], String)] = [
            (window, [.retweet], "--window"), (textWindow, [.text], "--text-window"),
            (hashtagWindow, [.hashtag], "--hashtag-window"), (urlWindow, [.url, .domain], "--url-window"),
            (memeWindow, [.meme], "--meme-window"), (switchWindow, [.stanceSwitch], "--switch-window"),
        ]
        for (text, targets, flag) in windows {
            guard let text else { continue }
            guard let seconds = SignalSettings.seconds(text) else {
                throw ValidationError("\(flag) is not a duration (e.g. 60s, 5m, 1h): \(text)")
            }
            for signal in targets { config[signal].window = seconds }
        }
        if let signals {
            var chosen = Set<CoordinationSignal>()
            for name in signals.split(separator: ",") {
                guard let signal = CoordinationSignal(name: String(name)) else {
                    throw ValidationError("unknown signal \(name); known: \(CoordinationSignal.allCases.map(\.name).joined(separator: ","))")
                }
                chosen.insert(signal)
            }
            for signal in CoordinationSignal.allCases { config[signal].enabled = chosen.contains(signal) }
        }
        if let jaccard { config.jaccardThreshold = jaccard }
        if let hamming { config.memeHammingDistance = hamming }
        if let minPairWeight { config.minPairWeight = minPairWeight }
        if let minCoActions { config.minCoActions = minCoActions }
        if let hotKeyAccounts { config.hotKeyAccounts = hotKeyAccounts }
        if let seed { config.seed = seed }
        if let threads { config.threads = threads }
        do {
            try config.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return config
    }

    /// `, N MB resident` on Linux (from /proc/self/statm), empty elsewhere.
    private func residentMemory() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return "" }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return "" }
        return ", \(pages * 4096 / 1_048_576) MB resident"
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("turfwatch score: \(message)\n".utf8))
        return ExitCode(1)
    }
}
