import Foundation
import Testing
import TurfCore
import TurfText
@testable import TurfModel

@Suite struct StanceModelTests {
    private let examples = [
        LabelledExample(text: "Stop the war now #peace", labels: ["AGAINST"]),
        LabelledExample(text: "I support this policy, great idea", labels: ["FAVOR"]),
        LabelledExample(text: "Нет войне! stop it", labels: ["AGAINST"]),
        LabelledExample(text: "Great support from everyone 👍", labels: ["FAVOR"]),
        LabelledExample(text: "Lunch was nice today", labels: ["NONE"]),
        LabelledExample(text: "The weather today is nice", labels: ["NONE"]),
    ]
    private let config = FeatureConfig(wordNGrams: 1, hashBits: 10)

    private func temporaryPath() -> String { NSTemporaryDirectory() + "turfwatch-model-\(UUID().uuidString).safetensors" }

    private func reason(loading path: String) -> String {
        do { _ = try StanceModel.load(path: path); return "loaded" } catch { return "\(error)" }
    }

    @Test func savedModelLoadsByMappingAndScoresIdentically() throws {
        for algorithm in Algorithm.allCases {
            var config = config
            if algorithm == .ens { config.secondView = FeatureView(weighting: .binary, l2Normalize: true) }
            let (model, _) = try Trainer.train(examples: examples, featureConfig: config,
                                               options: TrainingOptions(algorithm: algorithm, folds: 2), createdAt: 0)
            let path = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try model.write(to: path)
            let loaded = try StanceModel.load(path: path)
            #expect(loaded.labels == ["AGAINST", "FAVOR", "NONE"])
            #expect(loaded.isMultiClass)
            #expect(loaded.featureConfig == config)
            #expect(loaded.metadata.createdAt == "1970-01-01T00:00:00Z")
            #expect(loaded.metadata.trainingSHA256 == Trainer.fingerprint(examples))
            let vector = FeatureExtractor(config: config).vector(for: "stop the war")
            #expect(loaded.logits(for: vector) == model.logits(for: vector))
            let scores = loaded.scores(for: vector)
            #expect(scores.labels == ["AGAINST"], "\(algorithm)")
            #expect(abs(scores.probabilities.reduce(0, +) - 1) < 1e-12)
            #expect(loaded.fileBytes() == model.fileBytes())
        }
    }

    @Test func identicalInputsGiveByteIdenticalFiles() throws {
        let options = TrainingOptions(algorithm: .nblr, folds: 3, search: true, tuneOffsets: true)
        let first = try Trainer.train(examples: examples, featureConfig: config, options: options, createdAt: 1_700_000_000).model
        let second = try Trainer.train(examples: examples, featureConfig: config, options: options, createdAt: 1_700_000_000).model
        #expect(first.fileBytes() == second.fileBytes())
    }

    @Test func multiLabelModelsUseThresholds() throws {
        let multi = examples.map { LabelledExample(text: $0.text, labels: $0.labels == ["NONE"] ? [] : $0.labels) }
        let (model, outcome) = try Trainer.train(examples: multi, featureConfig: config,
                                                 options: TrainingOptions(algorithm: .lr, folds: 2), createdAt: 0)
        #expect(!model.isMultiClass)
        #expect(model.labels == ["AGAINST", "FAVOR"])
        #expect(model.thresholds == outcome.thresholds)
        let probabilities = model.probabilities(fromLogits: [0, 10])
        #expect(model.decide(probabilities) == (0.5 >= model.thresholds[0] ? ["AGAINST", "FAVOR"] : ["FAVOR"]))
    }

    @Test func mismatchedFeatureSettingsAreAnError() throws {
        let (model, _) = try Trainer.train(examples: examples, featureConfig: config, options: TrainingOptions(algorithm: .nb, folds: 0), createdAt: 0)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path)
        _ = try StanceModel.load(path: path, expecting: config)
        do {
            _ = try StanceModel.load(path: path, expecting: FeatureConfig(wordNGrams: 2, hashBits: 10))
            Issue.record("expected a mismatch error")
        } catch let error as InputError {
            #expect(error.reason == "model/tokenizer mismatch: wordNGrams: model 1, asked for 2")
        }
        var targets = config
        targets.tokenizer.targets = ["Paul Nuttall"]
        targets.hashBits = 12
        #expect(StanceModel.settingDifferences(model: config, asked: targets)
            == ["hashBits: model 10, asked for 12", #"tokenizer.targets: model [], asked for ["Paul Nuttall"]"#])
    }

    @Test func damagedFilesGiveClearErrors() throws {
        let (model, _) = try Trainer.train(examples: examples, featureConfig: config, options: TrainingOptions(algorithm: .nb, folds: 0), createdAt: 0)
        let bytes = model.fileBytes()
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes.prefix(bytes.count - 8)))
        #expect(reason(loading: path).contains("data_offsets") && reason(loading: path).contains("lie outside"))
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(reason(loading: path) == "\(path): truncated: 0 bytes, too short for a safetensors header")
        var other = Array(bytes)
        let header = String(decoding: other[8..<(8 + Int(other[0]) + Int(other[1]) << 8)], as: UTF8.self)
        let renamed = header.replacingOccurrences(of: "turfwatch-stance-model", with: "turfwatch-stance-modeX")
        other.replaceSubrange(8..<(8 + renamed.utf8.count), with: Array(renamed.utf8))
        _ = FileManager.default.createFile(atPath: path, contents: Data(other))
        #expect(reason(loading: path) == "\(path): not a turfwatch stance model (format \"turfwatch-stance-modeX\")")
        #expect(reason(loading: "/nonexistent.safetensors").hasPrefix("/nonexistent.safetensors: cannot open model"))
    }

    @Test func fingerprintCoversTextAndLabels() {
        let base = Trainer.fingerprint([LabelledExample(text: "a", labels: ["X"])])
        #expect(base != Trainer.fingerprint([LabelledExample(text: "a", labels: ["Y"])]))
    }

    /// Exact digests from Python's `hashlib.sha256` over the same bytes, including texts that
    /// cross the 64 KB chunks the fingerprint feeds the hash in.
    @Test func fingerprintIsSHA256OfTheSerialisedExamples() {
        let small = [LabelledExample(text: "a", labels: ["X"]), LabelledExample(text: "b", labels: ["Y", "Z"])]
        #expect(Trainer.fingerprint(small) == "b1e4eb9ce802da2deb34aaa37a8bc66d3ece68e9aa6a3df36a3625a8c3005d1a")
        let text = String(repeating: "ab", count: 40_000) + String(repeating: "Ж", count: 10)
        let large = Array(repeating: LabelledExample(text: text, labels: ["FAVOR"]), count: 3)
        #expect(Trainer.fingerprint(large) == "fdd73f5a0126e9fcde3026adf47dd6115a6eeb62ff28aa0e08acaa469a111591")
        #expect(Trainer.fingerprint([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
