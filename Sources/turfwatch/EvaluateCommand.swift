import ArgumentParser
import Foundation
import TurfCore
import TurfIO
import TurfModel
import TurfPipeline
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
            let evaluation = try ModelEvaluation(model: loaded, posts: posts)
            if let predictions {
                let file = try AtomicFile(path: predictions)
                var line: [UInt8] = []
                for (index, scores) in evaluation.scores.enumerated() {
                    line.removeAll(keepingCapacity: true)
                    ModelEvaluation.appendPredictionLine(path: posts[index].path, post: posts[index].post, scores: scores, to: &line)
                    try file.write(bytes: line)
                }
                try file.commit()
            }
            let report = evaluation.report
            print(json ? ModelCLI.json(report) : report.text, terminator: json ? "\n" : "")
        }
    }
}
