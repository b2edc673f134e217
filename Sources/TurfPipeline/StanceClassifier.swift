import TurfCore
import TurfModel
import TurfRules
import TurfText

/// A loaded stance model with its feature extractor and optional rule overlay: the classifier
/// `turfwatch classify` injects into `ClassifyPipeline`.
///
/// A post's text and its meme text (alt text or text read off an image) are classified
/// together, one line each, so a meme's words count as the post's words. Rules match the post
/// fields themselves (`text`, `meme_text`, `hashtags`, `urls`).
public struct StanceClassifier: Sendable {
    /// The model.
    public let model: StanceModel
    /// The rule overlay, if any.
    public let rules: RuleSet?
    private let extractor: FeatureExtractor

    /// Wraps a loaded model and rule set.
    public init(model: StanceModel, rules: RuleSet? = nil) {
        self.model = model
        self.rules = rules
        extractor = FeatureExtractor(config: model.featureConfig)
    }

    /// Loads the model at `modelPath` and the rules at `rulesPath`; rules may only name the model's stances.
    /// - Throws: `InputError` for an unreadable or invalid model; `RuleFileError` listing every
    ///   bad rule as `file:line: reason`.
    public static func load(modelPath: String, rulesPath: String?) throws -> StanceClassifier {
        let model = try StanceModel.load(path: modelPath)
        let rules = try rulesPath.map { path throws(RuleFileError) in try RuleSet.load(path: path, knownStances: model.labels) }
        return StanceClassifier(model: model, rules: rules)
    }

    /// A classifier closure with its own scratch buffers and rule matcher: call once per thread.
    public func makeWorker() -> (Post) -> StanceScores {
        let scratch = FeatureScratch()
        let matcher = rules.map { RuleMatcher(ruleSet: $0) }
        let model = self.model
        let extractor = self.extractor
        let boostWeights = rules?.boostWeights ?? [:]
        var joined: [UInt8] = []
        return { post in
            if post.memeText.isEmpty {
                var text = post.text
                text.withUTF8 { extractor.vector(for: $0, into: scratch) }
            } else {
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: post.text.utf8)
                joined.append(0x0A)
                joined.append(contentsOf: post.memeText.utf8)
                joined.withUnsafeBufferPointer { extractor.vector(for: $0, into: scratch) }
            }
            let logits = model.logits(for: scratch.makeVector())
            if let matcher {
                let hits = matcher.hits(in: post)
                if !hits.isEmpty {
                    return RuleOverlay.apply(
                        hits: hits, boostWeights: boostWeights, to: logits, stances: model.labels,
                        thresholds: model.thresholds, multiClass: model.isMultiClass
                    )
                }
            }
            let probabilities = model.probabilities(fromLogits: logits)
            return StanceScores(stances: model.labels, probabilities: probabilities, labels: model.decide(probabilities))
        }
    }
}
