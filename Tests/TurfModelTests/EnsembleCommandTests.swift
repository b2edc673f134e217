import Foundation
import Testing
import TurfModel
import TurfText
import TurfwatchTestSupport

/// Runs the real `turfwatch train`, `model info` and `evaluate` with `--algo ens` and
/// `--second-view`, and checks their exit status and exact error lines.
@Suite struct EnsembleCommandTests {
    static let built = TurfwatchProcess.isBuilt

    private static let posts = """
        {"text": "Stop the war now, stop it", "label": "AGAINST"}
        {"text": "I support this policy, great idea", "label": "FAVOR"}
        {"text": "Нет войне! stop it", "label": "AGAINST"}
        {"text": "Great support from everyone 👍", "label": "FAVOR"}
        {"text": "Lunch was nice today", "label": "NONE"}
        {"text": "The weather today is nice", "label": "NONE"}

        """

    private func inDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turfens-cli-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.posts.write(to: directory.appendingPathComponent("posts.jsonl"), atomically: true, encoding: .utf8)
        try body(directory)
    }

    @Test(.enabled(if: built)) func trainsEvaluatesAndDescribesAnEnsemble() throws {
        try inDirectory { directory in
            let train = try TurfwatchProcess.run(["train", "--data", "posts.jsonl", "--algo", "ens", "--out", "m.safetensors", "--folds", "2",
                                                  "--word-ngrams", "1", "--hash-bits", "10", "--weighting", "counts", "--no-l2",
                                                  "--second-view", "binary+l2", "--alpha", "0.1", "--C", "3"], in: directory,
                                                  environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(train.status == 0, "\(train.err)")
            let examples = Self.posts.split(separator: "\n").map { line -> LabelledExample in
                let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
                return LabelledExample(text: object["text"]!, labels: [object["label"]!])
            }
            let config = FeatureConfig(wordNGrams: 1, hashBits: 10, weighting: .counts, l2Normalize: false,
                                       secondView: FeatureView(weighting: .binary, l2Normalize: true))
            let options = TrainingOptions(algorithm: .ens, hyperparameters: Hyperparameters(alpha: 0.1, c: 3, nbWeight: 1), folds: 2)
            let (library, _) = try Trainer.train(examples: examples, featureConfig: config, options: options, createdAt: 1_700_000_000)
            let expectedPath = directory.appendingPathComponent("library.safetensors").path
            try library.write(to: expectedPath)
            #expect(FileManager.default.contents(atPath: directory.appendingPathComponent("m.safetensors").path)
                == FileManager.default.contents(atPath: expectedPath))
            let info = try TurfwatchProcess.run(["model", "info", "m.safetensors"], in: directory)
            #expect(info.status == 0)
            #expect(info.out.contains("algorithm: ens\n"))
            #expect(info.out.contains(#""secondView":{"l2Normalize":true,"weighting":"binary"}"#))
            #expect(info.out.contains(#""nbWeight":1"#))
            #expect(info.out.contains("dimension: 2048\n"))
            let evaluate = try TurfwatchProcess.run(["evaluate", "--model", "m.safetensors", "--data", "posts.jsonl", "--json"], in: directory)
            #expect(evaluate.status == 0, "\(evaluate.err)")
            let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(evaluate.out.utf8))
            #expect(report.examples == 6 && report.labels.map(\.label) == ["AGAINST", "FAVOR", "NONE"])
            #expect(report.labels.map(\.support) == [2, 2, 2])
            #expect(report.confusion?.count == 3 && report.confusion?.map { $0.reduce(0, +) } == [2, 2, 2])
            let mismatch = try TurfwatchProcess.run(["evaluate", "--model", "m.safetensors", "--data", "posts.jsonl", "--word-ngrams", "1",
                                                     "--hash-bits", "10", "--weighting", "counts", "--no-l2"], in: directory)
            #expect(mismatch.status == 1)
            #expect(mismatch.err == "turfwatch: m.safetensors: model/tokenizer mismatch: secondView.l2Normalize: model true, asked for unset; "
                + "secondView.weighting: model \"binary\", asked for unset\n")
        }
    }

    @Test(.enabled(if: built)) func ensembleSettingsErrorsAreOneLine() throws {
        try inDirectory { directory in
            let noView = try TurfwatchProcess.run(["train", "--data", "posts.jsonl", "--algo", "ens", "--out", "m.safetensors"], in: directory)
            #expect(noView == .init(status: 1, out: "", err: "turfwatch: --algo ens needs two feature views: give --second-view (e.g. binary+l2)\n"))
            let badView = try TurfwatchProcess.run(["train", "--data", "posts.jsonl", "--algo", "ens", "--out", "m.safetensors",
                                                    "--second-view", "binary+l1"], in: directory)
            #expect(badView == .init(status: 1, out: "",
                                     err: "turfwatch: --second-view must be counts, binary or logtf, optionally followed by +l2, not 'binary+l1'\n"))
            let wide = try TurfwatchProcess.run(["train", "--data", "posts.jsonl", "--algo", "ens", "--out", "m.safetensors",
                                                 "--second-view", "binary", "--hash-bits", "31"], in: directory)
            #expect(wide == .init(status: 1, out: "", err: "turfwatch: --second-view needs --hash-bits of at most 30, not 31\n"))
            let negative = try TurfwatchProcess.run(["train", "--data", "posts.jsonl", "--algo", "ens", "--out", "m.safetensors",
                                                     "--second-view", "binary+l2", "--nb-weight=-1"], in: directory)
            #expect(negative.status == 1)
            #expect(negative.err == "turfwatch: --nb-weight must be a number of at least 0, got -1.0\n")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.safetensors").path))
        }
    }
}
