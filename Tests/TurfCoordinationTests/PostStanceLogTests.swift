import Foundation
import Testing
import TurfCore
import TurfSimulate
import TurfTimeline
@testable import TurfCoordination

/// Timelines built after reading from a `PostStanceLog` equal those built from every decoded
/// post while reading, which is what `turfwatch score` relied on before.
@Suite struct PostStanceLogTests {
    @Test func replayGivesTheSameTimelinesAsVisitingEveryPost() throws {
        let directory = NSTemporaryDirectory() + "turfwatch-coord-log-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var simulation = try #require(SimulationConfig.scenario(named: "small"))
        simulation.seed = 5
        _ = try Simulator.run(config: simulation, directory: directory, outputs: .classified)
        let path = directory + "/classified.jsonl"

        var visited = CoordinationCorpus()
        var direct = TimelineBuilder()
        _ = try ClassifiedFileReader().read(paths: [path], into: &visited, visit: { direct.add($0) }) { _ in }
        var logged = CoordinationCorpus()
        var log = PostStanceLog()
        _ = try ClassifiedFileReader().read(paths: [path], into: &logged, stances: &log) { _ in }
        var replayed = TimelineBuilder()
        log.replay(into: &replayed, corpus: logged)

        #expect(log.count == logged.postCount)
        #expect(log.count > 1000)
        let expected = direct.finish()
        let actual = replayed.finish()
        #expect(!expected.switches.isEmpty)
        #expect(actual.switches == expected.switches)
        #expect(actual.accounts.map(\.account) == expected.accounts.map(\.account))
    }

    @Test func undatedPostsAndShortProbabilityListsReplayLikeTheDirectBuilder() {
        var corpus = CoordinationCorpus()
        var log = PostStanceLog()
        var direct = TimelineBuilder()
        let rows: [(String, String, Int64?, [String], [Double], [String])] = [
            ("1", "анна", 86_400, ["pro", "anti"], [0.9, 0.1], ["pro"]),
            ("1", "", 2 * 86_400, ["pro", "anti"], [0.2], ["anti"]),
            ("2", "bob😀", nil, ["pro", "anti"], [0.5, 0.5], []),
            ("2", "bob😀", 3 * 86_400, ["anti", "pro", "x"], [0.7, 0.2, 0.1, 0.4], ["anti", "x"]),
        ]
        for (number, row) in rows.enumerated() {
            let post = ClassifiedPost(
                post: Post(id: "p\(number)", account: AccountRef(id: row.0, handle: row.1), createdAt: row.2, text: "some words here"),
                scores: StanceScores(stances: row.3, probabilities: row.4, labels: row.5)
            )
            direct.add(post)
            var extracted = ExtractedPost(post, config: corpus.config)
            extracted.stances = row.3
            extracted.probabilities = row.4.map { Float($0) }
            corpus.add(extracted: extracted)
            log.append(time: row.2, stances: row.3, probabilities: row.4.map { Float($0) }, labels: row.5)
        }
        var replayed = TimelineBuilder()
        log.replay(into: &replayed, corpus: corpus)
        let expected = direct.finish()
        let actual = replayed.finish()
        #expect(actual.accounts.map(\.account) == expected.accounts.map(\.account))
        #expect(actual.accounts.map(\.account.handle) == ["анна", "bob😀"])
        #expect(actual.accounts.map(\.posts) == [2, 1])
        #expect(actual.accounts.map(\.undatedPosts) == [0, 1])
        #expect(actual.accounts.map(\.posts) == expected.accounts.map(\.posts))
        #expect(actual.switches == expected.switches)
    }
}
