import Testing
import TurfCore
@testable import TurfSimulate

@Suite struct ScenarioTests {
    @Test func defaultRunHoldsTheFebruary2017Events() {
        let config = SimulationConfig()
        let events = Scenario.liveEvents(config: config).map { "\($0.tag) \(UTCTime.iso8601($0.start))" }
        #expect(events == [
            "bbcqt 2017-01-26T22:40:00Z", "bbcqt 2017-02-02T22:40:00Z", "SuperBowl 2017-02-05T23:30:00Z",
            "bbcqt 2017-02-09T22:40:00Z", "BAFTAs 2017-02-12T19:00:00Z", "bbcqt 2017-02-16T22:40:00Z",
            "BRITs2017 2017-02-22T19:00:00Z", "bbcqt 2017-02-23T22:40:00Z",
        ])
        #expect(UTCTime.iso8601(config.resolvedSwitchTime) == "2017-02-03T09:00:00Z")
        #expect(UTCTime.iso8601(config.resolvedNewsTime) == "2017-02-10T16:00:00Z")
        #expect(UTCTime.iso8601(config.end) == "2017-02-24T00:00:00Z")
    }

    @Test func anotherPeriodPlacesSwitchAndNewsByShare() {
        var config = SimulationConfig()
        config.start = UTCTime.parseISO8601("2016-06-01")!
        config.days = 10
        #expect(UTCTime.iso8601(config.resolvedSwitchTime) == "2016-06-04T12:00:00Z")
        #expect(UTCTime.iso8601(config.resolvedNewsTime) == "2016-06-06T12:00:00Z")
        #expect(Scenario.liveEvents(config: config).map { UTCTime.iso8601($0.start) } == ["2016-06-02T22:40:00Z", "2016-06-09T22:40:00Z"])
        config.accounts = 400
        config.campaigns = 2
        config.campaignSize = 5
        config.broadcasters = 10
        let scenario = Scenario(config: config)
        for campaign in scenario.campaigns {
            #expect(campaign.switchTime >= config.resolvedSwitchTime && campaign.switchTime < config.resolvedSwitchTime + 2 * 86_400)
            #expect(campaign.actions.allSatisfy { $0.time >= config.start && $0.time < config.end })
        }
    }

    @Test func handlesAndIDsAreUniqueAndStable() {
        var config = SimulationConfig()
        config.accounts = 5_000
        let scenario = Scenario(config: config)
        let handles = Set((0..<5_000).map(scenario.handle))
        let ids = Set((0..<5_000).map(scenario.accountID))
        #expect(handles.count == 5_000)
        #expect(ids.count == 5_000)
        #expect(scenario.broadcasters.prefix(5).map(scenario.handle) == ["RT_com", "SputnikInt", "RT_UKNews", "RT_America", "SputnikNewsUK"])
        #expect(Scenario(config: config).handle(1234) == scenario.handle(1234))
    }

    @Test func splitMixIsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        var counts = [Int](repeating: 0, count: 4)
        for _ in 0..<4_000 { counts[rng.below(4)] += 1 }
        #expect(counts.allSatisfy { (900...1_100).contains($0) })
        let mean = (0..<20_000).map { _ in Double(rng.poisson(3.5)) }.reduce(0, +) / 20_000
        #expect(abs(mean - 3.5) < 0.1)
    }
}
