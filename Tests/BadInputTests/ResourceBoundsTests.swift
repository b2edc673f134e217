import Foundation
import Testing
import TurfCore
@testable import TurfCoordination
import TurfIO
import TurfRules

/// Every limit that keeps hostile input from taking unbounded memory or time, set low and hit.
@Suite struct ResourceBoundsTests {
    private func write(_ bytes: [UInt8], suffix: String = ".jsonl") -> String {
        let path = NSTemporaryDirectory() + "turfwatch-bounds-\(UUID().uuidString)\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private func readPosts(_ path: String, format: PostFormat, maximumRecordLength: Int) -> String {
        do {
            let reader = try PostReader(path: path, format: format, maximumRecordLength: maximumRecordLength)
            var count = 0
            var skipped: [String] = []
            try reader.forEach({ _ in count += 1 }, skipped: { error, _ in skipped.append(error.description) })
            return skipped.isEmpty ? "\(count) posts" : skipped.joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    @Test func postRecordLengthIsBounded() {
        let line = #"{"id":"1","text":""# + String(repeating: "x", count: 5000) + "\"}\n"
        let path = write(Array(("{\"id\":\"0\",\"text\":\"short\"}\n" + line).utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(readPosts(path, format: .twarc2, maximumRecordLength: 1000) == "\(path):2: record longer than 1000 bytes")
        #expect(readPosts(path, format: .twarc2, maximumRecordLength: 10_000) == "2 posts")
    }

    @Test func unclosedCSVQuoteStopsAtTheRecordLimit() {
        let rows = "id,text,author_id,created_at\n1,\"never closed,42,2017-02-14T10:00:00Z\n" + String(repeating: "2,more text,42,2017-02-14T10:00:00Z\n", count: 200)
        let path = write(Array(rows.utf8), suffix: ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(readPosts(path, format: .twarcCSV, maximumRecordLength: 1000)
            == "\(path):2: record longer than 1000 bytes (an unclosed quote?)")
    }

    @Test func labelledRecordLengthIsBounded() throws {
        let jsonl = write(Array(("{\"text\":\"" + String(repeating: "y", count: 3000) + "\",\"label\":\"a\"}\n").utf8))
        let csv = write(Array(("text,label\n\"open quote\n" + String(repeating: "line of text\n", count: 500)).utf8), suffix: ".csv")
        defer {
            try? FileManager.default.removeItem(atPath: jsonl)
            try? FileManager.default.removeItem(atPath: csv)
        }
        func firstError(_ path: String, limit: Int) -> String {
            var reader = LabelledReader(path: path, format: .guess(path: path))
            reader.maximumRecordLength = limit
            do { return "\(try reader.read().count) posts" } catch { return "\(error)" }
        }
        #expect(firstError(jsonl, limit: 1000) == "\(jsonl):1: line longer than 1000 bytes")
        #expect(firstError(jsonl, limit: 4000) == "1 posts")
        #expect(firstError(csv, limit: 1000) == "\(csv):2: record longer than 1000 bytes (an unclosed quote?)")
        #expect(firstError(csv, limit: 1 << 20) == "\(csv):2: quoted field is never closed")
    }

    @Test func jsonNestingDepthIsBounded() throws {
        var tape = JSONTape()
        let deep = Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        let error = deep.withUnsafeBufferPointer { bytes -> JSONTape.SyntaxError? in
            do throws(JSONTape.SyntaxError) { try tape.parse(bytes); return nil } catch { return error }
        }
        #expect(error?.description == "malformed JSON: nested deeper than 512 levels at column 513")
        tape.maximumDepth = 3
        func parses(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { (try? tape.parse($0)) != nil }
        }
        #expect(parses(#"{"a":[{"b":1}]}"#))
        #expect(!parses(#"{"a":[{"b":[1]}]}"#))
        tape.maximumDepth = 1000
        #expect(deep.withUnsafeBufferPointer { (try? tape.parse($0)) != nil })
    }

    @Test func deeplyNestedTweetIsOneSkippedRecord() {
        let nested = "{\"id\":\"1\",\"text\":\"x\",\"extra\":" + String(repeating: "[", count: 100_000) + "\n{\"id\":\"2\",\"text\":\"ok\"}\n"
        let path = write(Array(nested.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(readPosts(path, format: .twarc2, maximumRecordLength: 1 << 20)
            == "\(path):1: malformed JSON: nested deeper than 512 levels at column 541")
    }

    @Test func ruleMatchLimitStopsCatastrophicBacktracking() throws {
        let yaml = "rules:\n  - id: nested-plus\n    stance: s\n    pattern: '^(a+)+$'\n    effect: assert\n"
        let rules = try RuleSet.parse(yaml: yaml, file: "bounds.yaml", knownStances: nil)
        let post = Post(id: "1", account: AccountRef(id: "2"), text: String(repeating: "a", count: 40) + "!")
        let started = Date()
        let matcher = RuleMatcher(ruleSet: rules, matchLimit: 10_000)
        #expect(matcher.hits(in: post).isEmpty)
        #expect(matcher.failures.count == 1)
        #expect(matcher.failures.first?.isMatchLimit == true)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// One hashtag used by 5,000 accounts in the same minute: 12.5 million candidate pairs
    /// unbounded. The hot-key caps bound both the co-actions enumerated and the pair table.
    @Test func hotCoordinationKeyFanOutIsBounded() {
        let accounts = 5000
        let posts = (0..<accounts).map { index in
            ClassifiedPost(
                post: Post(id: "p\(index)", account: AccountRef(id: "a\(index)"), createdAt: 1_487_066_400 + Int64(index % 60),
                           text: "vote", hashtags: ["hot"]),
                scores: StanceScores(stances: [], probabilities: [], labels: [])
            )
        }
        func coActions(_ config: CoordinationConfig) -> (enumerated: Int, pairs: Int) {
            var corpus = CoordinationCorpus(config: config)
            corpus.add(contentsOf: posts)
            let indexes = CoordinationScorer.buildIndexes(&corpus)
            var enumerated = 0
            var locals: [Int32] = []
            for index in indexes where index.signal == .hashtag {
                for group in 0..<index.groupCount {
                    index.forEachCoAction(group: group, config: config, locals: &locals) { _, _, _, _ in enumerated += 1 }
                }
            }
            let pairs = PairCounter(indexes: indexes, config: config).tables.reduce(0) { $0 + $1.count }
            return (enumerated, pairs)
        }
        let defaults = coActions(CoordinationConfig())
        #expect(defaults.enumerated <= accounts * 64)
        #expect(defaults.pairs == 0)
        let tight = coActions(CoordinationConfig(hotNeighbourCap: 8))
        #expect(tight.enumerated <= accounts * 8)
        let budget = coActions(CoordinationConfig(maxPairsPerKey: 10_000))
        #expect(budget.enumerated <= 10_000)
        let open = coActions(CoordinationConfig(hotKeyAccounts: 10_000, maxPairsPerKey: 100_000))
        #expect(open.enumerated <= 100_000)
        #expect(open.pairs <= 100_000)
        #expect(open.pairs > 0)
    }
}
