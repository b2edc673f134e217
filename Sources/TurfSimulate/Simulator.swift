import Dispatch
import TurfCore

/// Which files a simulation writes besides `truth.csv`.
public struct SimulationOutputs: OptionSet, Sendable {
    /// The option bits.
    public let rawValue: Int
    /// Creates the set from its raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `posts.jsonl`, twarc2 flattened lines.
    public static let posts = SimulationOutputs(rawValue: 1)
    /// `classified.jsonl`, the classify contract with oracle stances.
    public static let classified = SimulationOutputs(rawValue: 2)
    /// Both.
    public static let all: SimulationOutputs = [.posts, .classified]
}

/// What a simulation wrote.
public struct SimulationSummary: Sendable, Equatable {
    /// Accounts of each kind.
    public var accounts: [AccountKind: Int] = [:]
    /// Posts written by accounts of each kind.
    public var posts: [AccountKind: Int] = [:]
    /// Planted campaigns.
    public var campaigns = 0

    /// All posts.
    public var totalPosts: Int { posts.values.reduce(0, +) }
    /// All accounts.
    public var totalAccounts: Int { accounts.values.reduce(0, +) }
}

/// Generates a scenario's posts, oracle classifications and ground truth into a directory.
///
/// Output is streamed block by block of accounts (generated in parallel, written in account
/// order), so memory stays at the plan plus a few blocks whatever the number of accounts. Lines
/// are grouped by account, each account's posts in time order. The same configuration and seed
/// give byte-identical files.
public enum Simulator {
    /// Accounts generated per work item.
    static let blockSize = 512

    /// Runs the simulation, writing `posts.jsonl`, `classified.jsonl` and `truth.csv` under
    /// `directory` (which must exist), each atomically.
    /// - Complexity: O(posts) time, O(accounts + plan posts) memory.
    public static func run(config: SimulationConfig, directory: String, outputs: SimulationOutputs = .all) throws -> SimulationSummary {
        let scenario = Scenario(config: config)
        let postsFile = outputs.contains(.posts) ? try AtomicFile(path: directory + "/posts.jsonl") : nil
        let classifiedFile = outputs.contains(.classified) ? try AtomicFile(path: directory + "/classified.jsonl") : nil
        let truthFile = try AtomicFile(path: directory + "/truth.csv")
        try truthFile.write("account_id,handle,role,kind,campaign,switch_time,from_stance,to_stance\n")
        var summary = SimulationSummary()
        summary.campaigns = scenario.campaigns.count
        let blocks = (config.accounts + blockSize - 1) / blockSize
        let batch = 16
        var first = 0
        while first < blocks {
            let count = min(batch, blocks - first)
            let results = generateBlocks(scenario: scenario, first: first, count: count, outputs: outputs)
            for block in results {
                try postsFile?.write(bytes: block.posts)
                try classifiedFile?.write(bytes: block.classified)
                try truthFile.write(bytes: block.truth)
                for (kind, value) in block.accounts { summary.accounts[kind, default: 0] += value }
                for (kind, value) in block.postCounts { summary.posts[kind, default: 0] += value }
            }
            first += count
        }
        try postsFile?.commit()
        try classifiedFile?.commit()
        try truthFile.commit()
        return summary
    }

    /// The generated posts of one account, in time order with their ids: the unit tests' view.
    static func posts(of index: Int, in scenario: Scenario) -> [(id: UInt64, post: SimPost)] {
        var generator = AccountGenerator(scenario: scenario, index: index)
        return assignIDs(generator.generate(), account: index)
    }

    private struct Block: Sendable {
        var posts: [UInt8] = []
        var classified: [UInt8] = []
        var truth: [UInt8] = []
        var accounts: [AccountKind: Int] = [:]
        var postCounts: [AccountKind: Int] = [:]
    }

    private static func generateBlocks(scenario: Scenario, first: Int, count: Int, outputs: SimulationOutputs) -> [Block] {
        concurrentMap(count) { generateBlock(scenario: scenario, block: first + $0, outputs: outputs) }
    }

    private static func generateBlock(scenario: Scenario, block: Int, outputs: SimulationOutputs) -> Block {
        var result = Block()
        let writer = PostWriter(scenario: scenario)
        let lower = block * blockSize
        let upper = min(scenario.config.accounts, lower + blockSize)
        for index in lower..<upper {
            var generator = AccountGenerator(scenario: scenario, index: index)
            let posts = assignIDs(generator.generate(), account: index)
            let kind = generator.kind
            var oracle = SplitMix64(seed: scenario.config.seed, stream: UInt64(index), salt: 3)
            for (id, post) in posts {
                if outputs.contains(.posts) { writer.appendTwarcLine(post, id: id, author: index, to: &result.posts) }
                if outputs.contains(.classified) {
                    writer.appendClassifiedLine(post, id: id, author: index, rng: &oracle, to: &result.classified)
                }
            }
            result.accounts[kind, default: 0] += 1
            result.postCounts[kind, default: 0] += posts.count
            appendTruth(scenario: scenario, index: index, kind: kind, newsSwitch: generator.switchTime, to: &result.truth)
        }
        return result
    }

    private static func assignIDs(_ posts: [SimPost], account: Int) -> [(id: UInt64, post: SimPost)] {
        var result: [(id: UInt64, post: SimPost)] = []
        result.reserveCapacity(posts.count)
        var lastSecond = Int64.min
        var sequence = 0
        for post in posts {
            if let fixed = post.fixedID {
                result.append((fixed, post))
                continue
            }
            if post.time == lastSecond { sequence += 1 } else { sequence = 0; lastSecond = post.time }
            result.append((TweetID.generated(time: post.time, account: account, sequence: sequence), post))
        }
        return result
    }

    private static func appendTruth(scenario: Scenario, index: Int, kind: AccountKind, newsSwitch: Int64?, to out: inout [UInt8]) {
        var fields = [String(scenario.accountID(index)), scenario.handle(index), kind.role, kind.rawValue]
        if kind.isCampaign {
            let campaign = scenario.campaigns[Int(scenario.campaignOf[index])]
            fields += [campaign.name, UTCTime.iso8601(campaign.switchTime), campaign.fromStance.name, Stance.antiCandidate.name]
        } else if kind == .newsReactor, let newsSwitch {
            fields += ["", UTCTime.iso8601(newsSwitch), Stance.none.name, Stance.antiCandidate.name]
        } else {
            fields += ["", "", "", ""]
        }
        for (position, field) in fields.enumerated() {
            if position > 0 { out.append(0x2C) }
            out.append(contentsOf: field.utf8)
        }
        out.append(0x0A)
    }
}
