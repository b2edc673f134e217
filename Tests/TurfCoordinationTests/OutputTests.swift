import Foundation
import Testing
import TurfCore
import TurfIO
@testable import TurfCoordination

@Suite struct OutputTests {
    typealias F = Fixtures

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "turfwatch-coord-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesEveryFileWithExactRows() throws {
        let posts = [
            F.post("1", "a", F.t0, retweetOf: "X", labels: ["anti_candidate"]), F.post("2", "b", F.t0 + 30, retweetOf: "X"),
            F.post("3", "a", F.t0 + 5000, retweetOf: "Y"), F.post("4", "b", F.t0 + 5010, retweetOf: "Y"),
            F.post("5", "c", F.t0, text: "alone"),
        ]
        var config = F.only(.retweet)
        config.minCoActions = 2
        let result = CoordinationScorer.score(posts: posts, config: config)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try CoordinationWriter.write(result, to: directory)
        let accounts = try read(directory + "/accounts.csv").split(separator: "\n")
        #expect(accounts[0] == "account_id,account,score,rank,cluster,posts,partners,raw,top_signal,evidence")
        #expect(accounts.count == 4)
        #expect(accounts[1].hasPrefix("a,h_a,"))
        #expect(accounts[1].contains(",1,1,2,1,"))
        #expect(accounts[1].contains(",retweet,retweet X [a:1@2017-02-13T15:33:20Z ~ b:2@2017-02-13T15:33:50Z]"))
        #expect(accounts[3] == "c,h_c,0,3,0,1,0,0,,")
        let pairs = try read(directory + "/pairs.csv").split(separator: "\n")
        #expect(pairs.count == 2)
        #expect(pairs[1].hasPrefix("a,b,2,"))
        let cluster = try #require(try JSONSerialization.jsonObject(with: Data(read(directory + "/clusters.jsonl").utf8)) as? [String: Any])
        #expect(cluster["cluster"] as? Int == 1)
        #expect(cluster["members"] as? [String] == ["a", "b"])
        #expect((cluster["dominant_stances"] as? [[String: Any]])?.first?["stance"] as? String == "anti_candidate")
        #expect((cluster["shared_items"] as? [[String: Any]])?.count == 2)
        #expect(cluster["first_co_action"] as? String == "2017-02-13T15:33:20Z")
        let graph = try read(directory + "/graph.graphml")
        #expect(graph.contains("<edge source=\"a\" target=\"b\">"))
        #expect(!graph.contains("node id=\"c\""))
        let evidence = try read(directory + "/evidence.jsonl").split(separator: "\n")
        #expect(evidence.count == 2)
    }

    @Test func csvQuotesCommasAndQuotes() throws {
        let posts = [F.post("1", "x,\"y\"", F.t0, text: "one")]
        let result = CoordinationScorer.score(posts: posts, config: F.only(.retweet))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try CoordinationWriter.writeAccounts(result, to: directory + "/accounts.csv")
        let lines = try read(directory + "/accounts.csv").split(separator: "\n")
        #expect(lines[1] == "\"x,\"\"y\"\"\",\"h_x,\"\"y\"\"\",0,1,0,1,0,0,,")
    }

    @Test func readerSkipsAndReportsBadLinesOrFailsWhenStrict() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/classified.jsonl"
        let good = ClassifiedPostCodec.jsonLine(F.post("1", "a", F.t0, retweetOf: "X"))
        let good2 = ClassifiedPostCodec.jsonLine(F.post("2", "Дмитрий 🇷🇺", F.t0 + 1, retweetOf: "X"))
        try Data((good + "\n{not json\n\n" + good2 + "\n" + "\u{FF}\u{FE}\n").utf8).write(to: URL(fileURLWithPath: path))
        var corpus = CoordinationCorpus(config: F.only(.retweet))
        var errors: [String] = []
        let count = try ClassifiedFileReader().read(paths: [path], into: &corpus) { errors.append($0.description) }
        #expect(count == 2)
        #expect(errors == ["\(path):2: malformed JSON", "\(path):5: malformed JSON"])
        #expect(corpus.postCount == 2)
        #expect(F.pairs(CoordinationScorer.score(corpus: corpus)) == ["a-Дмитрий 🇷🇺:1"])
        var strictCorpus = CoordinationCorpus(config: F.only(.retweet))
        var thrown: InputError?
        do {
            _ = try ClassifiedFileReader(strict: true).read(paths: [path], into: &strictCorpus) { _ in }
        } catch let error as InputError {
            thrown = error
        }
        #expect(thrown == InputError(file: path, line: 2, reason: "malformed JSON"))
        thrown = nil
        do {
            _ = try ClassifiedFileReader().read(paths: [directory + "/missing.jsonl"], into: &strictCorpus) { _ in }
        } catch let error as InputError {
            thrown = error
        }
        #expect(thrown?.line == 0)
    }

    @Test func readsTimelineSwitches() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/switches.jsonl"
        try Data("""
        {"account_id":"a","time":"2017-02-13T15:33:20Z","from":"pro_kremlin","to":"anti_candidate","confidence":0.9}
        {"account_id":"b","time":"yesterday","to":"x"}
        {"account_id":"c","time":"2017-02-13T16:00:00Z","to":"anti_candidate"}

        """.utf8).write(to: URL(fileURLWithPath: path))
        var errors: [String] = []
        let switches = try ClassifiedFileReader().readSwitches(path: path) { errors.append($0.description) }
        #expect(switches == [
            SwitchEvent(accountID: "a", time: F.t0, from: "pro_kremlin", to: "anti_candidate", confidence: 0.9),
            SwitchEvent(accountID: "c", time: F.t0 + 1600, from: "", to: "anti_candidate", confidence: 1),
        ])
        #expect(errors == ["\(path):2: time is not an ISO 8601 time: yesterday"])
    }

    @Test func configRejectsBadValues() {
        var config = CoordinationConfig()
        config.jaccardThreshold = 1.5
        #expect(throws: CoordinationConfig.ConfigError.self) { try config.validate() }
        config = CoordinationConfig()
        config[.retweet].window = -1
        #expect(throws: CoordinationConfig.ConfigError.self) { try config.validate() }
        #expect(throws: Never.self) { try CoordinationConfig().validate() }
    }
}
