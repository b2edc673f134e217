import ArgumentParser
import TurfCoordination
import TurfCore
import TurfIO
import TurfPipeline
import TurfRules
import TurfTimeline

#if canImport(Glibc)
import Glibc
#endif

/// `turfwatch analyze`: classify, timelines, coordination and the HTML report in one run.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Classify posts, follow stances over time, score coordination and write an HTML report.",
        discussion: """
        Uses the shipped model and rules (Models/stance.safetensors, Models/stance-rules.yaml) unless \
        --model / --rules say otherwise. Writes into --out: classified.jsonl, timelines.jsonl, \
        switches.jsonl, population.jsonl, accounts.csv, pairs.csv, clusters.jsonl, evidence.jsonl, \
        graph.graphml and report.html, each atomically.
        """
    )

    @Option(help: "The model file (default: the shipped Models/stance.safetensors).")
    var model: String?

    @Option(help: "A rules file (default: the shipped Models/stance-rules.yaml).")
    var rules: String?

    @Flag(name: .customLong("no-rules"), help: "Use the model alone, without a rule overlay.")
    var noRules = false

    @OptionGroup var input: PostInputOptions

    @Option(help: "Timeline bucket: 1h, 6h, 1d, 1w.")
    var bucket = "1d"

    @Option(help: "Accounts with fewer dated posts get no switch detection (insufficient data).")
    var minPosts = 10

    @Option(help: "Co-retweet window (e.g. 60s, 5m).")
    var window: String?

    @Option(help: "Report title.")
    var title = "turfwatch report"

    @Option(help: "Worker threads (default: one per core).")
    var threads: Int?

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Argument(help: "Input files ('-' for standard input).")
    var files: [String]

    func run() throws {
        let threadCount = threads ?? ProcessorCount.active
        var classify = ClassifyOptions(threads: threadCount)
        var coordination = CoordinationConfig()
        coordination.threads = threadCount
        let classifier: StanceClassifier
        do {
            try input.apply(to: &classify)
            if let window {
                guard let seconds = SignalSettings.seconds(window) else { throw UsageError("--window is not a duration (e.g. 60s, 5m): \(window)") }
                coordination[.retweet].window = seconds
            }
            guard let bucketSeconds = TimelineConfig.bucketSeconds(named: bucket) else {
                throw UsageError("--bucket must be like 1h, 6h, 1d or 1w, not \(bucket)")
            }
            let modelPath = try model ?? shipped(ShippedResources.modelName, flag: "--model")
            let rulesPath = noRules ? nil : try rules ?? shipped(ShippedResources.rulesName, flag: "--rules")
            classifier = try StanceClassifier.load(modelPath: modelPath, rulesPath: rulesPath)
            let options = AnalyzeOptions(
                classify: classify,
                timeline: TimelineConfig(bucketSeconds: bucketSeconds, minPosts: minPosts, workers: threadCount),
                coordination: coordination, outputDirectory: out, title: title,
                reproduce: [reproduceCommand(modelPath: modelPath, rulesPath: rulesPath)]
            )
            let summary = try AnalyzeJob.run(
                inputs: files, classifier: classifier, options: options, progress: isatty(2) == 1, log: printError
            )
            printError(
                "analyze: \(summary.classify.classified) posts, \(summary.accounts) accounts, \(summary.switches) switches, "
                    + "\(summary.clusters) clusters (\(summary.flaggedAccounts) accounts) -> \(out)/\(AnalyzeJob.reportFile)"
            )
        } catch let error as UsageError {
            printError(error.message)
            throw ExitCode(1)
        } catch let error as InputError {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as RuleFileError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    private func shipped(_ name: String, flag: String) throws -> String {
        guard let path = ShippedResources.locate(name) else {
            throw UsageError("cannot find the shipped Models/\(name); run from the turfwatch folder, set TURFWATCH_MODELS, or pass \(flag)")
        }
        return path
    }

    private func reproduceCommand(modelPath: String, rulesPath: String?) -> String {
        var words = ["turfwatch", "analyze", "--model", modelPath]
        if let rulesPath { words += ["--rules", rulesPath] } else { words.append("--no-rules") }
        words += input.commandLineWords
        if bucket != "1d" { words += ["--bucket", bucket] }
        if minPosts != 10 { words += ["--min-posts", String(minPosts)] }
        if let window { words += ["--window", window] }
        words += ["--out", out] + files
        return words.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}

