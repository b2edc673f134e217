import TurfCore
import TurfIO
import TurfModel
import TurfText

/// Scores a stance model on labelled posts: what `turfwatch evaluate` reports.
public struct ModelEvaluation: Sendable {
    /// The quality figures against the gold labels.
    public var report: EvaluationReport
    /// Each post's scores, in input order.
    public var scores: [StanceScores]

    /// Classifies every post with `model` and compares with its gold labels.
    /// - Throws: `InputError` naming the file and line of a post whose label the model does not
    ///   know, or, for a multi-class model, a post without exactly one label: such a post cannot
    ///   be scored honestly, so the whole evaluation stops.
    public init(model: StanceModel, posts: [(path: String, post: LabelledPost)]) throws {
        let ids = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        var gold: [[Int]] = []
        gold.reserveCapacity(posts.count)
        for (path, post) in posts {
            var row: [Int] = []
            for label in post.labels {
                guard let id = ids[label] else {
                    throw InputError(file: path, line: post.line,
                                     reason: "label \"\(label)\" is not known to the model (labels: \(model.labels.joined(separator: ", ")))")
                }
                if !row.contains(id) { row.append(id) }
            }
            if model.isMultiClass, row.count != 1 {
                throw InputError(file: path, line: post.line,
                                 reason: "the model is multi-class: each post needs exactly one label, found \(row.count)")
            }
            gold.append(row.sorted())
        }
        let vectors = Trainer.featurize(posts.map(\.post.text), extractor: FeatureExtractor(config: model.featureConfig))
        scores = vectors.map { model.scores(for: $0) }
        let predicted = scores.map { $0.labels.map { ids[$0]! }.sorted() }
        report = EvaluationReport(gold: gold, predicted: predicted, labelNames: model.labels, multiClass: model.isMultiClass)
    }

    /// Appends one JSON line for a post's prediction (with its trailing newline) to `out`:
    /// `file`, `line`, `gold`, the decided `labels` and every stance's `probabilities`, so an
    /// analyst can look at the errors one by one.
    public static func appendPredictionLine(path: String, post: LabelledPost, scores: StanceScores, to out: inout [UInt8]) {
        JSONText.appendRaw("{\"file\":", to: &out)
        JSONText.appendString(path, to: &out)
        JSONText.appendRaw(",\"line\":", to: &out)
        out.append(contentsOf: String(post.line).utf8)
        JSONText.appendRaw(",\"gold\":", to: &out)
        JSONText.appendStrings(post.labels, to: &out)
        JSONText.appendRaw(",\"labels\":", to: &out)
        JSONText.appendStrings(scores.labels, to: &out)
        JSONText.appendRaw(",\"probabilities\":", to: &out)
        ClassifiedPostCodec.appendProbabilities(scores, to: &out)
        JSONText.appendRaw("}\n", to: &out)
    }
}
