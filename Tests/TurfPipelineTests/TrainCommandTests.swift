import Foundation
import Testing
import TurfIO
import TurfModel
import TurfText
import TurfwatchTestSupport

/// Runs the real `turfwatch train`, `evaluate` and `model info` on small labelled files: the model
/// the command writes is the library's byte for byte, the evaluation figures are exact, and each
/// kind of bad input ends with one clear line on standard error and exit status 1.
@Suite struct TrainCommandTests {
    static let training = [
        ("I love this policy", "FAVOR"), ("we support the plan fully", "FAVOR"),
        ("great idea, love it", "FAVOR"), ("support support support", "FAVOR"),
        ("I hate this policy", "AGAINST"), ("we oppose the plan fully", "AGAINST"),
        ("terrible idea, hate it", "AGAINST"), ("oppose oppose oppose", "AGAINST"),
        ("the weather is cold today", "NONE"), ("what time is the match", "NONE"),
        ("lunch was pasta", "NONE"), ("traffic on the bridge", "NONE"),
    ]

    /// One JSONL line per example, as the labelled reader expects.
    static func jsonl(_ examples: [(String, String)]) -> String {
        examples.map { #"{"text": "\#($0.0)", "label": "\#($0.1)"}"# + "\n" }.joined()
    }

    /// A fresh folder for one test's files.
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "turfwatch-train-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func write(_ text: String, to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// Trains the small three-stance model with the CLI into `directory`, returning its path.
    private func trainModel(in directory: String) throws -> String {
        let data = directory + "/train.jsonl", model = directory + "/m.safetensors"
        write(Self.jsonl(Self.training), to: data)
        let result = try TurfwatchProcess.run(["train", "--data", data, "--algo", "lr", "--C", "10", "--folds", "0",
                                               "--hash-bits", "12", "--out", model])
        try #require(result.status == 0, "\(result.err)")
        return model
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func trainWritesTheLibrarysModelByteForByte() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/train.jsonl", model = directory + "/m.safetensors"
        write(Self.jsonl(Self.training), to: data)
        let result = try TurfwatchProcess.run(
            ["train", "--data", data, "--algo", "lr", "--C", "10", "--balanced", "--folds", "2", "--hash-bits", "12", "--out", model],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0)
        #expect(result.err.contains("trained lr on 12 posts, labels AGAINST, FAVOR, NONE (multi-class)"))
        #expect(result.out.hasPrefix("cross-validated (2 folds):\n"))

        let examples = Self.training.map { LabelledExample(text: $0.0, labels: [$0.1]) }
        let options = TrainingOptions(algorithm: .lr, hyperparameters: Hyperparameters(c: 10, balanced: true), folds: 2)
        let (expected, _) = try Trainer.train(examples: examples, featureConfig: FeatureConfig(hashBits: 12), options: options,
                                              createdAt: 1_700_000_000)
        let expectedPath = directory + "/expected.safetensors"
        try expected.write(to: expectedPath)
        #expect(FileManager.default.contents(atPath: model) == FileManager.default.contents(atPath: expectedPath))
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func evaluateReportsExactFigures() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try trainModel(in: directory)
        let test = directory + "/test.jsonl"
        write(Self.jsonl([("love love", "FAVOR"), ("hate hate", "AGAINST"), ("pasta lunch", "NONE"), ("oppose it", "FAVOR")]), to: test)
        let predictions = directory + "/predictions.jsonl"
        let result = try TurfwatchProcess.run(["evaluate", "--model", model, "--data", test, "--json", "--predictions", predictions])
        #expect(result.status == 0)
        let lines = String(decoding: FileManager.default.contents(atPath: predictions) ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last?.hasPrefix(#"{"file":"\#(test)","line":4,"gold":["FAVOR"],"labels":["AGAINST"],"probabilities":{"AGAINST":0."#) == true)
        let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(result.out.utf8))
        #expect(report.examples == 4)
        #expect(report.labels.map(\.label) == ["AGAINST", "FAVOR", "NONE"])
        #expect(report.labels.map(\.support) == [1, 2, 1])
        #expect(report.labels.map(\.predicted) == [2, 1, 1])
        #expect(report.labels.map(\.precision) == [0.5, 1, 1])
        #expect(report.labels.map(\.recall) == [1, 0.5, 1])
        #expect(report.confusion == [[1, 0, 0], [1, 1, 0], [0, 0, 1]])
        #expect(abs(report.fAvg! - 2.0 / 3.0) < 1e-12)
        #expect(abs(report.macroF1 - 7.0 / 9.0) < 1e-12)
        #expect(report.microF1 == 0.75)
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func modelInfoPrintsTheMetadata() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try trainModel(in: directory)
        let result = try TurfwatchProcess.run(["model", "info", model])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("algorithm: lr"))
        #expect(lines.contains("dimension: 4096"))
        #expect(lines.contains(#"labels: ["AGAINST","FAVOR","NONE"]"#))
        #expect(lines.contains("cv_metrics: none"))
    }

    /// Runs the command and checks it failed with status 1 and exactly one line, `expected`.
    private func expectOneLineError(_ arguments: [String], _ expected: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try TurfwatchProcess.run(arguments)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.err == expected + "\n", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func badTrainingDataIsOneClearLine() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/m.safetensors"
        try expectOneLineError(["train", "--data", directory + "/missing.jsonl", "--out", out],
                               "turfwatch: \(directory)/missing.jsonl: cannot open: No such file or directory")
        let empty = directory + "/empty.jsonl"
        write("", to: empty)
        try expectOneLineError(["train", "--data", empty, "--out", out],
                               "turfwatch: \(empty): the data set is empty: no labelled examples")
        let single = directory + "/single.jsonl"
        write(Self.jsonl([("a", "FAVOR"), ("b", "FAVOR")]), to: single)
        try expectOneLineError(["train", "--data", single, "--folds", "0", "--out", out],
                               "turfwatch: the data set has a single class (FAVOR): need at least two")
        let broken = directory + "/broken.jsonl"
        write(Self.jsonl([("a", "FAVOR")]) + "{\"text\": \"b\", \"label\": \n", to: broken)
        try expectOneLineError(["train", "--data", broken, "--out", out], "turfwatch: \(broken):2: missing JSON value")
        try expectOneLineError(["train", "--data", single, "--algo", "lr", "--nb-weight", "2", "--out", out],
                               "turfwatch: --nb-weight applies to --algo ens only, not 'lr'")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A batch where every line is bad: the first 100 are reported one by one, the rest are
    /// counted in the summary, and the run still succeeds (nothing is silently dropped).
    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func manyBadLinesAreReportedThenCounted() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try trainModel(in: directory)
        let bad = directory + "/bad.jsonl"
        write(String(repeating: "{\"id\": \"x\", \"text\": 5\n", count: 3000), to: bad)
        let result = try TurfwatchProcess.run(["classify", "--model", model, "--no-progress", bad])
        #expect(result.status == 0)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("\(bad):") }.count == 100)
        #expect(lines.first == "\(bad):1: malformed JSON: unexpected end of line at column 22")
        #expect(lines.contains("(further 'malformed JSON' records are counted in the summary, not shown)"))
        #expect(lines.last?.hasPrefix("classify: 1 file, 3000 records read, 0 posts classified, 3000 skipped (malformed JSON: 3000)") == true)
    }

    @Test(.enabled(if: TurfwatchProcess.isBuilt))
    func evaluateRejectsUnknownLabelsAndMismatchedSettings() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = try trainModel(in: directory)
        let test = directory + "/test.jsonl"
        write(Self.jsonl([("love", "FAVOR"), ("maybe", "UNSURE")]), to: test)
        try expectOneLineError(["evaluate", "--model", model, "--data", test],
                               "turfwatch: \(test):2: label \"UNSURE\" is not known to the model (labels: AGAINST, FAVOR, NONE)")
        write(Self.jsonl([("love", "FAVOR")]), to: test)
        try expectOneLineError(["evaluate", "--model", model, "--data", test, "--hash-bits", "12", "--word-ngrams", "3"],
                               "turfwatch: \(model): model/tokenizer mismatch: wordNGrams: model 2, asked for 3")
    }
}
