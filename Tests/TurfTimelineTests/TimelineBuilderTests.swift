import Testing
import TurfCore
@testable import TurfTimeline

/// A classified post for tests: stances are always the same three.
func post(_ account: String, _ time: Int64?, _ labels: [String], _ probabilities: [Double] = [0.1, 0.2, 0.3], handle: String = "") -> ClassifiedPost {
    ClassifiedPost(
        post: Post(id: "\(account)-\(time ?? -1)", account: AccountRef(id: account, handle: handle), createdAt: time, text: ""),
        scores: StanceScores(stances: ["anti_candidate", "anti_ukraine", "pro_kremlin"], probabilities: probabilities, labels: labels)
    )
}

let day: Int64 = 86_400
/// 2017-02-01T00:00:00Z.
let february: Int64 = 1_485_907_200

@Suite struct TimelineBuilderTests {
    @Test func sumsPostsPerBucket() throws {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        builder.add(post("a", february + 10, ["pro_kremlin"], [0.1, 0.2, 0.9]))
        builder.add(post("a", february + 20, ["pro_kremlin", "anti_ukraine"], [0.1, 0.6, 0.7]))
        builder.add(post("a", february + day + 5, [], [0.2, 0.2, 0.2]))
        let set = builder.finish()
        #expect(set.stances == ["anti_candidate", "anti_ukraine", "pro_kremlin"])
        #expect(set.categories == ["anti_candidate", "anti_ukraine", "pro_kremlin", "none"])
        #expect(set.origin == february)
        #expect(set.bucketCount == 2)
        let buckets = try #require(set.accounts.first).buckets
        #expect(buckets.count == 2)
        #expect(buckets[0].index == 0)
        #expect(buckets[0].posts == 2)
        #expect(buckets[0].counts == [0, 1, 2, 0])
        #expect(abs(buckets[0].meanProbabilities[1] - 0.4) < 1e-6)
        #expect(abs(buckets[0].meanProbabilities[2] - 0.8) < 1e-6)
        #expect(buckets[1].index == 1)
        #expect(buckets[1].counts == [0, 0, 0, 1])
    }

