import Foundation
import TurfCore
import TurfText

/// A trained stance model, loaded and immutable: share one value across threads.
///
/// Scoring is linear (`LinearWeights`): a post's sparse feature vector gives one score per
/// label, the model's link turns scores into probabilities, and per-label thresholds (multi-label)
/// or the top label (multi-class) decide. Weights loaded from a file stay in the memory mapping.
public struct StanceModel: Sendable {
    /// Label names in score order.
    public var labels: [String]
    /// Per-label decision thresholds (used by multi-label models).
    public var thresholds: [Double]
    /// Whether exactly one label is decided per post.
    public var isMultiClass: Bool
    /// The tokenizer, n-gram and hashing settings posts must be featurised with.
    public var featureConfig: FeatureConfig
    /// Everything the file records about the model.
    public let metadata: ModelMetadata
    /// The feature space size (rows of the weight tensor).
    public let dimension: Int
    private let storage: WeightStorage
    private let bias: [Double]
    private let link: Link

    /// Wraps freshly trained weights.
    /// - Throws: `ModelFormatError` when the metadata's feature configuration is not valid JSON.
    public init(weights: LinearWeights, metadata: ModelMetadata) throws {
        guard weights.labels == metadata.labels.count else {
            throw ModelFormatError("\(metadata.labels.count) labels but \(weights.labels) weight columns")
        }
        self.init(metadata: metadata, featureConfig: try Self.decodeConfig(metadata.featureConfigJSON),
                  dimension: weights.dimension, storage: .owned(weights.weights), bias: weights.bias)
    }

    private init(metadata: ModelMetadata, featureConfig: FeatureConfig, dimension: Int, storage: WeightStorage, bias: [Double]) {
        self.metadata = metadata
        self.labels = metadata.labels
        self.thresholds = metadata.thresholds
        self.isMultiClass = metadata.isMultiClass
        self.featureConfig = featureConfig
        self.dimension = dimension
        self.storage = storage
        self.bias = bias
        self.link = metadata.link
    }

    /// Memory-maps and validates a model file.
    /// - Throws: `InputError` naming the file: unreadable, truncated, a bad header, offsets
    ///   outside the file, a wrong dtype or shape, or metadata this build cannot read.
    public static func load(path: String) throws -> StanceModel {
        let file = try MappedFile(path: path)
        do {
            let (tensors, strings) = try Safetensors.parse(file)
            let metadata = try ModelMetadata(strings: strings)
            let config = try decodeConfig(metadata.featureConfigJSON)
            guard let weights = tensors["weights"], let bias = tensors["bias"] else {
                throw ModelFormatError("model lacks the \"weights\" or \"bias\" tensor")
            }
            let count = metadata.labels.count
            guard weights.shape.count == 2, weights.shape[1] == count, bias.shape == [count] else {
                throw ModelFormatError("tensor shapes weights \(weights.shape), bias \(bias.shape) do not fit \(count) labels")
            }
            let expected = FeatureExtractor(config: config).dimension
            guard weights.shape[0] == expected else {
                throw ModelFormatError("weights have \(weights.shape[0]) rows but the feature configuration hashes to \(expected)")
            }
            let biasValues = file.bytes(bias.range).bindMemory(to: Double.self).map { Double(bitPattern: $0.bitPattern.littleEndian) }
            return StanceModel(metadata: metadata, featureConfig: config, dimension: weights.shape[0],
                               storage: .mapped(file, offset: weights.range.lowerBound, count: weights.range.count / 8), bias: biasValues)
        } catch let error as ModelFormatError {
            throw InputError(file: path, line: 0, reason: error.reason)
        }
    }

    /// Loads a model and checks it was trained with `expected` feature settings.
    /// - Throws: `InputError` as `load(path:)`, or when the settings differ: scoring posts
    ///   featurised differently from training would give silently wrong stances.
    public static func load(path: String, expecting expected: FeatureConfig) throws -> StanceModel {
        let model = try load(path: path)
        guard model.featureConfig == expected else {
            let differences = settingDifferences(model: model.featureConfig, asked: expected)
            throw InputError(file: path, line: 0, reason: "model/tokenizer mismatch: " + differences.joined(separator: "; "))
        }
        return model
    }

