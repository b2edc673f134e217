import Foundation
import Testing
import TurfCore
import TurfIO
@testable import TurfSimulate

/// A small scenario that still holds every kind of account and event: six days around the
/// news event, a Question Time evening and the campaigns' switch.
func testConfig(seed: UInt64 = 7) -> SimulationConfig {
    var config = SimulationConfig()
    config.accounts = 1_500
    config.days = 6
    config.start = UTCTime.parseISO8601("2017-02-07")!
    config.broadcasters = 20
    config.campaigns = 3
    config.campaignSize = 12
    config.cascades = 3
    config.seed = seed
    return config
}

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "turfsim-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func jsonLines(_ path: String) -> [[String: Any]] {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

func truthRows(_ path: String) -> [[String]] {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite struct SimulatorTests {
    @Test func sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws {
        let first = temporaryDirectory()
        let second = temporaryDirectory()
        let third = temporaryDirectory()
        _ = try Simulator.run(config: testConfig(), directory: first)
        _ = try Simulator.run(config: testConfig(), directory: second)
        _ = try Simulator.run(config: testConfig(seed: 8), directory: third)
        for name in ["posts.jsonl", "classified.jsonl", "truth.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            let c = try Data(contentsOf: URL(fileURLWithPath: third + "/" + name))
            #expect(a == b, "\(name) differs between runs with one seed")
            #expect(a != c, "\(name) is the same for two seeds")
            #expect(a.count > 1000)
        }
    }

    @Test func accountCountsPerRoleAndKind() throws {
        let directory = temporaryDirectory()
        let config = testConfig()
        let summary = try Simulator.run(config: config, directory: directory)
        let rows = truthRows(directory + "/truth.csv")
        #expect(rows.count == 1_500)
        #expect(summary.totalAccounts == 1_500)
        #expect(Set(rows.map(\.[0])).count == 1_500)
        #expect(Set(rows.map(\.[1])).count == 1_500)
        let kinds = Dictionary(grouping: rows, by: \.[3]).mapValues(\.count)
        #expect(kinds["broadcaster"] == 20)
        let planted = rows.filter { $0[2] == "campaign" }
        #expect(planted.count == summary.accounts[.copyPaste]! + summary.accounts[.retweetRing]! + summary.accounts[.subtle]!)
        #expect(Set(planted.map(\.[4])) == ["c01", "c02", "c03"])
        #expect(Set(planted.map(\.[3])) == ["copy_paste", "retweet_ring", "subtle"])
        #expect(planted.allSatisfy { $0[7] == "anti_candidate" && ($0[6] == "pro_kremlin" || $0[6] == "anti_ukraine") && !$0[5].isEmpty })
        // Organic shares of what is left after broadcasters and campaigns.
        let organic = 1_500 - 20 - planted.count
        #expect(kinds["viral_retweeter"] == Int((Double(organic) * 0.15).rounded()))
        #expect(kinds["news_reactor"] == Int((Double(organic) * 0.06).rounded()))
        #expect(kinds["state_media_fan"] == Int((Double(organic) * 0.02).rounded()))
        #expect(kinds["heavy_user"] == Int((Double(organic) * 0.02).rounded()))
        #expect(kinds["live_event"] == Int((Double(organic) * 0.10).rounded()))
        #expect(rows.filter { $0[2] == "organic" }.allSatisfy { $0[4].isEmpty })
    }

    @Test func campaignActionsFallInsideTheirStylesWindows() {
        let scenario = Scenario(config: testConfig())
        for campaign in scenario.campaigns {
            var times: [Int: [Int64]] = [:]
            for member in campaign.members {
                for (_, post) in Simulator.posts(of: member, in: scenario) where post.action >= 0 {
                    times[post.action % 10_000, default: []].append(post.time)
                }
            }
            #expect(times.count >= campaign.actions.count / 2, "campaign \(campaign.name) acted too rarely")
            let window: Int64 = switch campaign.style {
            case .copyPaste: 300
            case .retweetRing: 60
            default: 3_600
            }
            var multiMember = 0
            for (action, list) in times {
                let start = campaign.actions[action].time
                #expect(list.allSatisfy { $0 >= start - 60 && $0 <= start + window + 1 }, "\(campaign.name) action \(action) \(list) vs \(start)")
                if list.count >= 3 { multiMember += 1 }
            }
            #expect(multiMember > times.count / 2)
            // After the switch every action is anti_candidate, before it never.
            #expect(campaign.actions.allSatisfy { ($0.time >= campaign.switchTime) == ($0.stance == .antiCandidate) })
        }
    }

    @Test func hardNegativesArePresent() {
        let scenario = Scenario(config: testConfig())
        var cascadeRetweets: [Int: [Int64]] = [:]
        var liveTagged = 0
        var reactors = 0
        var reactorTimes: [Int64] = []
        var fanStateRetweets = 0
        for index in 0..<scenario.config.accounts {
            let kind = scenario.kind(index)
            for (_, post) in Simulator.posts(of: index, in: scenario) {
                if post.action >= 1_000_000 { cascadeRetweets[post.action, default: []].append(post.time) }
                if kind == .liveEvent, post.piece.hashtags.contains(where: { $0.value == "bbcqt" }) { liveTagged += 1 }
                if kind == .newsReactor, post.stance == .antiCandidate, post.time > scenario.newsTime {
                    reactorTimes.append(post.time)
                    // Regression: a reaction once repeated the same sentence twice.
                    for line in Vocabulary.antiCandidateOwn {
                        #expect(post.piece.text.components(separatedBy: line).count <= 2, "\(post.piece.text)")
                    }
                }
                if kind == .stateMediaFan, post.reference == .retweeted, scenario.statePool.contains(post.referencePlanIndex) {
                    fanStateRetweets += 1
                }
            }
            if kind == .newsReactor { reactors += 1 }
        }
        #expect(cascadeRetweets.count == scenario.cascades.count)
        for (_, times) in cascadeRetweets {
            let sorted = times.sorted()
            // Most of a cascade lands within 15 minutes of its first retweet.
            let early = sorted.filter { $0 - sorted[0] <= 900 }.count
            #expect(sorted.count >= 100 && early * 10 >= sorted.count * 8, "cascade of \(sorted.count), \(early) early")
        }
        #expect(liveTagged > 100)
        // News reactors switch on the news day, spread over hours rather than seconds.
        #expect(reactorTimes.count >= reactors)
        let sorted = reactorTimes.sorted()
        #expect(sorted[sorted.count * 3 / 4] - sorted[sorted.count / 4] > 3_600)
        #expect(fanStateRetweets > 50)
    }

    @Test func truthAndClassifiedAgreeWithPosts() throws {
        let directory = temporaryDirectory()
        _ = try Simulator.run(config: testConfig(), directory: directory)
        let posts = jsonLines(directory + "/posts.jsonl")
        let truth = truthRows(directory + "/truth.csv")
        let accounts = Dictionary(uniqueKeysWithValues: truth.map { ($0[0], $0) })
        var ids = Set<String>()
        var retweets = 0
        for post in posts {
            let id = post["id"] as! String
            #expect(ids.insert(id).inserted, "duplicate id \(id)")
            let author = post["author"] as! [String: Any]
            let row = try #require(accounts[post["author_id"] as! String])
            #expect(author["username"] as? String == row[1])
            let created = post["created_at"] as! String
            #expect(created.hasSuffix(".000Z") && created.count == 24)
            let text = post["text"] as! String
            let scalars = Array(text.unicodeScalars)
            if let entities = post["entities"] as? [String: Any] {
                for tag in entities["hashtags"] as? [[String: Any]] ?? [] {
                    let span = String(String.UnicodeScalarView(scalars[(tag["start"] as! Int)..<(tag["end"] as! Int)]))
                    #expect(span == "#" + (tag["tag"] as! String))
                }
                for mention in entities["mentions"] as? [[String: Any]] ?? [] {
                    let span = String(String.UnicodeScalarView(scalars[(mention["start"] as! Int)..<(mention["end"] as! Int)]))
                    #expect(span == "@" + (mention["username"] as! String))
                }
                for url in entities["urls"] as? [[String: Any]] ?? [] {
                    let span = String(String.UnicodeScalarView(scalars[(url["start"] as! Int)..<(url["end"] as! Int)]))
                    #expect(span == url["url"] as! String)
                }
            }
            if let references = post["referenced_tweets"] as? [[String: Any]], references[0]["type"] as? String == "retweeted" {
                retweets += 1
                #expect(text.hasPrefix("RT @"))
                #expect(scalars.count <= 140)
            }
            if let attachments = post["attachments"] as? [String: Any] {
                let keys = attachments["media_keys"] as! [String]
                let media = attachments["media"] as! [[String: Any]]
                #expect(keys == media.map { $0["media_key"] as! String })
                #expect(media.allSatisfy { ($0["phash"] as! String).count == 16 })
            }
        }
        #expect(retweets > posts.count / 10)
        // Every retweeted post exists in the file.
        for post in posts {
            if let references = post["referenced_tweets"] as? [[String: Any]], references[0]["type"] as? String == "retweeted" {
                #expect(ids.contains(references[0]["id"] as! String))
            }
        }
        // classified.jsonl: the same posts, in the same order, in the classify contract.
        let classifiedText = try String(contentsOfFile: directory + "/classified.jsonl", encoding: .utf8)
        let lines = classifiedText.split(separator: "\n")
        #expect(lines.count == posts.count)
        var mislabelled = 0
        var stanced = 0
        for (line, post) in zip(lines, posts) {
            let classified = try ClassifiedPostCodec.decode(line: Array(line.utf8))
            #expect(classified.post.id == post["id"] as! String)
            #expect(classified.post.text == post["text"] as! String)
            #expect(classified.scores.stances == ["anti_candidate", "anti_ukraine", "pro_kremlin"])
            #expect(classified.scores.probabilities.allSatisfy { $0 > 0 && $0 < 1 })
            let planted = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["truth_stance"] as! String
            if planted != "none" { stanced += 1 }
            if classified.scores.labels != (planted == "none" ? [] : [planted]) { mislabelled += 1 }
        }
        #expect(stanced * 20 > posts.count)
        // The default 15% label noise, give or take sampling.
        #expect(mislabelled * 100 > posts.count * 12 && mislabelled * 100 < posts.count * 18)
        // Campaign switch times in truth come from the plan.
        let scenario = Scenario(config: testConfig())
        for campaign in scenario.campaigns {
            let member = String(scenario.accountID(campaign.members[0]))
            #expect(accounts[member]![5] == UTCTime.iso8601(campaign.switchTime))
        }
    }

    @Test func tweetIDsAreSnowflakesOfTheirTime() {
        let time = UTCTime.parseISO8601("2017-02-10T16:00:00Z")!
        let id = TweetID.generated(time: time, account: 1_234_567, sequence: 3)
        #expect((Int64(id >> 22) + TweetID.epochMilliseconds) / 1000 == time)
        #expect(TweetID.generated(time: time, account: 1_234_567, sequence: 4) != id)
        #expect(TweetID.planned(time: time, index: 3) != TweetID.generated(time: time, account: 3, sequence: 0))
        #expect((Int64(TweetID.generated(time: time, account: 15_999_999, sequence: 255) >> 22) + TweetID.epochMilliseconds) / 1000 == time)
    }

    @Test func retweetTextIsTruncatedAt140CodePoints() {
        var original = TextPiece()
        original.word(String(repeating: "Крым ", count: 30))
        original.hashtag("Donbass")
        let retweet = TextPiece.retweet(of: original, author: "RT_com", authorIndex: 4)
        #expect(retweet.text.unicodeScalars.count == 140)
        #expect(retweet.text.hasPrefix("RT @RT_com: Крым"))
        #expect(retweet.text.hasSuffix("…"))
        #expect(retweet.hashtags.isEmpty)
        #expect(retweet.mentions.map(\.value) == ["RT_com"])
        var short = TextPiece()
        short.word("Hello")
        short.hashtag("bbcqt")
        let whole = TextPiece.retweet(of: short, author: "x", authorIndex: 1)
        #expect(whole.text == "RT @x: Hello #bbcqt")
        #expect(whole.hashtags.map { [$0.start, $0.end] } == [[13, 19]])
    }

    @Test func badKnobsAreRejected() {
        var config = testConfig()
        config.participation = 1.5
        #expect(config.validationError() == "--participation must be between 0 and 1")
        config = testConfig()
        config.accounts = 10
        #expect(config.validationError() == "--accounts must be at least 100")
        config = testConfig()
        config.campaigns = 200
        #expect(config.validationError() == "campaigns and broadcasters take more than half of --accounts")
        #expect(SimulationConfig.scenario(named: "nope") == nil)
        #expect(SimulationConfig.scenario(named: "default") == SimulationConfig())
    }
}
