import Dispatch
import TurfCore
import TurfText

/// A text with its stance labels, the input of training from text.
public struct LabelledExample: Hashable, Sendable {
    /// The post text.
    public var text: String
    /// Its labels (one for multi-class data; empty for "no stance" in multi-label data).
    public var labels: [String]

    /// Creates an example.
    public init(text: String, labels: [String]) {
        self.text = text
        self.labels = labels
    }
}

extension Trainer {
    /// Featurises examples, trains, and wraps the result as a model with full metadata.
    ///
    /// Identical inputs (examples, settings, seed, `createdAt`) give a byte-identical model file.
    /// - Parameter createdAt: seconds since 1970 recorded as the creation time.
    /// - Throws: `TrainingError` (empty data, a single class, bad settings).
    public static func train(examples: [LabelledExample], featureConfig: FeatureConfig, options: TrainingOptions,
                             createdAt: Int64) throws -> (model: StanceModel, outcome: TrainingOutcome) {
        if options.algorithm == .ens, featureConfig.secondView == nil {
            throw TrainingError.invalidSetting("--algo ens needs two feature views: give --second-view (e.g. binary+l2)")
        }
        let extractor = FeatureExtractor(config: featureConfig)
        let vectors = featurize(examples.map(\.text), extractor: extractor)
        let set = try TrainingSet(vectors: vectors, labels: examples.map(\.labels), dimension: extractor.dimension)
        let outcome = try train(set, options: options)
        let metadata = ModelMetadata(
            featureConfigJSON: ModelMetadata.json(featureConfig), labels: set.labelNames, thresholds: outcome.thresholds,
            isMultiClass: set.isMultiClass, link: outcome.weights.link, algorithm: options.algorithm,
            hyperparameters: outcome.hyperparameters, trainingSHA256: fingerprint(examples), trainingExamples: examples.count,
            crossValidation: outcome.crossValidation.map { ModelMetadata.json($0) } ?? "",
            createdAt: UTCTime.iso8601(createdAt), scoreOffsets: outcome.offsets)
        return (try StanceModel(weights: outcome.weights, metadata: metadata), outcome)
    }

    /// Feature vectors of many texts, computed on all cores in a fixed number of blocks, each
    /// reusing one scratch buffer.
    public static func featurize(_ texts: [String], extractor: FeatureExtractor) -> [SparseVector] {
        let blocks = min(64, max(1, texts.count / 256))
        let parts = ParallelSlots<[SparseVector]>.map(blocks) { block in
            let lower = texts.count * block / blocks
            let upper = texts.count * (block + 1) / blocks
            let scratch = FeatureScratch()
            return texts[lower..<upper].map { text in
                var copy = text
                copy.withUTF8 { extractor.vector(for: $0, into: scratch) }
                return scratch.makeVector()
            }
        }
        return Array(parts.joined())
    }

    /// SHA-256 over the examples in order: each text's UTF-8, 0x1F, its labels joined by
    /// 0x1E, then 0x0A. The same posts and labels give the same fingerprint whatever file
    /// format they came in.
    public static func fingerprint(_ examples: [LabelledExample]) -> String {
        var hasher = SHA256()
        for example in examples {
            hasher.update(example.text.utf8)
            hasher.update(CollectionOfOne(0x1F))
            for (index, label) in example.labels.enumerated() {
                if index > 0 { hasher.update(CollectionOfOne(0x1E)) }
                hasher.update(label.utf8)
            }
            hasher.update(CollectionOfOne(0x0A))
        }
        return SHA256.hex(hasher.finalize())
    }
}
