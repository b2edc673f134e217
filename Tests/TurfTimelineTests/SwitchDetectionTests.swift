import Foundation
import Testing
import TurfCore
@testable import TurfTimeline

@Suite struct SwitchDetectionTests {
    /// `perDay` posts a day labelled `label` on each of `days` (offsets from February 1st).
    private func add(_ builder: inout TimelineBuilder, _ account: String, _ days: some Sequence<Int>, _ label: [String], perDay: Int = 3) {
        for offset in days {
            for index in 0..<perDay { builder.add(post(account, february + Int64(offset) * day + Int64(index), label)) }
        }
    }

    @Test func reportsTheSwitchWithItsStances() throws {
        var builder = TimelineBuilder()
        add(&builder, "troll", 0..<20, ["pro_kremlin"])
        add(&builder, "troll", 20..<40, ["anti_candidate"])
        let account = try #require(builder.finish().accounts.first)
        #expect(account.status == .ok)
        #expect(account.segments.map(\.dominant) == ["pro_kremlin", "anti_candidate"])
        #expect(account.segments.map(\.startBucket) == [0, 20])
        #expect(account.segments.map(\.endBucket) == [19, 39])
        #expect(account.segments.map(\.posts) == [60, 60])
        #expect(account.segments[0].mix == [0, 0, 1, 0])
        let change = try #require(account.switches.first)
        #expect(account.switches.count == 1)
        #expect(change.accountID == "troll")
        #expect(change.from == "pro_kremlin")
        #expect(change.to == "anti_candidate")
        #expect(change.bucketIndex == 20)
        #expect(change.earliestBucketIndex == 20)
        #expect(change.time == february + 20 * day)
        #expect(abs(change.likelihoodRatio - 240 * 0.6931471805599453) < 1e-9)
        #expect(change.confidence > 0.999)
    }

    @Test func silentDaysMakeNoChangeAndWidenTheInterval() throws {
        var builder = TimelineBuilder()
        add(&builder, "quiet", [0, 1, 2, 10, 11, 30, 31, 32], ["anti_ukraine"])
        add(&builder, "gap", [0, 1, 2, 3, 4], ["anti_ukraine"])
        add(&builder, "gap", [12, 13, 14, 15, 16], [])
        let set = builder.finish()
        let quiet = try #require(set.accounts.first { $0.accountID == "quiet" })
        #expect(quiet.segments.count == 1)
        #expect(quiet.switches.isEmpty)
        let gap = try #require(set.accounts.first { $0.accountID == "gap" })
        let change = try #require(gap.switches.first)
        #expect(change.from == "anti_ukraine")
        #expect(change.to == "none")
        #expect(change.earliestBucketIndex == 5)
        #expect(change.bucketIndex == 12)
    }

    @Test func aBoundaryWithTheSameDominantStanceIsASegmentNotASwitch() throws {
        var builder = TimelineBuilder()
        for offset in 0..<20 {
            builder.add(post("mixed", february + Int64(offset) * day, ["pro_kremlin"]))
            builder.add(post("mixed", february + Int64(offset) * day + 1, offset < 10 ? ["pro_kremlin"] : ["anti_ukraine", "pro_kremlin"]))
            builder.add(post("mixed", february + Int64(offset) * day + 2, offset < 10 ? ["pro_kremlin"] : []))
        }
        let account = try #require(builder.finish().accounts.first)
        #expect(account.segments.count == 2)
        #expect(account.segments.map(\.dominant) == ["pro_kremlin", "pro_kremlin"])
        #expect(account.switches.isEmpty)
    }

    @Test func confidenceFollowsTheBICBayesFactor() throws {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 1, minSegmentBuckets: 1, penalty: .fixed(6)))
        add(&builder, "a", 0..<3, ["pro_kremlin"], perDay: 2)
        add(&builder, "a", 3..<6, ["anti_candidate"], perDay: 2)
        let change = try #require(builder.finish().accounts.first?.switches.first)
        let ratio = 24 * 0.6931471805599453
        #expect(abs(change.likelihoodRatio - ratio) < 1e-9)
        #expect(abs(change.confidence - 1 / (1 + exp(-(ratio - 6) / 2))) < 1e-12)
    }

    @Test func bicPenaltyGrowsWithCategoriesAndPosts() {
        #expect(abs(Penalty.bic(multiplier: 1).value(categoriesUsed: 4, observations: 100) - 4 * log(100.0)) < 1e-12)
        #expect(abs(Penalty.bic(multiplier: 2).value(categoriesUsed: 2, observations: 10) - 4 * log(10.0)) < 1e-12)
        #expect(Penalty.fixed(3).value(categoriesUsed: 9, observations: 9) == 3)
    }
}

@Suite struct PopulationSwitchesTests {
    @Test func flagsASynchronisedBurst() throws {
        var builder = TimelineBuilder()
        for account in 0..<60 {
            let switchDay = account < 20 ? 30 : 10 + account
            for offset in 0..<60 {
                let label = offset < switchDay ? "pro_kremlin" : "anti_candidate"
                for index in 0..<2 { builder.add(post("acct\(account)", february + Int64(offset) * day + Int64(index), [label])) }
            }
        }
        let set = builder.finish()
        let population = PopulationSwitches(set)
        #expect(population.bucketCount == 60)
        #expect(population.activeAccounts.allSatisfy { $0 == 60 })
        #expect(population.switches(into: "anti_candidate", bucket: 30) == 21)
        #expect(population.switches(into: "anti_candidate", bucket: 31) == 1)
        #expect(population.switches(into: "pro_kremlin", bucket: 30) == 0)
        #expect(population.switches(into: "unknown", bucket: 30) == 0)
        let burst = try #require(population.bursts.first)
        #expect(population.bursts.count == 1)
        #expect(burst.bucketIndex == 30)
        #expect(burst.stance == "anti_candidate")
        #expect(burst.switches == 21)
        #expect(burst.baseline == 0)
        #expect(burst.z == 42)
        #expect(burst.time == february + 30 * day)
        #expect(burst.accountIDs == (0..<20).map { "acct\($0)" } + ["acct20"])
    }

    @Test func noSwitchesNoBursts() {
        var builder = TimelineBuilder()
        for offset in 0..<30 { builder.add(post("calm", february + Int64(offset) * day, ["anti_ukraine"])) }
        let population = PopulationSwitches(builder.finish())
        #expect(population.bursts.isEmpty)
        #expect(population.switchesInto.allSatisfy { $0.allSatisfy { $0 == 0 } })
    }
}
