import ArgumentParser
import TurfCore
import TurfSimulate

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `turfwatch simulate`: writes synthetic traffic with planted campaigns and ground truth.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate twarc2-style posts with planted campaigns, hard negatives and ground truth.",
        discussion: """
        Writes DIR/posts.jsonl (twarc2 flattened Twitter API v2 lines), DIR/classified.jsonl (the classify \
        contract with oracle stance scores) and DIR/truth.csv. The same seed gives byte-identical files. \
        Flags override the chosen --scenario (default, small, hard, scale); see docs/simulate.md.
        """
    )

    @Option(help: "Preset scenario: default, small, hard or scale.") var scenario = "default"
    @Option(help: "Number of accounts.") var accounts: Int?
    @Option(help: "Random seed; the same seed gives the same bytes.") var seed: UInt64 = 1
    @Option(help: "Number of simulated days.") var days: Int?
    @Option(help: "First day, YYYY-MM-DD (UTC).") var start: String?
    @Option(help: "Mean posts a day of an ordinary account.") var dailyPosts: Double?
    @Option(help: "Number of broadcaster accounts (news, state media, celebrities).") var broadcasters: Int?
    @Option(help: "Number of planted campaigns.") var campaigns: Int?
    @Option(help: "Mean members a campaign.") var campaignSize: Int?
    @Option(help: "Campaign styles cycled over campaigns, comma-separated: copy_paste,retweet_ring,subtle.") var styles: String?
    @Option(help: "Coordinated actions a campaign takes a day.") var actionsPerDay: Double?
    @Option(help: "Probability that a member joins an action (0-1).") var participation: Double?
    @Option(help: "Share of organic accounts that are heavy users.") var heavyUsers: Double?
    @Option(help: "Share of organic accounts joining viral cascades.") var viralRetweeters: Double?
    @Option(help: "Number of viral retweet cascades.") var cascades: Int?
    @Option(help: "Share of viral retweeters joining each cascade.") var cascadeShare: Double?
    @Option(help: "Share of organic accounts tweeting live-event hashtags.") var liveEventUsers: Double?
    @Option(help: "Share of organic accounts the news event turns anti_candidate.") var newsReactors: Double?
    @Option(help: "Share of organic accounts that are genuine state-media fans.") var stateMediaFans: Double?
    @Option(help: "Share of organic accounts writing in Russian.") var russianShare: Double?
    @Option(help: "Share of posts the oracle classifier mislabels.") var labelNoise: Double?
    @Option(help: "Campaigns' base stance switch, ISO 8601 UTC.") var switchTime: String?
    @Option(help: "News event time, ISO 8601 UTC.") var newsTime: String?
    @Option(help: "Files to write besides truth.csv: posts, classified or both (comma-separated).") var formats = "posts,classified"
    @Option(help: "Output directory (created if missing).") var out: String

    func run() throws {
        guard var config = SimulationConfig.scenario(named: scenario) else {
            throw ValidationError("unknown --scenario \(scenario); known: \(SimulationConfig.scenarioNames.joined(separator: ", "))")
        }
        config.seed = seed
        if let accounts { config.accounts = accounts }
        if let days { config.days = days }
        if let start {
            guard let seconds = UTCTime.parseISO8601(start) else { throw ValidationError("--start is not a date: \(start)") }
            config.start = seconds
        }
        if let dailyPosts { config.dailyPosts = dailyPosts }
        if let broadcasters { config.broadcasters = broadcasters }
        if let campaigns { config.campaigns = campaigns }
        if let campaignSize { config.campaignSize = campaignSize }
        if let styles {
            var parsed: [AccountKind] = []
            for name in styles.split(separator: ",") {
                guard let kind = AccountKind(rawValue: String(name)), kind.isCampaign else {
                    throw ValidationError("unknown campaign style \(name); known: copy_paste, retweet_ring, subtle")
                }
                parsed.append(kind)
            }
            config.styles = parsed
        }
        if let actionsPerDay { config.actionsPerDay = actionsPerDay }
        if let participation { config.participation = participation }
        if let heavyUsers { config.heavyUsers = heavyUsers }
        if let viralRetweeters { config.viralRetweeters = viralRetweeters }
        if let cascades { config.cascades = cascades }
        if let cascadeShare { config.cascadeShare = cascadeShare }
        if let liveEventUsers { config.liveEventUsers = liveEventUsers }
        if let newsReactors { config.newsReactors = newsReactors }
        if let stateMediaFans { config.stateMediaFans = stateMediaFans }
        if let russianShare { config.russianShare = russianShare }
        if let labelNoise { config.labelNoise = labelNoise }
        if let switchTime {
            guard let seconds = UTCTime.parseISO8601(switchTime) else { throw ValidationError("--switch-time is not a time: \(switchTime)") }
            config.switchTime = seconds
        }
        if let newsTime {
            guard let seconds = UTCTime.parseISO8601(newsTime) else { throw ValidationError("--news-time is not a time: \(newsTime)") }
            config.newsTime = seconds
        }
        var outputs: SimulationOutputs = []
        for name in formats.split(separator: ",") {
            switch name {
            case "posts": outputs.insert(.posts)
            case "classified": outputs.insert(.classified)
            default: throw ValidationError("unknown --formats entry \(name); known: posts, classified")
            }
        }
        if let problem = config.validationError() { throw ValidationError(problem) }
        if mkdir(out, 0o755) != 0, errno != EEXIST {
            printError("\(out): cannot create output directory: \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        let summary: SimulationSummary
        do {
            summary = try Simulator.run(config: config, directory: out, outputs: outputs)
        } catch let error as InputError {
            printError(String(describing: error))
            throw ExitCode(1)
        }
        let planted = AccountKind.campaignStyles.reduce(0) { $0 + (summary.accounts[$1] ?? 0) }
        printError("simulate: \(summary.totalAccounts) accounts (\(planted) in \(summary.campaigns) campaigns), \(summary.totalPosts) posts -> \(out)")
    }
}
