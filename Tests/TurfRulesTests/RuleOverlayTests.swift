import Testing
import TurfCore
@testable import TurfRules

@Suite struct RuleOverlayTests {
    let stances = ["pro_kremlin", "anti_ukraine", "anti_candidate"]
    let thresholds = [0.5, 0.6, 0.5]
    let weights = ["boost-pk": 2.0, "boost-au": 1.0, "boost-pk-2": 1.0]

    private func hit(_ id: String, _ stance: String, _ effect: RuleEffect) -> RuleHit {
        RuleHit(id: id, stance: stance, effect: effect, field: .text, start: 0, end: 5)
    }

    private func apply(_ hits: [RuleHit], _ logits: [Double], multiClass: Bool = false) -> StanceScores {
        RuleOverlay.apply(hits: hits, boostWeights: weights, to: logits, stances: stances, thresholds: thresholds, multiClass: multiClass)
    }

    private func near(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test func withoutHitsTheModelDecides() {
        let scores = apply([], [0, 1, -1])
        #expect(near(scores.probabilities, [0.5, 1 / (1 + 1 / 2.718281828459045), 1 / (1 + 2.718281828459045)]))
        #expect(scores.labels == ["pro_kremlin", "anti_ukraine"])
        #expect(scores.ruleHits.isEmpty)
    }

    @Test func boostAddsItsWeightToTheLogOdds() {
        let hits = [hit("boost-pk", "pro_kremlin", .boost), hit("boost-pk-2", "pro_kremlin", .boost)]
        let scores = apply(hits, [-2.5, -5, -5])
        // -2.5 + 2 + 1 = 0.5 log-odds.
        #expect(near(scores.probabilities, [RuleOverlay.sigmoid(0.5), RuleOverlay.sigmoid(-5), RuleOverlay.sigmoid(-5)]))
        #expect(scores.labels == ["pro_kremlin"])
        #expect(scores.ruleHits == hits)
    }

    @Test func assertMakesTheStanceHoldWhateverTheModelSays() {
        let scores = apply([hit("a", "anti_ukraine", .assert)], [-3, -8, 4])
        #expect(scores.probabilities[1] == 0.6)
        #expect(scores.labels == ["anti_ukraine", "anti_candidate"])
        let confident = apply([hit("a", "anti_ukraine", .assert)], [-3, 3, 4])
        #expect(confident.probabilities[1] == RuleOverlay.sigmoid(3))
    }

    @Test func suppressVetoesTheStance() {
        let scores = apply([hit("s", "pro_kremlin", .suppress)], [6, -8, -8])
        #expect(scores.probabilities[0] == 0)
        #expect(scores.labels.isEmpty)
    }

    @Test func suppressBeatsAssertBeatsBoost() {
        let all = [hit("boost-pk", "pro_kremlin", .boost), hit("a", "pro_kremlin", .assert), hit("s", "pro_kremlin", .suppress)]
        let vetoed = apply(all, [0, 0, 0])
        #expect(vetoed.probabilities[0] == 0)
        #expect(vetoed.labels == ["pro_kremlin", "anti_ukraine", "anti_candidate"].filter { $0 != "pro_kremlin" && $0 != "anti_ukraine" })
        #expect(vetoed.ruleHits == all)
        let negativeBoost = ["neg": -10.0]
        let asserted = RuleOverlay.apply(
            hits: [RuleHit(id: "neg", stance: "pro_kremlin", effect: .boost, field: .text, start: 0, end: 1), hit("a", "pro_kremlin", .assert)],
            boostWeights: negativeBoost, to: [0, -9, -9], stances: stances, thresholds: thresholds, multiClass: false
        )
        #expect(asserted.probabilities[0] == 0.5)
        #expect(asserted.labels == ["pro_kremlin"])
    }

    @Test func hitsOnStancesTheModelLacksChangeNothing() {
        let scores = apply([hit("x", "FAVOR", .assert)], [-1, -1, -1])
        #expect(scores.labels.isEmpty)
        #expect(scores.ruleHits.map(\.id) == ["x"])
    }

    @Test func multiClassBoostAddsToTheLogitAndRenormalises() {
        let scores = apply([hit("boost-au", "anti_ukraine", .boost)], [1, 0, 0], multiClass: true)
        // Logits become [1, 1, 0].
        let e = 2.718281828459045
        #expect(near(scores.probabilities, [e / (2 * e + 1), e / (2 * e + 1), 1 / (2 * e + 1)]))
        #expect(scores.labels == ["pro_kremlin"])
    }

    @Test func multiClassAssertWinsAndSuppressRemovesTheClass() {
        let asserted = apply([hit("a", "anti_candidate", .assert)], [3, 0, 0], multiClass: true)
        #expect(asserted.labels == ["anti_candidate"])
        #expect(asserted.probabilities[2] == 0.5)
        #expect(abs(asserted.probabilities.reduce(0, +) - 1) < 1e-12)
        #expect(asserted.probabilities[0] > asserted.probabilities[1])
        let suppressed = apply([hit("s", "pro_kremlin", .suppress)], [3, 1, 0], multiClass: true)
        #expect(suppressed.probabilities[0] == 0)
        #expect(suppressed.labels == ["anti_ukraine"])
        #expect(abs(suppressed.probabilities.reduce(0, +) - 1) < 1e-12)
        let everything = apply(stances.map { hit("s", $0, .suppress) }, [1, 2, 3], multiClass: true)
        #expect(everything.probabilities == [0, 0, 0])
        #expect(everything.labels.isEmpty)
    }
}