    /// Each feature setting that differs, as `name: model X, asked for Y` with nested settings
    /// named by their path (`tokenizer.targets`), so the user sees what to change.
    static func settingDifferences(model: FeatureConfig, asked: FeatureConfig) -> [String] {
        func flatten(_ value: Any, prefix: String, into settings: inout [String: String]) {
            if let object = value as? [String: Any] {
                for (key, inner) in object { flatten(inner, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &settings) }
            } else {
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
                settings[prefix] = data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
            }
        }
        func settings(_ config: FeatureConfig) -> [String: String] {
            var flat: [String: String] = [:]
            let json = ModelMetadata.json(config)
            if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) { flatten(object, prefix: "", into: &flat) }
            return flat
        }
        let inModel = settings(model), inAsked = settings(asked)
        let differing = Set(inModel.keys).union(inAsked.keys).filter { inModel[$0] != inAsked[$0] }.sorted()
        guard !differing.isEmpty else {
            return ["the model was trained with \(ModelMetadata.json(model)) but \(ModelMetadata.json(asked)) was asked for"]
        }
        return differing.map { "\($0): model \(inModel[$0] ?? "unset"), asked for \(inAsked[$0] ?? "unset")" }
    }

    /// The label scores of a feature vector: log-odds per label (multi-label and NB-LR) or
    /// softmax logits (multi-class NB and LR). The rule overlay adds to these.
    /// - Complexity: O(vector.count × labels)
    public func logits(for vector: SparseVector) -> [Double] {
        storage.withWeights { LinearWeights.scores(vector, weights: $0, bias: bias) }
    }

    /// Probabilities from (possibly overlay-adjusted) logits, under the model's link.
    public func probabilities(fromLogits logits: [Double]) -> [Double] {
        LinearWeights.probabilities(logits, link: link)
    }

    /// The decided label names for probabilities: the top label (multi-class) or every label
    /// reaching its threshold (multi-label).
    public func decide(_ probabilities: [Double]) -> [String] {
        Decision.labels(probabilities: probabilities, thresholds: thresholds, multiClass: isMultiClass).map { labels[$0] }
    }

    /// Probabilities and decided labels of a feature vector.
    public func scores(for vector: SparseVector) -> StanceScores {
        let probabilities = probabilities(fromLogits: logits(for: vector))
        return StanceScores(stances: labels, probabilities: probabilities, labels: decide(probabilities))
    }

    /// The model file's bytes: safetensors with `weights` (F64, `[dimension, labels]`,
    /// feature-major) and `bias` (F64, `[labels]`), and the metadata map.
    public func fileBytes() -> [UInt8] {
        var metadata = self.metadata
        metadata.thresholds = thresholds
        let weights = storage.withWeights { Array($0) }
        return Safetensors.encode(tensors: [(name: "weights", shape: [dimension, labels.count], values: weights),
                                            (name: "bias", shape: [labels.count], values: bias)],
                                  metadata: metadata.strings)
    }

    /// Writes the model file atomically (temporary file renamed into place).
    public func write(to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(bytes: fileBytes())
        try file.commit()
    }

    static func decodeConfig(_ json: String) throws -> FeatureConfig {
        do {
            return try JSONDecoder().decode(FeatureConfig.self, from: Data(json.utf8))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.last?.stringValue == "hash" {
            throw ModelFormatError("metadata \"feature_config\": " + context.debugDescription)
        } catch {
            throw ModelFormatError("metadata \"feature_config\" is not a feature configuration this build understands")
        }
    }
}

/// Where a model's weights live: in an array (just trained) or in a file mapping (loaded).
private enum WeightStorage: Sendable {
    case owned([Double])
    case mapped(MappedFile, offset: Int, count: Int)

    func withWeights<Result>(_ body: (UnsafeBufferPointer<Double>) -> Result) -> Result {
        switch self {
        case .owned(let values):
            return values.withUnsafeBufferPointer(body)
        case .mapped(let file, let offset, let count):
            let start = file.base.map { ($0 + offset).assumingMemoryBound(to: Double.self) }
            return body(UnsafeBufferPointer(start: start, count: count))
        }
    }
}
