import ArgumentParser
import TurfCore
import TurfIO
import TurfPipeline
import TurfRules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `turfwatch classify`: label every post of one or more exports with stances, streaming, on all cores.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label every post of an export with stances (JSON Lines or CSV out, input order kept).",
        discussion: """
        Formats: auto (default, sniffed per file), twarc2 (API v2 pages, stream lines, flattened), \
        twarc-csv, io-archive (Twitter information-operations CSVs), troll-tweets (fivethirtyeight), \
        jsonl and csv (generic, with --map). Gzip input is recognised by its content; '-' is standard input. \
        Bad lines are reported as file:line: reason, counted and skipped; --strict stops at the first.
        """
    )

    @Option(help: "The model file (safetensors) from 'turfwatch train'.")
    var model: String

    @Option(help: "A rules file (YAML) to overlay on the model's scores.")
    var rules: String?

    @OptionGroup var input: PostInputOptions

    @Option(help: "Write here (atomically: a temporary file renamed when complete) instead of standard output.")
    var out: String?

    @Option(name: .customLong("output-format"), help: "jsonl (default) or csv.")
    var outputFormat = "jsonl"


    @Option(help: "Worker threads (default: one per core).")
    var threads: Int?

    @Option(name: .customLong("batch-size"), help: "Records per parallel batch.")
    var batchSize = 8192

    @Flag(name: .customLong("no-progress"), help: "Never draw the progress line (it is drawn only when standard error is a terminal).")
    var noProgress = false

    @Argument(help: "Input files ('-' or none: standard input).")
    var files: [String] = []

    func run() throws {
        var options = ClassifyOptions(threads: threads ?? ProcessorCount.active)
        let classifier: StanceClassifier
        do {
            try input.apply(to: &options)
            guard let output = ClassifyOptions.OutputFormat(rawValue: outputFormat) else {
                throw UsageError("unknown --output-format '\(outputFormat)'; use jsonl or csv")
            }
            options.outputFormat = output
            guard batchSize > 0 else { throw UsageError("--batch-size must be positive") }
            options.batchSize = batchSize
            classifier = try StanceClassifier.load(modelPath: model, rulesPath: rules)
            options.stances = classifier.model.labels
        } catch let error as UsageError {
            try fail(error.message)
        } catch let error as InputError {
            try fail(error.description)
        } catch let error as RuleFileError {
            try fail(error.description)
        }
        let writer: OutputWriter
        do {
            writer = try out.map { try OutputWriter(path: $0) } ?? OutputWriter()
        } catch {
            try fail("\(error)")
        }
        let pipeline = ClassifyPipeline(options: options) { classifier.makeWorker() }
        let run: ClassifyRun
        do {
            run = try pipeline.run(inputs: files.isEmpty ? ["-"] : files, output: writer, progress: isatty(2) == 1 && !noProgress) {
                printError($0)
            }
        } catch let error as UsageError {
            try fail(error.message)
        } catch {
            try fail("\(error)", code: 2)
        }
        printError(run.summary.description)
        if run.stopped != nil { throw ExitCode(1) }
        do {
            try writer.commit()
        } catch {
            try fail("\(error)", code: 2)
        }
    }

    /// Prints `message` on standard error and exits with `code` (1 bad input or usage, 2 internal).
    private func fail(_ message: String, code: Int32 = 1) throws -> Never {
        throw failure(message, code: code)
    }
}
