import Foundation
import Testing
import TurfCore
import TurfText
@testable import TurfModel

@Suite struct EnsembleTests {
    private static let presence = FeatureView(weighting: .binary, l2Normalize: true)
    private let config = FeatureConfig(wordNGrams: 1, hashBits: 10, weighting: .counts, l2Normalize: false,
                                       secondView: EnsembleTests.presence)
    private let examples = [
        LabelledExample(text: "Stop the war now stop it", labels: ["AGAINST"]),
        LabelledExample(text: "I support this policy, great idea", labels: ["FAVOR"]),
        LabelledExample(text: "Нет войне! stop it", labels: ["AGAINST"]),
        LabelledExample(text: "Great support from everyone 👍", labels: ["FAVOR"]),
        LabelledExample(text: "Lunch was nice today", labels: ["NONE"]),
        LabelledExample(text: "The weather today is nice", labels: ["NONE"]),
    ]

    /// A three-class set whose rows carry counts in ids 0..<40 and the same features as
    /// L2-normalised presence in ids 64..<104, as a stacked extractor would produce.
    static func stacked(rows: Int = 300) throws -> TrainingSet {
        let single = try LogisticRegressionTests.synthetic(rows: rows)
        var vectors: [SparseVector] = []
        for row in 0..<single.count {
            let vector = single.vector(row)
            let scale = 1 / Float(vector.count).squareRoot()
            vectors.append(SparseVector(indices: vector.indices + vector.indices.map { $0 + 64 },
                                        values: vector.values + vector.values.map { _ in scale }))
        }
        return try TrainingSet(vectors: vectors, labels: single.targets.map { $0.map { "c\($0)" } }, dimension: 128)
    }

    @Test func secondViewStacksAfterTheFirstWithoutMovingIt() {
        let single = FeatureExtractor(config: FeatureConfig(wordNGrams: 1, hashBits: 10, weighting: .counts, l2Normalize: false))
        let stacked = FeatureExtractor(config: config)
        #expect(stacked.dimension == 2048)
        let a = single.id(ofWordFeature: "war"), b = single.id(ofWordFeature: "no")
        let first = single.vector(for: "war no war")
        #expect(first.indices == [a, b].sorted())
        let both = stacked.vector(for: "war no war")
        #expect(Array(both.indices.prefix(2)) == first.indices)
        #expect(Array(both.values.prefix(2)) == first.values)
        #expect(Array(both.indices.suffix(2)) == first.indices.map { $0 + 1024 })
        let half = Float(0.5).squareRoot()
        #expect(Array(both.values.suffix(2)).allSatisfy { abs($0 - half) < 1e-7 })
        #expect(stacked.vector(for: "").count == 0)
        let cyrillic = stacked.vector(for: "Нет войне войне")
        #expect(cyrillic.count == 4 && cyrillic.values[0] + cyrillic.values[1] == 3)
    }

