import Foundation
import Testing
import TurfCore
import TurfIO
@testable import TurfTimeline

@Suite struct TimelineWriterTests {
    private func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "turfwatch-timeline-\(UUID().uuidString)/nested"
    }

    private func smallSet() -> TimelineSet {
        var builder = TimelineBuilder(config: TimelineConfig(minPosts: 4, minSegmentBuckets: 1))
        for offset in 0..<4 {
            builder.add(post("7", february + Int64(offset) * day, offset < 2 ? ["pro_kremlin"] : ["anti_candidate"], [0.5, 0.25, 0.75], handle: "a,\"b\""))
            builder.add(post("7", february + Int64(offset) * day + 1, offset < 2 ? ["pro_kremlin"] : ["anti_candidate"], [0.5, 0.25, 0.75]))
        }
        builder.add(post("8", february, []))
        return builder.finish()
    }

    @Test func writesTheJSONLinesContract() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = smallSet()
        let written = try TimelineWriter().write(set, population: PopulationSwitches(set), to: directory)
        #expect(written == ["timelines", "switches", "population"].map { directory + "/" + $0 + ".jsonl" })
        let timelines = try String(contentsOfFile: directory + "/timelines.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(timelines.count == 2)
        #expect(timelines[1] == #"{"account_id":"8","account":"","status":"insufficient_data","posts":1,"undated_posts":0,"buckets":[{"index":0,"time":"2017-02-01T00:00:00Z","posts":1,"stances":{"anti_candidate":0,"anti_ukraine":0,"pro_kremlin":0,"none":1},"probabilities":{"anti_candidate":0.1,"anti_ukraine":0.2,"pro_kremlin":0.3}}],"segments":[],"switches":[]}"#)
        let first = try #require(JSONSerialization.jsonObject(with: Data(timelines[0].utf8)) as? [String: Any])
        #expect(first["account"] as? String == "a,\"b\"")
        #expect((first["buckets"] as? [Any])?.count == 4)
        let segments = try #require(first["segments"] as? [[String: Any]])
        #expect(segments.map { $0["dominant"] as? String } == ["pro_kremlin", "anti_candidate"])
        #expect(segments[0]["end"] as? String == "2017-02-03T00:00:00Z")
        let switches = try String(contentsOfFile: directory + "/switches.jsonl", encoding: .utf8)
        #expect(switches == #"{"account_id":"7","account":"a,\"b\"","time":"2017-02-03T00:00:00Z","bucket_index":2,"earliest_time":"2017-02-03T00:00:00Z","earliest_bucket_index":2,"from":"pro_kremlin","to":"anti_candidate","confidence":0.9697,"likelihood_ratio":11.0904,"before_posts":4,"after_posts":4,"before":{"anti_candidate":0,"anti_ukraine":0,"pro_kremlin":1,"none":0},"after":{"anti_candidate":1,"anti_ukraine":0,"pro_kremlin":0,"none":0}}"# + "\n")
        let population = try String(contentsOfFile: directory + "/population.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(population.count == 4)
        #expect(population[2] == #"{"bucket_index":2,"time":"2017-02-03T00:00:00Z","active_accounts":1,"switches_into":{"anti_candidate":1,"anti_ukraine":0,"pro_kremlin":0,"none":0},"bursts":[]}"#)
    }

    @Test func writesCSVWithQuotedFields() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = smallSet()
        try TimelineWriter(format: .csv).write(set, population: PopulationSwitches(set), to: directory)
        let timelines = try String(contentsOfFile: directory + "/timelines.csv", encoding: .utf8).split(separator: "\n")
        #expect(timelines[0] == "account_id,account,status,posts,undated_posts,bucket_index,time,bucket_posts,anti_candidate_posts,anti_ukraine_posts,pro_kremlin_posts,none_posts,anti_candidate_probability,anti_ukraine_probability,pro_kremlin_probability")
        #expect(timelines[1] == #"7,"a,""b""",ok,8,0,0,2017-02-01T00:00:00Z,2,0,0,2,0,0.5,0.25,0.75"#)
        #expect(timelines.count == 6)
        let switches = try String(contentsOfFile: directory + "/switches.csv", encoding: .utf8).split(separator: "\n")
        #expect(switches[1] == #"7,"a,""b""",2017-02-03T00:00:00Z,2,2017-02-03T00:00:00Z,2,pro_kremlin,anti_candidate,0.9697,11.0904,4,4"#)
        let segments = try String(contentsOfFile: directory + "/segments.csv", encoding: .utf8).split(separator: "\n")
        #expect(segments.count == 3)
        let population = try String(contentsOfFile: directory + "/population.csv", encoding: .utf8).split(separator: "\n")
        #expect(population[0] == "bucket_index,time,active_accounts,anti_candidate_switches,anti_ukraine_switches,pro_kremlin_switches,none_switches,bursts")
        #expect(population[3] == "2,2017-02-03T00:00:00Z,1,1,0,0,0,")
    }

    @Test func anUnwritableDirectoryIsAnInputError() {
        let set = TimelineBuilder().finish()
        #expect(throws: InputError.self) {
            try TimelineWriter().write(set, population: PopulationSwitches(set), to: "/proc/turfwatch-cannot")
        }
    }
}

