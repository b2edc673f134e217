import ArgumentParser
import Foundation
import TurfCore
import TurfModel
import TurfText

/// `turfwatch train`: fits a stance model to labelled posts and writes the model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a stance model (nb, cnb, lr, nblr, ens) from labelled posts.",
        discussion: """
            Data where every post has exactly one label is trained multi-class; otherwise each \
            label is a one-vs-rest binary problem with a threshold tuned by cross-validation. \
            The cross-validated report goes to standard output (--json for JSON), progress to \
            standard error. SOURCE_DATE_EPOCH, when set, is recorded as the creation time so \
            identical inputs give a byte-identical model.
            """
    )

    @OptionGroup var data: LabelledDataOptions
    @OptionGroup var features: FeatureOptions

    @Option(help: "Algorithm: nb, cnb, lr, nblr or ens (LR + NB on two feature views; needs --second-view).")
    var algo: String = "lr"

    @Option(help: "Model file to write (safetensors).")
    var out: String

    @Option(help: "Stratified cross-validation folds (0 or 1: none).")
    var folds = 5

    @Flag(help: "Choose hyper-parameters from a small grid by cross-validated F_avg (or macro F1).")
    var search = false

    @Option(name: .customLong("C"), help: "LR / NB-LR inverse regularisation strength.")
    var c = 1.0

    @Option(help: "NB / CNB / NB-LR additive smoothing.")
    var alpha = 1.0

    @Option(help: "NB-LR interpolation between mean weight (0) and LR weights (1).")
    var beta = 0.25

    @Option(help: "ens: weight of the standardised NB scores against the standardised LR scores (default 1).")
    var nbWeight: Double?

    @Flag(help: "Weight classes inversely to their frequency.")
    var balanced = false

    @Flag(help: "Multi-class: tune per-class score offsets on the cross-validated scores for F_avg (or macro F1).")
    var tuneOffsets = false

    @Option(help: "Seed of the cross-validation shuffle.")
    var seed: UInt64 = 1

    @Option(name: .customLong("tol"), help: "Solver tolerance (scikit-learn's tol: largest gradient component / (C·n)).")
    var tolerance = 1e-4

    @Option(help: "Solver iteration limit.")
    var maxIter = 1000

    @Flag(help: "Print the cross-validated report as JSON.")
    var json = false

    func run() throws {
        try ModelCLI.reporting {
            guard let algorithm = Algorithm(rawValue: algo) else {
                throw UsageError("--algo must be nb, cnb, lr, nblr or ens, not '\(algo)'")
            }
            if nbWeight != nil, algorithm != .ens {
                throw UsageError("--nb-weight applies to --algo ens only, not '\(algo)'")
            }
            let config = try features.config()
            let blocks = try data.readBlocks()
            let hyper = Hyperparameters(alpha: alpha, c: c, beta: beta, balanced: balanced, tolerance: tolerance, maxIterations: maxIter,
                                        nbWeight: nbWeight ?? (algorithm == .ens ? 1 : nil))
            let options = TrainingOptions(algorithm: algorithm, hyperparameters: hyper, folds: folds, search: search, seed: seed,
                                          tuneOffsets: tuneOffsets)
            let start = Date()
            let (model, outcome) = try Trainer.train(blocks: blocks, featureConfig: config, options: options,
                                                     createdAt: ModelCLI.creationTime())
            try model.write(to: out)
            let seconds = Date().timeIntervalSince(start)
            ModelCLI.note("trained \(algorithm.rawValue) on \(model.metadata.trainingExamples) posts, labels \(model.labels.joined(separator: ", "))"
                + " (\(model.isMultiClass ? "multi-class" : "multi-label")) in \(String(format: "%.2f", seconds)) s; wrote \(out)")
            if search {
                for (setting, score) in outcome.searched {
                    ModelCLI.note("  search: alpha \(setting.alpha) C \(setting.c) beta \(setting.beta) balanced \(setting.balanced)"
                        + (setting.nbWeight.map { " nb-weight \($0)" } ?? "")
                        + " -> \(String(format: "%.4f", score))")
                }
            }
            if tuneOffsets {
                ModelCLI.note("  score offsets: " + zip(model.labels, outcome.offsets).map { "\($0) \($1)" }.joined(separator: ", "))
            }
            if let report = outcome.crossValidation {
                print(json ? ModelCLI.json(report) : "cross-validated (\(folds) folds):\n" + report.text, terminator: json ? "\n" : "")
            }
            // Everything is written. The training data is not freed piece by piece: the process
            // ends here and the system reclaims the memory at once, as clang's -disable-free does.
            withExtendedLifetime(blocks) { Foundation.exit(0) }
        }
    }
}