    @Test func viewNamesParseBothWays() {
        for name in ["counts", "binary", "logtf", "binary+l2", "logtf+l2", "counts+l2"] {
            #expect(FeatureView(parsing: name)?.name == name)
        }
        for bad in ["", "l2", "binary+", "binary+l1", "tfidf", "binary+l2+l2"] { #expect(FeatureView(parsing: bad) == nil) }
    }

    @Test func singleViewConfigurationsEncodeAsBefore() throws {
        let plain = FeatureConfig(wordNGrams: 1, hashBits: 10)
        let json = ModelMetadata.json(plain)
        #expect(!json.contains("secondView"))
        #expect(try JSONDecoder().decode(FeatureConfig.self, from: Data(json.utf8)) == plain)
        #expect(ModelMetadata.json(config).contains(#""secondView":{"l2Normalize":true,"weighting":"binary"}"#))
        #expect(try JSONDecoder().decode(FeatureConfig.self, from: Data(ModelMetadata.json(config).utf8)) == config)
        let tooWide = ModelMetadata.json(config).replacingOccurrences(of: #""hashBits":10"#, with: #""hashBits":31"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FeatureConfig.self, from: Data(tooWide.utf8)) }
        #expect(!ModelMetadata.json(Hyperparameters()).contains("nbWeight"))
        let old = #"{"alpha":1,"balanced":true,"beta":0.25,"c":10,"maxIterations":1000,"tolerance":0.0001}"#
        #expect(try JSONDecoder().decode(Hyperparameters.self, from: Data(old.utf8)).nbWeight == nil)
    }

    @Test func theShippedModelStillLoadsUnchanged() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/stance.safetensors").path
        let model = try StanceModel.load(path: path)
        #expect(model.featureConfig.secondView == nil)
        #expect(model.metadata.hyperparameters.nbWeight == nil)
        #expect(ModelMetadata.json(model.featureConfig) == model.metadata.featureConfigJSON)
        #expect(model.dimension == 1 << 20)
    }

    @Test func combinesStandardisedLRAndNBScores() throws {
        let set = try Self.stacked()
        let (counts, presence) = Ensemble.split(set, at: 64)
        #expect(counts.dimension == 64 && presence.dimension == 64)
        #expect(counts.vector(5) == (try LogisticRegressionTests.synthetic()).vector(5))
        let hyper = Hyperparameters(alpha: 0.1, c: 10, balanced: true, nbWeight: 2)
        let lr = LogisticRegression.fit(presence, hyper: hyper)
        var nbHyper = hyper
        nbHyper.balanced = false
        let nb = NaiveBayes.fit(counts, hyper: nbHyper, complement: false)
        let model = Ensemble.fit(set, hyper: hyper)
        #expect(model.link == .softmax && model.dimension == 128)
        let lrSpread = Ensemble.spread(lr, on: presence), nbSpread = Ensemble.spread(nb, on: counts)
        #expect(lrSpread > 0 && nbSpread > 0 && lrSpread != 1 && nbSpread != 1)
        for row in [0, 7, 151] {
            let expected = zip(lr.scores(presence.vector(row)), nb.scores(counts.vector(row))).map { $0 / lrSpread + 2 * $1 / nbSpread }
            let got = model.scores(set.vector(row))
            for label in 0..<3 { #expect(abs(got[label] - expected[label]) < 1e-9 * max(1, abs(expected[label]))) }
        }
        var correct = 0
        for row in 0..<set.count where Decision.labels(probabilities: LinearWeights.probabilities(model.scores(set.vector(row)), link: .softmax),
                                                       thresholds: [], multiClass: true) == set.targets[row] { correct += 1 }
        #expect(Double(correct) / Double(set.count) > 0.9)
        #expect(Ensemble.fit(set, hyper: hyper) == model)
    }

    @Test func spreadOfSoftmaxScoresIgnoresRowConstants() throws {
        let set = try TrainingSet(vectors: [SparseVector(indices: [0], values: [1]), SparseVector(indices: [1], values: [1])],
                                  labels: [["a"], ["b"]], dimension: 2)
        // Scores (1, 3) and (5, 3): centred per row (-1, 1) and (1, -1), standard deviation 1 ...
        let softmax = LinearWeights(dimension: 2, labels: 2, weights: [1, 3, 5, 3], bias: [0, 0], link: .softmax)
        #expect(Ensemble.spread(softmax, on: set) == 1)
        // ... while log-odds keep their level: values 1, 3, 5, 3 have standard deviation √2.
        let logOdds = LinearWeights(dimension: 2, labels: 2, weights: [1, 3, 5, 3], bias: [0, 0], link: .sigmoid)
        #expect(abs(Ensemble.spread(logOdds, on: set) - 2.0.squareRoot()) < 1e-12)
        let constant = LinearWeights(dimension: 2, labels: 2, weights: [0, 0, 0, 0], bias: [4, 4], link: .sigmoid)
        #expect(Ensemble.spread(constant, on: set) == 1)
    }

    @Test func multiLabelEnsemblesUseSigmoids() throws {
        let set = try Self.stacked()
        let multi = try TrainingSet(vectors: (0..<set.count).map(set.vector), labels: (0..<set.count).map { $0 % 4 == 0 ? [] : ["c\(set.targets[$0][0])"] },
                                    dimension: 128)
        let model = Ensemble.fit(multi, hyper: Hyperparameters(alpha: 0.1, c: 3))
        #expect(model.link == .sigmoid && model.labels == 3)
    }

    @Test func modelFileRoundTripsWithTheEnsemble() throws {
        let options = TrainingOptions(algorithm: .ens, hyperparameters: Hyperparameters(alpha: 0.1, c: 10, balanced: true, nbWeight: 1.5),
                                      folds: 2, tuneOffsets: true)
        let (model, outcome) = try Trainer.train(examples: examples, featureConfig: config, options: options, createdAt: 0)
        let path = NSTemporaryDirectory() + "turfwatch-ens-\(UUID().uuidString).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path)
        let loaded = try StanceModel.load(path: path, expecting: config)
        #expect(loaded.metadata.algorithm == .ens)
        #expect(loaded.metadata.hyperparameters.nbWeight == 1.5)
        #expect(loaded.dimension == 2048)
        #expect(loaded.metadata.scoreOffsets == outcome.offsets)
        let vector = FeatureExtractor(config: config).vector(for: "stop the war")
        #expect(loaded.logits(for: vector) == model.logits(for: vector))
        #expect(loaded.scores(for: vector).labels == ["AGAINST"])
        #expect(loaded.fileBytes() == model.fileBytes())
        let again = try Trainer.train(examples: examples, featureConfig: config, options: options, createdAt: 0).model
        #expect(again.fileBytes() == model.fileBytes())
    }

    @Test func ensembleWithoutASecondViewIsAnError() {
        let single = FeatureConfig(wordNGrams: 1, hashBits: 10)
        #expect(throws: TrainingError.invalidSetting("--algo ens needs two feature views: give --second-view (e.g. binary+l2)")) {
            _ = try Trainer.train(examples: examples, featureConfig: single, options: TrainingOptions(algorithm: .ens, folds: 0), createdAt: 0)
        }
        #expect(throws: TrainingError.self) { try Hyperparameters(nbWeight: -1).validate() }
    }

    @Test func searchGridCoversNBWeights() {
        let grid = Trainer.searchGrid(.ens, base: Hyperparameters())
        #expect(grid.count == 24)
        #expect(Set(grid.compactMap(\.nbWeight)) == [0.5, 1, 2])
    }

    /// A fold whose training rows lack a class (here the single `rare` row) must still be
    /// fitted and scored in the parent's label order; a multi-label set stays multi-label in
    /// every fold.
    @Test func crossValidationKeepsTheParentsLabelsInEveryFold() throws {
        func row(_ first: [UInt32], _ second: [UInt32]) -> SparseVector {
            SparseVector(indices: first + second.map { $0 + 8 }, values: [Float](repeating: 1, count: first.count + second.count))
        }
        let vectors = [row([0], [0]), row([0, 1], [0, 1]), row([0], [0]), row([2], [2]), row([2, 3], [2, 3]), row([2], [2]), row([5], [5])]
        let labels = [["a"], ["a"], ["a"], ["b"], ["b"], ["b"], ["rare"]]
        let set = try TrainingSet(vectors: vectors, labels: labels, dimension: 16)
        let options = TrainingOptions(algorithm: .ens, hyperparameters: Hyperparameters(nbWeight: 1), folds: 2)
        let outcome = try Trainer.train(set, options: options)
        #expect(outcome.crossValidation?.labels.map(\.label) == ["a", "b", "rare"])
        #expect(outcome.crossValidation?.examples == 7)
        #expect(outcome.weights.labels == 3)
        let withoutRare = Ensemble.split(set.subset(Array(0..<6)), at: 8)
        #expect(withoutRare.first.labelNames == ["a", "b", "rare"] && withoutRare.second.labelNames == ["a", "b", "rare"])
        #expect(Ensemble.fit(set.subset(Array(0..<6)), hyper: Hyperparameters(nbWeight: 1)).labels == 3)

        let multi = try TrainingSet(vectors: vectors, labels: [["a"], ["a", "b"], ["a"], ["b"], ["b"], ["b"], []], dimension: 16)
        let (first, second) = Ensemble.split(multi, at: 8)
        #expect(!first.isMultiClass && !second.isMultiClass)
        #expect(first.labelNames == ["a", "b"] && second.targets == multi.targets)
        #expect(first.indices == [0, 0, 1, 0, 2, 2, 3, 2, 5] && second.indices == first.indices)
        #expect(first.rowStart == [0, 1, 3, 4, 5, 7, 8, 9])
        let multiOutcome = try Trainer.train(multi, options: TrainingOptions(algorithm: .ens, hyperparameters: Hyperparameters(nbWeight: 1), folds: 2))
        #expect(multiOutcome.weights.link == .sigmoid)
    }
}
