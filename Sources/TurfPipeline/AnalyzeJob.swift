import Foundation
import TurfCoordination
import TurfCore
import TurfIO
import TurfReport
import TurfTimeline

/// Everything `turfwatch analyze` needs to know: the classifier, the stage settings and where
/// the results go.
public struct AnalyzeOptions: Sendable {
    /// Reading and classifying settings (format, mapping, encoding, strictness, threads).
    public var classify: ClassifyOptions
    /// Timeline buckets, minimum posts, change-point penalty.
    public var timeline: TimelineConfig
    /// Co-action windows, thresholds and clustering.
    public var coordination: CoordinationConfig
    /// The output directory; created when missing.
    public var outputDirectory: String
    /// The report's title.
    public var title: String
    /// Shell commands that reproduce the run, shown in the report.
    public var reproduce: [String]

    /// Creates analyze options.
    public init(
        classify: ClassifyOptions, timeline: TimelineConfig, coordination: CoordinationConfig,
        outputDirectory: String, title: String, reproduce: [String]
    ) {
        self.classify = classify
        self.timeline = timeline
        self.coordination = coordination
        self.outputDirectory = outputDirectory
        self.title = title
        self.reproduce = reproduce
    }
}

/// What an analyze run produced.
public struct AnalyzeSummary: Sendable {
    /// The classify stage's counts.
    public var classify: ClassifySummary
    /// Accounts with a timeline.
    public var accounts: Int
    /// Stance switches found.
    public var switches: Int
    /// Coordinated clusters found.
    public var clusters: Int
    /// Accounts in those clusters.
    public var flaggedAccounts: Int
    /// The files written, in the order written.
    public var files: [String]
}

/// The whole job in one run: classify, stance timelines, coordination scores and the HTML report.
///
/// Every stage writes its files atomically into the output directory, so an interrupted run
/// leaves each file complete or absent. The stages are the same library calls the separate
/// `classify`, `timeline` and `score` commands make, so their outputs agree.
public enum AnalyzeJob {
    /// File names written into the output directory.
    public static let classifiedFile = "classified.jsonl"
    /// The report's file name.
    public static let reportFile = "report.html"

    /// Runs every stage over `inputs` with `classifier`.
    /// - Parameters:
    ///   - log: receives progress and bad-input lines (`file:line: reason`) for standard error.
    /// - Throws: `InputError` for unreadable input or unwritable output, or the first bad line
    ///   under `strict`; `UsageError` for a bad format or mapping.
    public static func run(
        inputs: [String], classifier: StanceClassifier, options: AnalyzeOptions, progress: Bool, log: @escaping (String) -> Void
    ) throws -> AnalyzeSummary {
        let directory = options.outputDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: directory, line: 0, reason: "cannot create output directory")
        }
        var files: [String] = []

        let classifiedPath = directory + "/" + classifiedFile
        var classifyOptions = options.classify
        classifyOptions.stances = classifier.model.labels
        let writer = try OutputWriter(path: classifiedPath)
        let run = try ClassifyPipeline(options: classifyOptions) { classifier.makeWorker() }
            .run(inputs: inputs, output: writer, progress: progress, report: log)
        log("analyze: classify: \(run.summary.description)")
        if let stopped = run.stopped { throw stopped }
        try writer.commit()
        files.append(classifiedFile)

        var posts: [ClassifiedPost] = []
        var builder = TimelineBuilder(config: options.timeline)
        var corpus = CoordinationCorpus(config: options.coordination)
        _ = try ClassifiedFiles.forEachPost(paths: [classifiedPath], strict: true, onError: { log("\($0)") }) { post in
            posts.append(post)
            builder.add(post)
            corpus.add(post)
        }
        let timelines = builder.finish()
        let population = PopulationSwitches(timelines)
        let timelineFiles = try TimelineWriter(format: .jsonl).write(timelines, population: population, to: directory)
        files.append(contentsOf: timelineFiles.map { String($0.split(separator: "/").last ?? "") })
        let switches = timelines.switches
        log("analyze: timelines: \(timelines.accounts.count) accounts, \(switches.count) switches, \(population.bursts.count) bursts")

        corpus.add(switches: switches.map {
            SwitchEvent(accountID: $0.accountID, time: $0.time, from: $0.from, to: $0.to, confidence: $0.confidence)
        })
        let coordination = CoordinationScorer.score(corpus: corpus) { log("analyze: score: \($0)") }
        try CoordinationWriter.write(coordination, to: directory)
        files.append(contentsOf: CoordinationWriter.fileNames)
        let flagged = coordination.accounts.filter { $0.cluster > 0 }.count
        log("analyze: coordination: \(coordination.pairs.count) pairs, \(coordination.clusters.count) clusters, \(flagged) accounts in clusters")

        let input = ReportBuilder.build(
            title: options.title, posts: posts, timelines: timelines, coordination: coordination,
            skipped: run.summary.skippedTotal, reproduce: options.reproduce, generatedAt: Int64(Date().timeIntervalSince1970)
        )
        try AtomicFile.write(ReportRenderer.html(input), to: directory + "/" + reportFile)
        files.append(reportFile)
        return AnalyzeSummary(
            classify: run.summary, accounts: timelines.accounts.count, switches: switches.count,
            clusters: coordination.clusters.count, flaggedAccounts: flagged, files: files
        )
    }
}
