import Testing
import TurfCore
@testable import TurfCoordination

@Suite struct QualityTests {
    @Test func plantedCampaignsOutrankHardNegatives() {
        let scenario = Scenario(seed: 7)
        let result = CoordinationScorer.score(posts: scenario.posts, switches: scenario.switches)
        let ranking = result.accounts.map(\.accountID)
        let quality = RankingQuality(ranking: ranking, positives: scenario.campaign, negatives: scenario.negatives)
        #expect(quality.averagePrecision >= 0.95)
        #expect(quality.negativesInTopK["news", default: 0] == 0)
        #expect(quality.precisionAtK >= 0.95)
        #expect(quality.negativesInTopK.values.reduce(0, +) <= 2)
        let clustered = Set(result.clusters.prefix(3).flatMap(\.members))
        #expect(clustered.isSubset(of: scenario.campaign))
    }
}
