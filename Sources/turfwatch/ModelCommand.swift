import ArgumentParser
import Foundation
import TurfModel

/// `turfwatch model`: inspects model files.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Inspect stance model files.",
        subcommands: [ModelInfoCommand.self]
    )
}

/// `turfwatch model info M`: prints a model's metadata.
struct ModelInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print a model's metadata: labels, thresholds, algorithm, settings, data hash, CV metrics."
    )

    @Argument(help: "The model file.")
    var path: String

    @Flag(help: "Print the metadata map as one JSON object.")
    var json = false

    func run() throws {
        try ModelCLI.reporting {
            let model = try StanceModel.load(path: path)
            var strings = model.metadata.strings
            strings["dimension"] = String(model.dimension)
            if json {
                print(ModelCLI.json(strings))
                return
            }
            for key in strings.keys.sorted() where key != "cv_metrics" {
                print("\(key): \(strings[key]!)")
            }
            if let data = model.metadata.crossValidation.data(using: .utf8),
               let report = try? JSONDecoder().decode(EvaluationReport.self, from: data) {
                print("cv_metrics:")
                print(report.text, terminator: "")
            } else {
                print("cv_metrics: none")
            }
        }
    }
}

extension ModelCLI {
    /// Sorted-key JSON of a value, for `--json` output.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
