import Foundation
import Testing
import TurfCore
import TurfIO
import TurfModel
import TurfPipeline
import TurfRules
import TurfText
import TurfwatchTestSupport

/// Runs the real `turfwatch classify` on small files and compares its exact output with the
/// library's, and its standard error with the exact `file:line: reason` reports.
@Suite struct ClassifyCommandTests {
    /// A small model trained once for these tests: three stances, word n-grams.
    static let modelPath: String = {
        let examples = [
            ("Crimea is Russia, the referendum was fair", "pro_kremlin"),
            ("Putin is right about the west", "pro_kremlin"),
            ("the Kiev junta shells Donbass", "anti_ukraine"),
            ("Ukraine is run by nazis", "anti_ukraine"),
            ("Don't vote Nuttall, he lied about Hillsborough", "anti_candidate"),
            ("Nuttall is a liar, vote anyone else", "anti_candidate"),
        ].map { LabelledExample(text: $0.0, labels: [$0.1]) }
        let path = NSTemporaryDirectory() + "turfwatch-cli-model-\(UUID().uuidString).safetensors"
        let config = FeatureConfig(hashBits: 12)
        let (model, _) = try! Trainer.train(examples: examples, featureConfig: config, options: TrainingOptions(algorithm: .lr, folds: 0), createdAt: 0)
        try! model.write(to: path)
        return path
    }()

    private func turfwatch(_ arguments: [String], stdin: String = "") throws -> TurfwatchProcess.Result {
        try TurfwatchProcess.run(arguments, input: Array(stdin.utf8))
    }

    private func temporary(_ text: String, suffix: String = ".jsonl") -> String {
        let path = NSTemporaryDirectory() + "turfwatch-cli-\(UUID().uuidString)\(suffix)"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// What the library says for `posts`: the expected output lines.
    private func expected(_ posts: [Post], rules: String? = nil) throws -> String {
        let classifier = try StanceClassifier.load(modelPath: Self.modelPath, rulesPath: rules)
        let classify = classifier.makeWorker()
        return posts.map { ClassifiedPostCodec.jsonLine(ClassifiedPost(post: $0, scores: classify($0))) + "\n" }.joined()
    }

    static let tweets = [
        #"{"id": "1", "text": "Don't vote Nuttall", "author_id": "10", "author": {"id": "10", "username": "a"}, "created_at": "2017-02-14T20:15:02.000Z", "__twarc": {}}"#,
        #"{"id": "2", "text": "RT @b: Crimea is Russia", "author_id": "11", "referenced_tweets": [{"type": "retweeted", "id": "0"}], "attachments": {"media": [{"media_key": "3_5", "alt_text": "the Kiev junta"}]}, "__twarc": {}}"#,
    ]

    static var posts: [Post] {
        var second = Post(id: "2", account: AccountRef(id: "11"), text: "RT @b: Crimea is Russia", retweetOf: "0", media: [MediaItem(id: "3_5")], memeText: "the Kiev junta")
        second.timeResolution = .second
        return [
            Post(id: "1", account: AccountRef(id: "10", handle: "a"), createdAt: 1_487_103_302, text: "Don't vote Nuttall"),
            second,
        ]
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func classifiesStandardInputExactlyAsTheLibraryDoes() throws {
        let result = try turfwatch(["classify", "--model", Self.modelPath], stdin: Self.tweets.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        #expect(result.out == (try expected(Self.posts)))
        #expect(result.err.hasPrefix("classify: 1 file, 2 records read, 2 posts classified, 0 skipped"))
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func reportsBadLinesAndKeepsGoing() throws {
        let path = temporary([Self.tweets[0], "{\"id\": \"x\", \"text\": 5", #"{"errors": [{"title": "Not Found Error", "detail": "gone"}]}"#, Self.tweets[1]].joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try turfwatch(["classify", "--model", Self.modelPath, "--no-progress", path])
        #expect(result.status == 0)
        #expect(result.out == (try expected(Self.posts)))
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == [
            "\(path):2: malformed JSON: unexpected end of line at column 22",
            "\(path):3: API error object: Not Found Error: gone",
        ])
        #expect(lines.last?.hasPrefix("classify: 1 file, 4 records read, 2 posts classified, 2 skipped (API error object: 1, malformed JSON: 1)") == true)
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func strictStopsWithExitOneAndLeavesNoOutputFile() throws {
        let path = temporary([Self.tweets[0], "not json", Self.tweets[1]].joined(separator: "\n"))
        let out = NSTemporaryDirectory() + "turfwatch-cli-out-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try turfwatch(["classify", "--model", Self.modelPath, "--strict", "--out", out, path])
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").first.map(String.init) == "\(path):2: malformed JSON: unexpected character at column 1")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func readsGzipAndWritesCSVToAFile() throws {
        let path = temporary(Self.tweets.joined(separator: "\n"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", path]
        try gzip.run()
        gzip.waitUntilExit()
        let out = NSTemporaryDirectory() + "turfwatch-cli-out-\(UUID().uuidString).csv"
        defer {
            try? FileManager.default.removeItem(atPath: path + ".gz")
            try? FileManager.default.removeItem(atPath: out)
        }
        let result = try turfwatch(["classify", "--model", Self.modelPath, "--output-format", "csv", "--out", out, path + ".gz"])
        #expect(result.status == 0)
        #expect(result.out == "")
        let reader = try PostReader(path: out, format: .csv)
        var ids: [String] = []
        try reader.forEach { ids.append($0.id) } skipped: { error, _ in Issue.record("\(error)") }
        #expect(ids == ["1", "2"])
        let header = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first
        #expect(header?.hasSuffix("labels,p_anti_candidate,p_anti_ukraine,p_pro_kremlin,rules") == true)
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func rulesMatchTheMemeText() throws {
        let rules = temporary("""
        stances: [pro_kremlin, anti_ukraine, anti_candidate]
        rules:
          - id: kiev-junta
            stance: anti_ukraine
            pattern: '\\bkiev\\s+junta\\b'
            flags: i
            field: meme_text
            effect: assert
        """, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: rules) }
        let result = try turfwatch(["classify", "--model", Self.modelPath, "--rules", rules, "-"], stdin: Self.tweets[1])
        #expect(result.status == 0)
        #expect(result.out == (try expected([Self.posts[1]], rules: rules)))
        #expect(result.out.contains(#""rules":[{"id":"kiev-junta","stance":"anti_ukraine","effect":"assert","field":"meme_text","start":4,"end":14}]"#))
        #expect(result.out.contains(#""labels":["anti_ukraine""#))
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func usageMistakesExitOneWithOneClearLine() throws {
        let format = try turfwatch(["classify", "--model", Self.modelPath, "--format", "xml", "-"], stdin: "")
        #expect(format.status == 1)
        #expect(format.err == "unknown format 'xml'; use one of: auto, twarc2, twarc-csv, io-archive, troll-tweets, jsonl, csv\n")
        let model = try turfwatch(["classify", "--model", "/no/such/model.safetensors", "-"], stdin: "")
        #expect(model.status == 1)
        #expect(model.err.hasPrefix("/no/such/model.safetensors: "))
        let mapping = try turfwatch(["classify", "--model", Self.modelPath, "--map", "body=text", "-"], stdin: "")
        #expect(mapping.status == 1)
        #expect(mapping.err.hasPrefix("--map: unknown field 'body'"))
    }
}
