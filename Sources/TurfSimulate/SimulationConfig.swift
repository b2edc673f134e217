/// Every knob of a simulated scenario. The defaults are the `default` scenario documented in
/// docs/simulate.md: 20,000 accounts over 32 days around the Stoke-on-Trent Central by-election.
public struct SimulationConfig: Sendable, Equatable {
    /// Number of accounts, broadcasters and campaign members included.
    public var accounts: Int = 20_000
    /// Seed of every random choice; the same seed gives byte-identical output.
    public var seed: UInt64 = 1
    /// First simulated second (UTC, seconds since 1970). Default 2017-01-23T00:00:00Z.
    public var start: Int64 = 1_485_129_600
    /// Number of simulated days.
    public var days: Int = 32
    /// Mean posts a day of an ordinary account (activity is log-normal around it).
    public var dailyPosts: Double = 0.3
    /// Spread (log-normal sigma) of activity between accounts.
    public var activitySigma: Double = 1.3
    /// Number of broadcaster accounts (news outlets, state media, celebrities).
    public var broadcasters: Int = 40
    /// Number of planted campaigns.
    public var campaigns: Int = 6
    /// Mean members a campaign (sizes vary from half to one and a half times this).
    public var campaignSize: Int = 30
    /// Campaign styles, cycled over the campaigns.
    public var styles: [AccountKind] = AccountKind.campaignStyles
    /// Coordinated actions a campaign takes a day (retweet rings 1.5 times, subtle cells 0.75 times).
    public var actionsPerDay: Double = 4
    /// Probability that a member joins one coordinated action.
    public var participation: Double = 0.7
    /// Share of organic accounts that are heavy users.
    public var heavyUsers: Double = 0.02
    /// Share of organic accounts that join viral cascades.
    public var viralRetweeters: Double = 0.15
    /// Number of viral retweet cascades.
    public var cascades: Int = 8
    /// Share of the viral retweeters joining each cascade.
    public var cascadeShare: Double = 0.7
    /// Share of organic accounts that tweet live-event hashtags.
    public var liveEventUsers: Double = 0.10
    /// Share of organic accounts that react to the news event.
    public var newsReactors: Double = 0.06
    /// Share of organic accounts that are genuine state-media fans.
    public var stateMediaFans: Double = 0.02
    /// Share of organic accounts writing in Russian.
    public var russianShare: Double = 0.05
    /// Share of posts the oracle classifier mislabels (as another stance or none).
    public var labelNoise: Double = 0.15
    /// The campaigns' planted stance switch; `nil` picks 2017-02-03T09:00Z when inside the run,
    /// otherwise 35% into it. Each campaign switches within two days after it.
    public var switchTime: Int64?
    /// The news event that turns news reactors; `nil` picks 2017-02-10T16:00Z when inside the run,
    /// otherwise 55% into it.
    public var newsTime: Int64?

    /// The default scenario.
    public init() {}

    /// The named scenarios `--scenario` accepts.
    public static let scenarioNames = ["default", "small", "hard", "scale"]

    /// The preset a scenario name stands for, or `nil` for an unknown name.
    ///
    /// - `default`: 20,000 accounts, 6 campaigns of about 30, 32 days.
    /// - `small`: 2,000 accounts, 3 campaigns of about 15, 14 days (tests, quick looks).
    /// - `hard`: the default with small, loose, thin campaigns (subtle cells only, about 12
    ///   members, one action a day, participation 0.35) and twice the hard negatives.
    /// - `scale`: 1,000,000 accounts over 30 days at 0.19 posts a day, about 10 million posts.
    public static func scenario(named name: String) -> SimulationConfig? {
        var config = SimulationConfig()
        switch name {
        case "default":
            break
        case "small":
            config.accounts = 2_000
            config.days = 14
            config.start = 1_485_907_200
            config.broadcasters = 20
            config.campaigns = 3
            config.campaignSize = 15
            config.cascades = 3
        case "hard":
            config.campaignSize = 12
            config.participation = 0.35
            config.actionsPerDay = 1
            config.styles = [.subtle]
            config.viralRetweeters = 0.3
            config.liveEventUsers = 0.2
            config.newsReactors = 0.12
            config.stateMediaFans = 0.04
        case "scale":
            config.accounts = 1_000_000
            config.days = 30
            config.dailyPosts = 0.19
            config.broadcasters = 200
            config.campaigns = 50
            config.campaignSize = 40
            config.cascades = 20
            config.viralRetweeters = 0.05
            config.liveEventUsers = 0.05
            config.newsReactors = 0.03
            config.stateMediaFans = 0.01
        default:
            return nil
        }
        return config
    }

    /// The end of the run (exclusive).
    public var end: Int64 { start + Int64(days) * 86_400 }

    /// The campaigns' base switch time.
    public var resolvedSwitchTime: Int64 {
        if let switchTime { return switchTime }
        let stoke: Int64 = 1_486_112_400
        return (start + 86_400...end - 3 * 86_400).contains(stoke) ? stoke : start + Int64(days) * 86_400 * 35 / 100
    }

    /// The news event's time.
    public var resolvedNewsTime: Int64 {
        if let newsTime { return newsTime }
        let hillsborough: Int64 = 1_486_742_400
        return (start + 86_400...end - 86_400).contains(hillsborough) ? hillsborough : start + Int64(days) * 86_400 * 55 / 100
    }

    /// Checks the knobs, returning a one-line reason for the first bad one.
    public func validationError() -> String? {
        if accounts < 100 { return "--accounts must be at least 100" }
        if accounts > 16_000_000 { return "--accounts must be at most 16000000" }
        if days < 3 { return "--days must be at least 3" }
        if dailyPosts <= 0 { return "--daily-posts must be positive" }
        if broadcasters < 8 { return "--broadcasters must be at least 8" }
        if campaigns < 0 || campaignSize < 2 && campaigns > 0 { return "--campaign-size must be at least 2" }
        let planted = campaigns * (campaignSize * 3 / 2 + 1)
        if broadcasters + planted > accounts / 2 { return "campaigns and broadcasters take more than half of --accounts" }
        if styles.isEmpty || styles.contains(where: { !$0.isCampaign }) { return "--styles must list copy_paste, retweet_ring or subtle" }
        for (name, value) in [
            ("--participation", participation), ("--heavy-users", heavyUsers), ("--viral-retweeters", viralRetweeters),
            ("--cascade-share", cascadeShare), ("--live-event-users", liveEventUsers), ("--news-reactors", newsReactors),
            ("--state-media-fans", stateMediaFans), ("--russian-share", russianShare), ("--label-noise", labelNoise),
        ] where !(0...1).contains(value) {
            return "\(name) must be between 0 and 1"
        }
        if heavyUsers + viralRetweeters + liveEventUsers + newsReactors + stateMediaFans > 1 {
            return "the organic shares add up to more than 1"
        }
        if let switchTime, !(start..<end).contains(switchTime) { return "--switch-time lies outside the simulated days" }
        if let newsTime, !(start..<end).contains(newsTime) { return "--news-time lies outside the simulated days" }
        return nil
    }
}
