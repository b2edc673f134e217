import Foundation
import Testing
import TurfCore
import TurfIO
import TurfPipeline

@Suite struct ClassifyPipelineTests {
    /// A stand-in classifier: `anti_candidate` when the text or meme text mentions Nuttall.
    static let makeWorker: @Sendable () -> ClassifyPipeline.Classifier = {
        { post in
            let hit = post.text.contains("Nuttall") || post.memeText.contains("Nuttall")
            return StanceScores(
                stances: ["anti_candidate", "pro_kremlin"],
                probabilities: [hit ? 0.75 : 0.25, 0.5],
                labels: hit ? ["anti_candidate"] : []
            )
        }
    }

    private func temporary(_ text: String) -> String {
        let path = NSTemporaryDirectory() + "turfwatch-pipeline-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    private func run(
        _ inputs: [String], options: ClassifyOptions
    ) throws -> (output: String, reports: [String], run: ClassifyRun) {
        let out = NSTemporaryDirectory() + "turfwatch-pipeline-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let writer = try OutputWriter(path: out)
        var reports: [String] = []
        let result = try ClassifyPipeline(options: options, makeWorker: Self.makeWorker)
            .run(inputs: inputs, output: writer) { reports.append($0) }
        try writer.commit()
        return (try String(contentsOfFile: out, encoding: .utf8), reports, result)
    }

    private func line(_ id: Int, _ text: String) -> String {
        #"{"id": "\#(id)", "text": "\#(text)", "author_id": "\#(id % 7)", "created_at": "2017-02-14T20:15:02.000Z"}"#
    }

    @Test func keepsInputOrderAcrossBatchesAndThreads() throws {
        let count = 1000
        let path = temporary((0..<count).map { line($0, $0 % 3 == 0 ? "Don't vote Nuttall" : "hello") }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ClassifyOptions(threads: 3)
        options.batchSize = 37
        let (output, reports, result) = try run([path], options: options)
        let ids = output.split(separator: "\n").map { line -> String in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String ?? "?"
        }
        #expect(ids == (0..<count).map(String.init))
        #expect(reports.isEmpty)
        #expect(result.summary.classified == count)
        #expect(result.summary.records == count)
        #expect(result.stopped == nil)
        let first = try #require(output.split(separator: "\n").first)
        #expect(first == #"{"id":"0","account_id":"0","account":"","created_at":"2017-02-14T20:15:02Z","text":"Don't vote Nuttall","lang":"","retweet_of":null,"quote_of":null,"reply_to":null,"hashtags":[],"urls":[],"mentions":[],"media":[],"meme_text":"","labels":["anti_candidate"],"probabilities":{"anti_candidate":0.75,"pro_kremlin":0.5},"rules":[]}"#)
    }

    @Test func reportsBadLinesExactlyAndSkipsThem() throws {
        let text = [line(1, "one"), "{\"id\": \"2\", \"text\": \"cut", line(3, "three"), "{\"errors\": [{\"title\": \"Not Found Error\", \"detail\": \"Could not find tweet with id: [4].\"}]}", line(5, "five")].joined(separator: "\n")
        let path = temporary(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (output, reports, result) = try run([path], options: ClassifyOptions(threads: 2))
        #expect(output.split(separator: "\n").count == 3)
        #expect(reports == [
            "\(path):2: malformed JSON: unterminated string at column 21",
            "\(path):4: API error object: Not Found Error: Could not find tweet with id: [4].",
        ])
        #expect(result.summary.skipped == ["malformed JSON": 1, "API error object": 1])
        #expect(result.summary.classified == 3)
        #expect(result.summary.description.hasPrefix("classify: 1 file, 5 records read, 3 posts classified, 2 skipped (API error object: 1, malformed JSON: 1)"))
    }

    @Test func strictStopsAtTheFirstBadLine() throws {
        let lines = (1...50).map { $0 == 20 ? "not json" : line($0, "x") }
        let path = temporary(lines.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ClassifyOptions(threads: 2)
        options.strict = true
        options.batchSize = 8
        let (output, reports, result) = try run([path], options: options)
        #expect(reports == ["\(path):20: malformed JSON: unexpected character at column 1"])
        #expect(result.stopped?.line == 20)
        #expect(output.split(separator: "\n").count == 19)
    }

    @Test func unreadableInputsAreCountedAndTheRestClassified() throws {
        let path = temporary(line(1, "ok"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (output, reports, result) = try run(["/no/such/export.jsonl", path], options: ClassifyOptions(threads: 1))
        #expect(reports == ["/no/such/export.jsonl: cannot open: No such file or directory"])
        #expect(result.summary.skipped == ["unreadable input": 1])
        #expect(output.split(separator: "\n").count == 1)
    }

    @Test func tooManyReportsOfOneKindAreCappedButCounted() throws {
        let path = temporary((1...12).map { "bad \($0)" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ClassifyOptions(threads: 2)
        options.reportLimit = 3
        options.format = .twarc2
        let (_, reports, result) = try run([path], options: options)
        #expect(reports.count == 4)
        #expect(reports.last == "(further 'malformed JSON' records are counted in the summary, not shown)")
        #expect(result.summary.skipped == ["malformed JSON": 12])
    }

    @Test func writesCSVWithOneProbabilityColumnPerStance() throws {
        let path = temporary(#"{"id": "7", "text": "Nuttall, \"liar\"\nsays", "author": {"id": "1", "username": "u"}, "entities": {"hashtags": [{"tag": "Stoke"}]}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ClassifyOptions(threads: 1)
        options.outputFormat = .csv
        options.stances = ["anti_candidate", "pro_kremlin"]
        let (output, _, _) = try run([path], options: options)
        #expect(output == """
        id,account_id,account,created_at,time_resolution,text,lang,retweet_of,quote_of,reply_to,hashtags,urls,mentions,media,meme_text,labels,p_anti_candidate,p_pro_kremlin,rules
        7,1,u,,second,"Nuttall, ""liar""
        says",,,,,"[""Stoke""]",[],[],[],,"[""anti_candidate""]",0.75,0.5,[]

        """)
    }

    @Test func classifiedCSVReadsBackAsGenericCSV() throws {
        let path = temporary(#"{"id": "7", "text": "a, \"b\"", "author": {"id": "1", "username": "u"}, "created_at": "2017-02-14T20:15:02Z", "entities": {"hashtags": [{"tag": "Stoke"}]}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ClassifyOptions(threads: 1)
        options.outputFormat = .csv
        options.stances = ["anti_candidate", "pro_kremlin"]
        let (output, _, _) = try run([path], options: options)
        let again = temporary(output)
        defer { try? FileManager.default.removeItem(atPath: again) }
        let reader = try PostReader(path: again, format: .csv)
        var posts: [Post] = []
        try reader.forEach { posts.append($0) } skipped: { error, _ in Issue.record("\(error)") }
        #expect(posts == [Post(id: "7", account: AccountRef(id: "1", handle: "u"), createdAt: 1_487_103_302, text: "a, \"b\"", hashtags: ["Stoke"])])
    }
}