@Suite struct ClassifiedFilesTests {
    @Test func reportsBadLinesWithFileAndLine() throws {
        let path = NSTemporaryDirectory() + "turfwatch-classified-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var content = Array((ClassifiedPostCodec.jsonLine(post("1", february, ["pro_kremlin"])) + "\n\n{oops\n").utf8)
        content += [0xFF, 0xFE, 0x0A]
        content += Array((ClassifiedPostCodec.jsonLine(post("2", february, [])) + "\n").utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(content))
        var problems: [String] = []
        var accounts: [String] = []
        let summary = try ClassifiedFiles.forEachPost(paths: [path], strict: false, onError: { problems.append("\($0)") }) {
            accounts.append($0.post.account.id)
        }
        #expect(accounts == ["1", "2"])
        #expect(summary == ClassifiedFiles.Summary(posts: 2, badLines: 2, blankLines: 1))
        #expect(problems == ["\(path):3: malformed JSON", "\(path):4: malformed JSON"])
        #expect(throws: InputError(file: path, line: 3, reason: "malformed JSON")) {
            try ClassifiedFiles.forEachPost(paths: [path], strict: true, onError: { _ in }) { _ in }
        }
        #expect(throws: InputError.self) {
            try ClassifiedFiles.forEachPost(paths: ["/nonexistent/x.jsonl"], strict: false, onError: { _ in }) { _ in }
        }
    }
}

@Suite struct OutputNumberTests {
    private func text(_ value: Double) -> String {
        var out: [UInt8] = []
        OutputNumber.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func integer(_ value: Int) -> String {
        var out: [UInt8] = []
        OutputNumber.appendInteger(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func roundsToFourDecimals() {
        #expect(text(0.5) == "0.5")
        #expect(text(1) == "1")
        #expect(text(0) == "0")
        #expect(text(0.12346) == "0.1235")
        #expect(text(0.0001) == "0.0001")
        #expect(text(0.00004) == "0")
        #expect(text(-2.5) == "-2.5")
        #expect(text(1234.05) == "1234.05")
        #expect(text(1e20) == "1e+20")
        #expect(text(.nan) == "null")
    }

    @Test func writesIntegers() {
        #expect(integer(0) == "0")
        #expect(integer(7) == "7")
        #expect(integer(10) == "10")
        #expect(integer(1_000_000) == "1000000")
        #expect(integer(-42) == "-42")
        #expect(integer(Int.max) == "9223372036854775807")
    }
}

@Suite struct ParallelTimelineReaderTests {
    @Test func matchesTheSequentialBuildInInputOrder() throws {
        let path = NSTemporaryDirectory() + "turfwatch-parallel-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let simulation = SwitchSimulation(SwitchSimulation.Parameters(accounts: 60, seed: 3))
        var lines: [String] = []
        var sequential = TimelineBuilder()
        for index in 0..<60 {
            for item in simulation.classifiedPosts(of: index) {
                lines.append(ClassifiedPostCodec.jsonLine(item))
                sequential.add(item)
            }
            if index == 10 { lines.append("{broken") }
            if index == 40 { lines.append("") }
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        var reader = ParallelTimelineReader(config: TimelineConfig(workers: 3))
        reader.batchLines = 97
        var problems: [String] = []
        let (set, summary) = try reader.read(paths: [path]) { problems.append("\($0)") }
        let expected = sequential.finish()
        #expect(summary == ClassifiedFiles.Summary(posts: lines.count - 2, badLines: 1, blankLines: 1))
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix(":\(lines.firstIndex(of: "{broken")! + 1): malformed JSON") == true)
        #expect(set.accounts.map(\.accountID) == expected.accounts.map(\.accountID))
        #expect(set.accounts.map(\.posts) == expected.accounts.map(\.posts))
        #expect(set.accounts.map(\.segments) == expected.accounts.map(\.segments))
        #expect(set.switches == expected.switches)
        var strict = reader
        strict.strict = true
        #expect(throws: InputError.self) { try strict.read(paths: [path]) { _ in } }
        #expect(throws: InputError.self) { try reader.read(paths: [path, "/nonexistent.jsonl"]) { _ in } }
    }
}