    @Test func outOfOrderPostsLandInTheirBuckets() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        for offset in [5, 1, 3, 1, 0, 5] as [Int64] { builder.add(post("a", february + offset * day, ["anti_ukraine"])) }
        let set = builder.finish()
        #expect(set.accounts[0].buckets.map(\.index) == [0, 1, 3, 5])
        #expect(set.accounts[0].buckets.map(\.posts) == [1, 2, 1, 2])
        #expect(set.origin == february)
        #expect(set.bucketCount == 6)
    }

    @Test func aStanceSeenLateWidensEveryAccount() throws {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        let early = ClassifiedPost(
            post: Post(id: "1", account: AccountRef(id: "a"), createdAt: february, text: ""),
            scores: StanceScores(stances: ["pro_kremlin"], probabilities: [0.9], labels: ["pro_kremlin"])
        )
        builder.add(early)
        builder.add(post("b", february + day, ["anti_candidate"], [0.8, 0.1, 0.4]))
        let set = builder.finish()
        #expect(set.stances == ["pro_kremlin", "anti_candidate", "anti_ukraine"])
        let a = try #require(set.accounts.first { $0.accountID == "a" }).buckets[0]
        #expect(a.counts == [1, 0, 0, 0])
        #expect(abs(a.meanProbabilities[0] - 0.9) < 1e-6)
        #expect(a.meanProbabilities[1] == 0)
        let b = try #require(set.accounts.first { $0.accountID == "b" }).buckets[0]
        #expect(b.counts == [0, 1, 0, 0])
        #expect(abs(b.meanProbabilities[0] - 0.4) < 1e-6)
        #expect(abs(b.meanProbabilities[2] - 0.1) < 1e-6)
    }

    @Test func aLabelNamedNoneIsNoStance() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        let multiClass = ClassifiedPost(
            post: Post(id: "1", account: AccountRef(id: "a"), createdAt: february, text: ""),
            scores: StanceScores(stances: ["against", "favor", "none"], probabilities: [0.1, 0.2, 0.7], labels: ["none"])
        )
        builder.add(multiClass)
        let set = builder.finish()
        #expect(set.stances == ["against", "favor"])
        #expect(set.accounts[0].buckets[0].counts == [0, 0, 1])
    }

    @Test func undatedPostsAreCountedNotBucketed() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        builder.add(post("a", nil, ["pro_kremlin"]))
        builder.add(post("a", february, ["pro_kremlin"]))
        builder.add(post("b", nil, []))
        let set = builder.finish()
        #expect(set.undatedPosts == 2)
        #expect(set.accounts.map(\.undatedPosts) == [1, 1])
        #expect(set.accounts.map(\.posts) == [1, 0])
        #expect(set.accounts[1].status == .insufficientData)
        #expect(set.accounts[1].buckets.isEmpty)
    }

    @Test func anEmptyBuilderGivesAnEmptySet() {
        let set = TimelineBuilder().finish()
        #expect(set.accounts.isEmpty)
        #expect(set.bucketCount == 0)
        #expect(PopulationSwitches(set).bucketCount == 0)
    }

    @Test func accountsBelowTheMinimumSayInsufficientData() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 5))
        for offset in 0..<4 { builder.add(post("few", february + Int64(offset) * day, ["pro_kremlin"])) }
        for offset in 0..<5 { builder.add(post("enough", february + Int64(offset) * day, ["pro_kremlin"])) }
        let set = builder.finish()
        #expect(set.accounts.map(\.status) == [.insufficientData, .ok])
        #expect(set.accounts[0].segments.isEmpty)
        #expect(set.accounts[1].segments.count == 1)
        #expect(set.insufficientDataCount == 1)
    }

    @Test func theFirstHandleSeenIsKeptAndNonLatinIdsSurvive() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        builder.add(post("Пётр🇷🇺", february, []))
        builder.add(post("Пётр🇷🇺", february + 1, [], handle: "петя"))
        builder.add(post("Пётр🇷🇺", february + 2, [], handle: "other"))
        let set = builder.finish()
        #expect(set.accounts.count == 1)
        #expect(set.accounts[0].account == AccountRef(id: "Пётр🇷🇺", handle: "петя"))
    }

    @Test func weeksStartOnMonday() {
        var weekly = TimelineBuilder(config: TimelineConfig(bucketSeconds: 604_800, minPosts: 1))
        weekly.add(post("a", february, []))
        weekly.add(post("a", february + 4 * day, []))
        weekly.add(post("a", february + 5 * day, []))
        let set = weekly.finish()
        #expect(UTCTime.iso8601(set.origin) == "2017-01-30T00:00:00Z")
        #expect(set.accounts[0].buckets.map(\.index) == [0, 1])
        #expect(set.accounts[0].buckets.map(\.posts) == [2, 1])
    }

    @Test func timesOutsideTheSupportedRangeCountAsUndated() {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1))
        builder.add(post("a", -1, ["pro_kremlin"]))
        builder.add(post("a", 9_000_000_000, ["pro_kremlin"]))
        builder.add(post("a", february, ["pro_kremlin"]))
        let set = builder.finish()
        #expect(set.undatedPosts == 2)
        #expect(set.bucketCount == 1)
        #expect(set.origin == february)
    }

    @Test func mergedShardsEqualOneBuilder() {
        let simulation = SwitchSimulation(SwitchSimulation.Parameters(accounts: 200, seed: 9))
        var whole = TimelineBuilder()
        var even = TimelineBuilder()
        var odd = TimelineBuilder()
        var sequence = 0
        for index in 0..<200 {
            for (number, item) in simulation.classifiedPosts(of: index).enumerated() {
                whole.add(item)
                if number % 2 == 0 {
                    even.sequence = sequence
                    even.add(item)
                } else {
                    odd.sequence = sequence
                    odd.add(item)
                }
                sequence += 1
            }
        }
        var oddFirst = TimelineBuilder(config: TimelineConfig(stances: ["pro_kremlin"]))
        oddFirst.merge(odd)
        even.merge(oddFirst)
        let merged = even.finish()
        let expected = whole.finish()
        #expect(merged.stances == expected.stances)
        #expect(merged.accounts.map(\.accountID) == expected.accounts.map(\.accountID))
        let sameBuckets = zip(merged.accounts, expected.accounts).allSatisfy { pair in
            zip(pair.0.buckets, pair.1.buckets).allSatisfy { a, b in
                a.index == b.index && a.posts == b.posts && a.counts == b.counts
                    && zip(a.meanProbabilities, b.meanProbabilities).allSatisfy { abs($0 - $1) < 1e-5 }
            } && pair.0.activeBucketCount == pair.1.activeBucketCount
        }
        #expect(sameBuckets)
        #expect(merged.switches == expected.switches)
    }

    @Test func parsesBucketNamesAndPenalties() {
        #expect(TimelineConfig.bucketSeconds(named: "1h") == 3600)
        #expect(TimelineConfig.bucketSeconds(named: "6h") == 21_600)
        #expect(TimelineConfig.bucketSeconds(named: "1d") == 86_400)
        #expect(TimelineConfig.bucketSeconds(named: "1w") == 604_800)
        #expect(TimelineConfig.bucketSeconds(named: "0d") == nil)
        #expect(TimelineConfig.bucketSeconds(named: "d") == nil)
        #expect(TimelineConfig.bucketSeconds(named: "1y") == nil)
        #expect(Penalty(parsing: "bic") == .bic(multiplier: 1))
        #expect(Penalty(parsing: "bic*1.5") == .bic(multiplier: 1.5))
        #expect(Penalty(parsing: "12") == .fixed(12))
        #expect(Penalty(parsing: "bic*-1") == nil)
        #expect(Penalty(parsing: "-3") == nil)
        #expect(Penalty(parsing: "many") == nil)
    }

    @Test func oneAndTwoWorkersAgree() {
        let simulation = SwitchSimulation(SwitchSimulation.Parameters(accounts: 300, seed: 5))
        func build(_ workers: Int) -> TimelineSet {
            var builder = TimelineBuilder(config: TimelineConfig(workers: workers))
            for index in 0..<300 { for item in simulation.classifiedPosts(of: index) { builder.add(item) } }
            return builder.finish()
        }
        let one = build(1)
        let two = build(2)
        #expect(one.accounts.map(\.segments) == two.accounts.map(\.segments))
        #expect(one.switches == two.switches)
        #expect(!one.switches.isEmpty)
    }
}
