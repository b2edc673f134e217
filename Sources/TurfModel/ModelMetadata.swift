import Foundation

/// What a model file says about itself: the `__metadata__` map of its safetensors header.
///
/// Every value is a string there (safetensors allows nothing else); structured values are JSON
/// text. Keys: `format`, `format_version`, `feature_config`, `labels`, `thresholds`,
/// `multi_class`, `link`, `algorithm`, `hyperparameters`, `training_sha256`,
/// `training_examples`, `cv_metrics`, `created_at`, `score_offsets`.
public struct ModelMetadata: Sendable, Equatable {
    /// The only format version this build reads and writes.
    public static let currentVersion = 1
    /// The value of the `format` key.
    public static let formatName = "turfwatch-stance-model"

    /// The tokenizer, n-gram and hashing settings, as `FeatureConfig` JSON.
    public var featureConfigJSON: String
    /// Label names in score order.
    public var labels: [String]
    /// Per-label decision thresholds (multi-label); multi-class models take the top label instead.
    public var thresholds: [Double]
    /// Whether the model picks exactly one label a post.
    public var isMultiClass: Bool
    /// How scores become probabilities.
    public var link: Link
    /// The algorithm that produced the weights.
    public var algorithm: Algorithm
    /// Its settings.
    public var hyperparameters: Hyperparameters
    /// SHA-256 of the training examples (see `TrainingData.fingerprint`).
    public var trainingSHA256: String
    /// Number of training examples.
    public var trainingExamples: Int
    /// Cross-validated metrics as `EvaluationReport` JSON, or empty when none were computed.
    public var crossValidation: String
    /// Creation time, ISO 8601 UTC.
    public var createdAt: String
    /// Multi-class score offsets tuned by cross-validation and already folded into the bias
    /// (recorded so a reader knows the decision rule is not plain arg-max of the raw fit).
    public var scoreOffsets: [Double]

    /// Creates metadata.
    public init(featureConfigJSON: String, labels: [String], thresholds: [Double], isMultiClass: Bool, link: Link,
                algorithm: Algorithm, hyperparameters: Hyperparameters, trainingSHA256: String, trainingExamples: Int,
                crossValidation: String, createdAt: String, scoreOffsets: [Double] = []) {
        self.featureConfigJSON = featureConfigJSON
        self.labels = labels
        self.thresholds = thresholds
        self.isMultiClass = isMultiClass
        self.link = link
        self.algorithm = algorithm
        self.hyperparameters = hyperparameters
        self.trainingSHA256 = trainingSHA256
        self.trainingExamples = trainingExamples
        self.crossValidation = crossValidation
        self.createdAt = createdAt
        self.scoreOffsets = scoreOffsets
    }

    /// The string map written to the file.
    public var strings: [String: String] {
        [
            "format": Self.formatName,
            "format_version": String(Self.currentVersion),
            "feature_config": featureConfigJSON,
            "labels": Self.json(labels),
            "thresholds": Self.json(thresholds),
            "multi_class": isMultiClass ? "true" : "false",
            "link": link.rawValue,
            "algorithm": algorithm.rawValue,
            "hyperparameters": Self.json(hyperparameters),
            "training_sha256": trainingSHA256,
            "training_examples": String(trainingExamples),
            "cv_metrics": crossValidation,
            "created_at": createdAt,
            "score_offsets": Self.json(scoreOffsets),
        ]
    }

    /// Reads the string map of a file; `reason` explains the first problem found.
    /// - Throws: `ModelFormatError` naming the bad or missing key.
    public init(strings: [String: String]) throws {
        func value(_ key: String) throws -> String {
            guard let value = strings[key] else { throw ModelFormatError("metadata lacks \"\(key)\"") }
            return value
        }
        guard try value("format") == Self.formatName else { throw ModelFormatError("not a turfwatch stance model (format \"\(strings["format"]!)\")") }
        guard try value("format_version") == String(Self.currentVersion) else {
            throw ModelFormatError("model format version \(strings["format_version"]!) is not supported (this build reads \(Self.currentVersion))")
        }
        featureConfigJSON = try value("feature_config")
        labels = try Self.decode([String].self, try value("labels"), key: "labels")
        thresholds = try Self.decode([Double].self, try value("thresholds"), key: "thresholds")
        isMultiClass = try value("multi_class") == "true"
        guard let link = Link(rawValue: try value("link")) else { throw ModelFormatError("unknown link \"\(strings["link"]!)\"") }
        self.link = link
        guard let algorithm = Algorithm(rawValue: try value("algorithm")) else {
            throw ModelFormatError("unknown algorithm \"\(strings["algorithm"]!)\"")
        }
        self.algorithm = algorithm
        hyperparameters = try Self.decode(Hyperparameters.self, try value("hyperparameters"), key: "hyperparameters")
        trainingSHA256 = try value("training_sha256")
        guard let examples = Int(try value("training_examples")) else { throw ModelFormatError("training_examples is not a number") }
        trainingExamples = examples
        crossValidation = try value("cv_metrics")
        createdAt = try value("created_at")
        scoreOffsets = try strings["score_offsets"].map { try Self.decode([Double].self, $0, key: "score_offsets") } ?? []
        guard thresholds.count == labels.count else { throw ModelFormatError("\(labels.count) labels but \(thresholds.count) thresholds") }
    }

    /// Deterministic JSON (sorted keys) of an encodable value.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, key: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw ModelFormatError("metadata \"\(key)\" is not valid JSON of the expected shape")
        }
    }
}

/// A model file that is not what it should be: truncated, a bad header, offsets outside the
/// file, a wrong dtype or shape, missing metadata.
public struct ModelFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in one line.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
