import Crypto
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
        try train(blocks: blocks(examples), featureConfig: featureConfig, options: options, createdAt: createdAt)
    }

    /// Featurises texts read into blocks (as `LabelledReader.readBlocks` gives them), trains, and
    /// wraps the result as a model with full metadata: the same model `train(examples:)` makes
    /// of the same texts and labels in the same order, without a `String` per text.
    /// - Parameter createdAt: seconds since 1970 recorded as the creation time.
    /// - Throws: `TrainingError` (empty data, a single class, bad settings).
    public static func train(blocks: [LabelledTextBlock], featureConfig: FeatureConfig, options: TrainingOptions,
                             createdAt: Int64) throws -> (model: StanceModel, outcome: TrainingOutcome) {
        if options.algorithm == .ens, featureConfig.secondView == nil {
            throw TrainingError.invalidSetting("--algo ens needs two feature views: give --second-view (e.g. binary+l2)")
        }
        let (set, digest) = try featurizedSet(blocks, extractor: FeatureExtractor(config: featureConfig))
        let outcome = try train(set, options: options)
        let metadata = ModelMetadata(
            featureConfigJSON: ModelMetadata.json(featureConfig), labels: set.labelNames, thresholds: outcome.thresholds,
            isMultiClass: set.isMultiClass, link: outcome.weights.link, algorithm: options.algorithm,
            hyperparameters: outcome.hyperparameters, trainingSHA256: digest, trainingExamples: set.count,
            crossValidation: outcome.crossValidation.map { ModelMetadata.json($0) } ?? "",
            createdAt: UTCTime.iso8601(createdAt), scoreOffsets: outcome.offsets)
        return (try StanceModel(weights: outcome.weights, metadata: metadata), outcome)
    }

    /// Feature vectors of many texts, computed on all cores in a fixed number of blocks, each
    /// reusing one scratch buffer.
    public static func featurize(_ texts: [String], extractor: FeatureExtractor) -> [SparseVector] {
        let blocks = min(64, max(1, texts.count / 256))
        let parts = concurrentMap(blocks) { block in
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

    /// `examples` in blocks for featurising on all cores.
    static func blocks(_ examples: [LabelledExample]) -> [LabelledTextBlock] {
        LabelledTextBlock.blocks(of: examples, text: \.text, labels: \.labels)
    }

    /// The training set of the texts in `blocks` and their `fingerprint`: each block's texts are
    /// featurised straight from its bytes into compressed rows on all cores, while one more task
    /// hashes the texts (a serial pass that would otherwise follow the parallel ones).
    /// - Throws: `TrainingError` for an empty set or a single class.
    static func featurizedSet(_ blocks: [LabelledTextBlock], extractor: FeatureExtractor) throws -> (TrainingSet, String) {
        let parts: [FeaturizedPart] = concurrentMap(blocks.count + 1) { task in
            guard task > 0 else { return .digest(fingerprint(blocks: blocks)) }
            let block = blocks[task - 1]
            let scratch = FeatureScratch()
            var lengths: [Int] = []
            var indices: [UInt32] = []
            var values: [Float] = []
            lengths.reserveCapacity(block.count)
            block.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<block.count {
                    extractor.vector(for: UnsafeBufferPointer(rebasing: bytes[block.range(row)]), into: scratch)
                    indices.append(contentsOf: scratch.indices)
                    values.append(contentsOf: scratch.values)
                    lengths.append(scratch.featureCount)
                }
            }
            return .rows(lengths: lengths, indices: indices, values: values, labels: BlockLabels(block.labels[...]))
        }
        var digest = ""
        var blocksOfRows: [(lengths: [Int], indices: [UInt32], values: [Float])] = []
        var labels: [BlockLabels] = []
        for part in parts {
            switch part {
            case .digest(let value): digest = value
            case .rows(let lengths, let indices, let values, let blockLabels):
                blocksOfRows.append((lengths, indices, values))
                labels.append(blockLabels)
            }
        }
        let rows = blocks.reduce(0) { $0 + $1.count }
        var rowStart = [0]
        rowStart.reserveCapacity(rows + 1)
        var offsets: [Int] = []
        for block in blocksOfRows {
            offsets.append(rowStart[rowStart.count - 1])
            for length in block.lengths { rowStart.append(rowStart[rowStart.count - 1] + length) }
        }
        let total = rowStart[rowStart.count - 1]
        let filled = blocksOfRows
        let starts = offsets
        let indices = [UInt32](unsafeUninitializedCapacity: total) { buffer, count in
            let target = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: filled.count) { block in
                _ = UnsafeMutableBufferPointer(rebasing: target.value[starts[block]...]).initialize(fromContentsOf: filled[block].indices)
            }
            count = total
        }
        let values = [Float](unsafeUninitializedCapacity: total) { buffer, count in
            let target = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: filled.count) { block in
                _ = UnsafeMutableBufferPointer(rebasing: target.value[starts[block]...]).initialize(fromContentsOf: filled[block].values)
            }
            count = total
        }
        let set = try TrainingSet(rowStart: rowStart, indices: indices, values: values, labels: labels,
                                  dimension: extractor.dimension)
        return (set, digest)
    }

    /// SHA-256 over the examples in order: each text's UTF-8, 0x1F, its labels joined by
    /// 0x1E, then 0x0A. The same posts and labels give the same fingerprint whatever file
    /// format they came in.
    ///
    /// swift-crypto's SHA-256 (BoringSSL, with the SHA instructions where the CPU has them) is
    /// fed in 64 KB chunks: on 1M posts it costs a fraction of the portable implementation's
    /// 0.35 s of CPU.
    public static func fingerprint(_ examples: [LabelledExample]) -> String {
        fingerprint(blocks: blocks(examples))
    }

    /// The fingerprint of the texts in `blocks`, in order (as `fingerprint(_:)` of the same
    /// texts and labels as examples).
    public static func fingerprint(blocks: [LabelledTextBlock]) -> String {
        var hasher = SHA256()
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for block in blocks {
            block.bytes.withUnsafeBufferPointer { bytes in
                for row in 0..<block.count {
                    let text = UnsafeBufferPointer(rebasing: bytes[block.range(row)])
                    if chunk.count + text.count >= 1 << 16 - 1024 {
                        chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                        chunk.removeAll(keepingCapacity: true)
                        if text.count >= 1 << 15 {
                            hasher.update(bufferPointer: UnsafeRawBufferPointer(text))
                        } else {
                            chunk.append(contentsOf: text)
                        }
                    } else {
                        chunk.append(contentsOf: text)
                    }
                    chunk.append(0x1F)
                    for (index, label) in block.labels[row].enumerated() {
                        if index > 0 { chunk.append(0x1E) }
                        chunk.append(contentsOf: label.utf8)
                    }
                    chunk.append(0x0A)
                }
            }
        }
        chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// One task of `Trainer.featurizedSet`: a block of featurised rows, or the data's fingerprint.
private enum FeaturizedPart {
    case rows(lengths: [Int], indices: [UInt32], values: [Float], labels: BlockLabels)
    case digest(String)
}
