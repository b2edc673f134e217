import Foundation
import Testing
import TurfCore
import TurfIO
import TurfSimulate
import TurfTimeline
@testable import TurfCoordination

/// Quality on `turfwatch simulate`'s own scenarios (the `small` preset keeps the test fast),
/// with switches from stance timelines, as `turfwatch score` computes them.
@Suite struct SimulatedScenarioTests {
    @Test(arguments: ["small"]) func simulatedCampaignsRankFirst(scenario: String) throws {
        let directory = NSTemporaryDirectory() + "turfwatch-coord-sim-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var simulation = try #require(SimulationConfig.scenario(named: scenario))
        simulation.seed = 3
        _ = try Simulator.run(config: simulation, directory: directory, outputs: .classified)
        var decoder = ClassifiedLineDecoder()
        var checked = 0
        try LineReader(path: directory + "/classified.jsonl").forEachLine { line, _ in
            var expected = try ClassifiedPostCodec.decode(line: line)
            expected.scores.ruleHits = []
            #expect(try decoder.decode(line) == expected)
            checked += 1
            return checked < 2000
        }
        var corpus = CoordinationCorpus()
        var timelines = TimelineBuilder()
        let errors = try ClassifiedFileReader().read(paths: [directory + "/classified.jsonl"], into: &corpus, visit: { timelines.add($0) }) { _ in }
        #expect(errors == 0)
        corpus.add(switches: timelines.finish().switches.map(SwitchEvent.init))
        let result = CoordinationScorer.score(corpus: corpus)

        var campaign = Set<String>()
        var negatives: [String: Set<String>] = [:]
        let truth = try String(contentsOfFile: directory + "/truth.csv", encoding: .utf8)
        for line in truth.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields[2] == "campaign" { campaign.insert(fields[0]) } else { negatives[fields[3], default: []].insert(fields[0]) }
        }
        let quality = RankingQuality(ranking: result.accounts.map(\.accountID), positives: campaign, negatives: negatives)
        #expect(quality.averagePrecision >= 0.95)
        #expect(quality.negativesInTopK["news_reactor", default: 0] == 0)
        #expect(quality.precisionAtK >= 0.9)
        let top = try #require(result.clusters.first)
        #expect(top.members.allSatisfy(campaign.contains))
        #expect(!top.sharedItems.isEmpty)
    }
}
