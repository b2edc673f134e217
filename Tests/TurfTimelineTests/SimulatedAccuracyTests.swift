import Testing
import TurfCore
@testable import TurfTimeline

/// Detection accuracy on seeded simulated accounts: uneven Poisson activity with silent days,
/// 15% of posts mislabelled (half to `none`, half to another stance), 10% with a second stance,
/// one switch at a random day in 30% of accounts, 5% of accounts too rare to judge.
@Suite struct SimulatedAccuracyTests {
    static func evaluate(_ parameters: SwitchSimulation.Parameters) -> SwitchEvaluation {
        let simulation = SwitchSimulation(parameters)
        var builder = TimelineBuilder()
        for index in 0..<parameters.accounts {
            for post in simulation.classifiedPosts(of: index) { builder.add(post) }
        }
        return SwitchEvaluation(timelines: builder.finish(), simulation: simulation)
    }

    @Test func regularPostersMeetTheTargets() {
        let evaluation = Self.evaluate(SwitchSimulation.Parameters(accounts: 2000, rates: 2...8, seed: 11))
        #expect(evaluation.planted > 500)
        #expect(evaluation.recallWithinOneBucket >= 0.95)
        #expect(evaluation.falseSwitchRate <= 0.02)
        #expect(evaluation.insufficientData > 50)
        #expect(evaluation.insufficientData == evaluation.insufficientDataCorrect)
    }

    @Test func sparsePostersAreDetectedButHardToPlaceInTime() {
        let evaluation = Self.evaluate(SwitchSimulation.Parameters(accounts: 2000, rates: 0.3...1, seed: 12))
        #expect(evaluation.recallAtAnyTime >= 0.9)
        #expect(evaluation.recallWithinInterval >= 0.7)
        #expect(evaluation.falseSwitchRate <= 0.02)
        #expect(evaluation.insufficientData == evaluation.insufficientDataCorrect)
    }

    @Test func theSimulationIsReproducible() {
        let simulation = SwitchSimulation(SwitchSimulation.Parameters(accounts: 10))
        #expect(simulation.classifiedPosts(of: 3) == simulation.classifiedPosts(of: 3))
        #expect(simulation.truth(of: 3) == simulation.truth(of: 3))
        #expect(simulation.classifiedPosts(of: 3) != simulation.classifiedPosts(of: 4))
    }
}
