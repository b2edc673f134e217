import ArgumentParser
import Foundation
import TurfCore
import TurfIO
import TurfModel
import TurfText

/// `turfwatch evaluate`: scores a model on labelled posts.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Per-label precision, recall, F1 and support, macro/micro F1, confusion matrix and F_avg.",
        discussion: """
            Feature flags, when given, must match the model's settings exactly (a mismatch is an \
            error). A label in the data the model does not know is an error naming file and line.
            """
    )

    @Option(help: "The model file.")
    var model: String

    @OptionGroup var data: LabelledDataOptions
    @OptionGroup var features: FeatureOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Also write each post's decided labels and probabilities here (JSONL).")
    var predictions: String?

    func run() throws {
        try ModelCLI.reporting {
            let loaded = try features.isEmpty ? StanceModel.load(path: model) : StanceModel.load(path: model, expecting: try features.config())
            let posts = try data.read()
            let ids = Dictionary(uniqueKeysWithValues: loaded.labels.enumerated().map { ($1, $0) })
            var gold: [[Int]] = []
            for (path, post) in posts {
                var row: [Int] = []
                for label in post.labels {
                    guard let id = ids[label] else {
                        throw InputError(file: path, line: post.line,
                                         reason: "label \"\(label)\" is not known to the model (labels: \(loaded.labels.joined(separator: ", ")))")
                    }
                    if !row.contains(id) { row.append(id) }
                }
                if loaded.isMultiClass, row.count != 1 {
                    throw InputError(file: path, line: post.line, reason: "the model is multi-class: each post needs exactly one label, found \(row.count)")
                }
                gold.append(row.sorted())
            }
            let vectors = Trainer.featurize(posts.map(\.post.text), extractor: FeatureExtractor(config: loaded.featureConfig))
            let scores = vectors.map { loaded.scores(for: $0) }
            let predicted = scores.map { $0.labels.map { ids[$0]! }.sorted() }
            let report = EvaluationReport(gold: gold, predicted: predicted, labelNames: loaded.labels, multiClass: loaded.isMultiClass)
            if let predictions {
                let file = try AtomicFile(path: predictions)
                var line: [UInt8] = []
                for (index, score) in scores.enumerated() {
                    line.removeAll(keepingCapacity: true)
                    JSONText.appendRaw("{\"file\":", to: &line)
                    JSONText.appendString(posts[index].path, to: &line)
                    JSONText.appendRaw(",\"line\":", to: &line)
                    line.append(contentsOf: String(posts[index].post.line).utf8)
                    JSONText.appendRaw(",\"gold\":", to: &line)
                    JSONText.appendStrings(posts[index].post.labels, to: &line)
                    JSONText.appendRaw(",\"labels\":", to: &line)
                    JSONText.appendStrings(score.labels, to: &line)
                    JSONText.appendRaw(",\"probabilities\":{", to: &line)
                    for (position, stance) in score.stances.enumerated() {
                        if position > 0 { line.append(0x2C) }
                        JSONText.appendString(stance, to: &line)
                        line.append(0x3A)
                        JSONText.appendNumber(score.probabilities[position], to: &line)
                    }
                    JSONText.appendRaw("}}\n", to: &line)
                    try file.write(bytes: line)
                }
                try file.commit()
            }
            print(json ? ModelCLI.json(report) : report.text, terminator: json ? "\n" : "")
        }
    }
}
