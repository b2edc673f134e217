import Foundation
import Testing
import TurfCore
@testable import TurfCoordination

@Suite struct QualityTests {
    @Test func plantedCampaignsOutrankHardNegatives() {
        let scenario = Scenario(seed: 7)
        let result = CoordinationScorer.score(posts: scenario.posts, switches: scenario.switches)
        let ranking = result.accounts.map(\.accountID)
        let quality = RankingQuality(ranking: ranking, positives: scenario.campaign, negatives: scenario.negatives)
        print("AP \(quality.averagePrecision) P@k \(quality.precisionAtK) negatives \(quality.negativesInTopK) posts \(scenario.posts.count) accounts \(result.accounts.count) pairs \(result.pairs.count) clusters \(result.clusters.count)")
        for account in result.accounts.prefix(80) where !scenario.campaign.contains(account.accountID) {
            print("FP", account.accountID, account.rank, account.raw, account.partners, account.topSignal?.name ?? "-")
        }
        for account in result.accounts where scenario.campaign.contains(account.accountID) && account.rank > 67 {
            print("FN", account.accountID, account.rank, account.raw, account.partners)
        }
        #expect(quality.averagePrecision >= 0.95)
        #expect(quality.negativesInTopK["news", default: 0] == 0)
    }
}
