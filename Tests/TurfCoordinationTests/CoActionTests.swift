import Testing
import TurfCore
@testable import TurfCoordination

@Suite struct CoActionTests {
    typealias F = Fixtures

    @Test func coRetweetsCountWithinTheWindowOnly() {
        let posts = [
            F.post("1", "a", F.t0, retweetOf: "X"), F.post("2", "b", F.t0 + 30, retweetOf: "X"), F.post("3", "c", F.t0 + 100, retweetOf: "X"),
            F.post("4", "a", F.t0 + 5000, retweetOf: "Y"), F.post("5", "b", F.t0 + 5060, retweetOf: "Y"),
            F.post("6", "c", F.t0 + 9000, retweetOf: "Y"), F.post("7", "a", F.t0 + 9001, retweetOf: "Z"),
        ]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.retweet))
        #expect(F.pairs(result) == ["a-b:2"])
        let pair = result.pairs[0]
        #expect(pair.signals == [.retweet])
        #expect(pair.evidence.count == 2)
        #expect(Set(pair.evidence.map(\.item)) == ["X", "Y"])
        #expect(Set(pair.evidence.flatMap { [$0.postA, $0.postB] }) == ["1", "2", "4", "5"])
        #expect(result.accounts.map(\.accountID).prefix(2).sorted() == ["a", "b"])
        #expect(result.accounts.first { $0.accountID == "c" }?.score == 0)
        #expect(result.accounts.first { $0.accountID == "c" }?.cluster == 0)
        #expect(result.clusters.map(\.members.count) == [2])
    }

    @Test func repeatedActionsOnOneItemCountOnce() {
        let posts = (0..<6).map { F.post("\($0)", $0 % 2 == 0 ? "a" : "b", F.t0 + Int64($0), hashtags: ["Same"]) }
        let result = CoordinationScorer.score(posts: posts, config: F.only(.hashtag))
        #expect(F.pairs(result) == ["a-b:1"])
    }

    @Test func minuteResolutionComparesNeighbouringMinutes() {
        let minute = F.t0 / 60 * 60
        let posts = [
            F.post("1", "a", minute, retweetOf: "X", resolution: .minute), F.post("2", "b", minute + 60, retweetOf: "X", resolution: .minute),
            F.post("3", "c", minute + 120, retweetOf: "X", resolution: .minute),
            F.post("4", "d", minute + 10_000, retweetOf: "Y"), F.post("5", "e", minute + 10_090, retweetOf: "Y"),
        ]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.retweet))
        #expect(F.pairs(result) == ["a-b:1", "b-c:1"])
    }

    @Test func nearDuplicateTextsAndExactCopiesButNotRetweets() {
        let words = (0..<20).map { "word\($0)" }
        let text = words.joined(separator: " ")
        let edited = (words.dropLast() + ["changed"]).joined(separator: " ")
        let posts = [
            F.post("1", "a", F.t0, text: text), F.post("2", "b", F.t0 + 100, text: edited + " https://t.co/abc"),
            F.post("3", "c", F.t0 + 100, text: "RT @a: " + text, retweetOf: "1"),
            F.post("4", "d", F.t0 + 120, text: (0..<20).map { "other\($0)" }.joined(separator: " ")),
            F.post("5", "e", F.t0 + 120, text: "too short"), F.post("6", "f", F.t0 + 121, text: "too short"),
        ]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.text))
        #expect(F.pairs(result) == ["a-b:1"])
        #expect(result.pairs[0].evidence[0].item.hasPrefix("word0 word1 word2"))
    }

    @Test func memesMatchByPerceptualHashOrMemeText() {
        let posts = [
            F.post("1", "a", F.t0, media: [MediaItem(id: "m1", perceptualHash: 0xFF00_FF00_FF00_FF00)]),
            F.post("2", "b", F.t0 + 600, media: [MediaItem(id: "m2", perceptualHash: 0xFF00_FF00_FF00_FF07)]),
            F.post("3", "c", F.t0 + 700, media: [MediaItem(id: "m3", perceptualHash: 0x00FF_00FF_00FF_00FF)]),
            F.post("4", "a", F.t0 + 9000, memeText: "DON'T vote Nuttall"), F.post("5", "c", F.t0 + 9100, memeText: "don't vote nuttall"),
        ]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.meme))
        #expect(F.pairs(result) == ["a-b:1", "a-c:1"])
    }

    @Test func urlsAndDomainsAreSeparateSignals() {
        let posts = [
            F.post("1", "a", F.t0, urls: ["https://www.site.org/story/1"]), F.post("2", "b", F.t0 + 60, urls: ["http://site.org/story/1/"]),
            F.post("3", "c", F.t0 + 90, urls: ["https://site.org/story/2"]),
        ]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.url, .domain))
        #expect(F.pairs(result) == ["a-b:2", "a-c:1", "b-c:1"])
        let ab = result.pairs.first { $0.accountA == "a" && $0.accountB == "b" }
        #expect(ab?.signals.contains(.url) == true)
        #expect(ab?.signals.contains(.domain) == true)
    }

    @Test func synchronisedSwitchesUseTheSwitchWindow() {
        let switches = [
            SwitchEvent(accountID: "a", time: F.t0, from: "pro_kremlin", to: "anti_candidate"),
            SwitchEvent(accountID: "b", time: F.t0 + 3600, from: "pro_kremlin", to: "anti_candidate"),
            SwitchEvent(accountID: "c", time: F.t0 + 3700, from: "none", to: "pro_kremlin"),
            SwitchEvent(accountID: "d", time: F.t0 + 200_000, from: "none", to: "anti_candidate"),
        ]
        let result = CoordinationScorer.score(posts: [], switches: switches, config: F.only(.stanceSwitch))
        #expect(F.pairs(result) == ["a-b:1"])
        #expect(result.pairs[0].evidence[0].item == "pro_kremlin->anti_candidate")
        #expect(result.pairs[0].evidence[0].postA == "")
        #expect(result.accounts.count == 4)
    }

    @Test func hotItemsNeverCreatePairsButAddToFoundOnes() {
        var posts: [ClassifiedPost] = []
        for index in 0..<1500 { posts.append(F.post("t\(index)", "u\(index)", F.t0 + Int64(index % 60), hashtags: ["trend"])) }
        posts.append(F.post("x1", "u0", F.t0 + 5000, hashtags: ["rare1"]))
        posts.append(F.post("x2", "u1", F.t0 + 5010, hashtags: ["rare1"]))
        posts.append(F.post("x3", "u0", F.t0 + 8000, hashtags: ["rare2"]))
        posts.append(F.post("x4", "u1", F.t0 + 8010, hashtags: ["rare2"]))
        var config = F.only(.hashtag)
        config.hotKeyAccounts = 1000
        let result = CoordinationScorer.score(posts: posts, config: config)
        #expect(F.pairs(result) == ["u0-u1:3"])
        #expect(result.pairs[0].evidence.map(\.item).sorted() == ["#rare1", "#rare2", "#trend"])
    }

    @Test func emptyInputGivesEmptyResult() {
        let result = CoordinationScorer.score(posts: [])
        #expect(result.accounts.isEmpty)
        #expect(result.pairs.isEmpty)
        #expect(result.clusters.isEmpty)
    }

    @Test func postsWithoutTimeCountButNeverCoAct() {
        var post = F.post("1", "a", 0, retweetOf: "X")
        post.post.createdAt = nil
        var corpus = CoordinationCorpus(config: F.only(.retweet))
        corpus.add(post)
        corpus.add(F.post("2", "b", F.t0, retweetOf: "X"))
        #expect(corpus.postsWithoutTime == 1)
        let result = CoordinationScorer.score(corpus: corpus)
        #expect(result.pairs.isEmpty)
        #expect(result.accounts.first { $0.accountID == "a" }?.posts == 1)
    }

    @Test func heavyUsersAreDiscountedByTheNullModel() {
        // Two accounts sharing 3 rare items look coordinated; the same 3 shared items between two
        // accounts that each touch 400 other items are expected by chance far more.
        var posts: [ClassifiedPost] = []
        for item in 0..<3 {
            posts.append(F.post("l\(item)a", "light1", F.t0 + Int64(item) * 1000, hashtags: ["r\(item)"]))
            posts.append(F.post("l\(item)b", "light2", F.t0 + Int64(item) * 1000 + 5, hashtags: ["r\(item)"]))
            posts.append(F.post("h\(item)a", "heavy1", F.t0 + 50_000 + Int64(item) * 1000, hashtags: ["s\(item)"]))
            posts.append(F.post("h\(item)b", "heavy2", F.t0 + 50_000 + Int64(item) * 1000 + 5, hashtags: ["s\(item)"]))
        }
        for item in 0..<400 {
            posts.append(F.post("ha\(item)", "heavy1", F.t0 + 100_000 + Int64(item) * 1000, hashtags: ["a\(item)"]))
            posts.append(F.post("hb\(item)", "heavy2", F.t0 + 100_000 + Int64(item) * 1000, hashtags: ["b\(item)"]))
            posts.append(F.post("o\(item)", "other\(item % 7)", F.t0 + 100_000 + Int64(item) * 1000 + 2, hashtags: ["a\(item)"]))
        }
        let result = CoordinationScorer.score(posts: posts, config: F.only(.hashtag, minCoActions: 3))
        let light = result.pairs.first { $0.accountA == "light1" }
        let heavy = result.pairs.first { $0.accountA == "heavy1" && $0.accountB == "heavy2" }
        #expect(light != nil && heavy != nil)
        if let light, let heavy {
            #expect(light.weight == heavy.weight)
            #expect(heavy.expected > light.expected * 100)
            #expect(light.significance > heavy.significance)
        }
    }
}
