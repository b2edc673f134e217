import ArgumentParser
import Foundation
import TurfCore
import TurfIO
import TurfModel
import TurfText

/// `turfwatch features`: writes the hashed feature matrix of labelled posts in svmlight format,
/// so other tools (scikit-learn's `load_svmlight_file`) can fit on exactly turfwatch's features.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Export the hashed features of labelled posts (svmlight format).",
        discussion: """
            One line a post: the label id (multi-label data: ids joined by commas, possibly none), \
            then `feature:value` pairs with 0-based feature ids. Label ids index the sorted label \
            names, or the labels of --model; the mapping is printed to standard error.
            """
    )

    @OptionGroup var data: LabelledDataOptions
    @OptionGroup var features: FeatureOptions

    @Option(help: "Take the feature settings and label order from this model.")
    var model: String?

    @Option(help: "Output file (svmlight).")
    var svmlight: String

    func run() throws {
        try ModelCLI.reporting {
            let posts = try data.read()
            let config: FeatureConfig
            var labels: [String]
            if let model {
                let loaded = try features.isEmpty ? StanceModel.load(path: model) : StanceModel.load(path: model, expecting: try features.config())
                config = loaded.featureConfig
                labels = loaded.labels
            } else {
                config = try features.config()
                labels = Array(Set(posts.flatMap(\.post.labels))).sorted()
            }
            let ids = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            for (path, post) in posts {
                for label in post.labels where ids[label] == nil {
                    throw InputError(file: path, line: post.line, reason: "label \"\(label)\" is not known to the model (labels: \(labels.joined(separator: ", ")))")
                }
            }
            let vectors = Trainer.featurize(posts.map(\.post.text), extractor: FeatureExtractor(config: config))
            let file = try AtomicFile(path: svmlight)
            var line: [UInt8] = []
            for (index, vector) in vectors.enumerated() {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: posts[index].post.labels.map { String(ids[$0]!) }.joined(separator: ",").utf8)
                for position in 0..<vector.count {
                    line.append(0x20)
                    line.append(contentsOf: String(vector.indices[position]).utf8)
                    line.append(0x3A)
                    line.append(contentsOf: "\(vector.values[position])".utf8)
                }
                line.append(0x0A)
                try file.write(bytes: line)
            }
            try file.commit()
            ModelCLI.note("labels: " + labels.enumerated().map { "\($0)=\($1)" }.joined(separator: " ")
                + "; dimension \(config.dimension); \(vectors.count) rows written to \(svmlight)")
        }
    }
}

/// Where labelled posts come from: files and, for CSV, the column names.
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), parsing: .upToNextOption, help: "Labelled JSONL or CSV files (`-` for standard input).")
    var files: [String]

    @Option(help: "CSV: the column holding the post text.")
    var textColumn = "text"

    @Option(help: "CSV: the column holding the label(s), several separated by ';'.")
    var labelColumn = "label"

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("--data needs at least one file") }
    }

    /// Every post of every file, with the file it came from.
    /// - Throws: `InputError` for unreadable files, bad rows, or no posts at all.
    func read() throws -> [(path: String, post: LabelledPost)] {
        var posts: [(path: String, post: LabelledPost)] = []
        try forEachFile { path, filePosts in posts += filePosts.map { (path, $0) } }
        try requireExamples(posts.count)
        return posts
    }

    /// Every post of every file as blocks of texts and labels, for training without a `String`
    /// per post.
    /// - Throws: `InputError` for unreadable files, bad rows, or no posts at all.
    func readBlocks() throws -> [LabelledTextBlock] {
        var blocks: [LabelledTextBlock] = []
        for path in files {
            let format = LabelledReader.Format.guess(path: path, textColumn: textColumn, labelColumn: labelColumn)
            blocks += try LabelledReader(path: path, format: format).readBlocks()
        }
        try requireExamples(blocks.reduce(0) { $0 + $1.count })
        return blocks
    }

    private func forEachFile(_ body: (String, [LabelledPost]) throws -> Void) throws {
        for path in files {
            let format = LabelledReader.Format.guess(path: path, textColumn: textColumn, labelColumn: labelColumn)
            try body(path, try LabelledReader(path: path, format: format).read())
        }
    }

    private func requireExamples(_ count: Int) throws {
        guard count > 0 else {
            throw InputError(file: files.joined(separator: ", "), line: 0, reason: "the data set is empty: no labelled examples")
        }
    }
}

/// The tokenizer, n-gram, hashing and weighting flags that make a `FeatureConfig`.
///
/// Every flag is optional so a command can tell whether any was given: `evaluate` then checks
/// the model was trained with exactly the settings asked for.
struct FeatureOptions: ParsableArguments {
    @Option(help: "Word n-grams 1..N, 0 for none (default 2).")
    var wordNgrams: Int?

    @Option(help: "Character n-gram lengths MIN-MAX inside words, e.g. 2-5 (default none).")
    var charNgrams: String?

    @Option(help: "Hash into 2^B buckets (default 20).")
    var hashBits: Int?

    @Option(help: "Feature values: counts, binary or logtf (default logtf).")
    var weighting: String?

    @Flag(help: "Do not scale vectors to unit length.")
    var noL2 = false

    @Option(help: "Stack a second weighting of the same features after the first: WEIGHTING or WEIGHTING+l2, e.g. binary+l2 (for --algo ens).")
    var secondView: String?

    @Option(name: .customLong("stop-token"), help: "A token to drop, e.g. #semst (repeatable).")
    var stopTokens: [String] = []

    @Option(name: .customLong("target"), help: "A name masked as <target> (repeatable).")
    var targets: [String] = []

    @Flag(help: "Emit the mentioned handle after each @user token.")
    var handles = false

    @Flag(help: "Do not split hashtags into words.")
    var noSplitHashtags = false

    @Option(help: "Feature hash seed.")
    var hashSeed: UInt32?

    /// Whether no feature flag was given.
    var isEmpty: Bool {
        wordNgrams == nil && charNgrams == nil && hashBits == nil && weighting == nil && !noL2 && secondView == nil && stopTokens.isEmpty
            && targets.isEmpty && !handles && !noSplitHashtags && hashSeed == nil
    }

    /// The configuration: defaults overridden by the given flags.
    /// - Throws: `UsageError` for an out-of-range value.
    func config() throws -> FeatureConfig {
        var tokenizer = TokenizerConfig()
        tokenizer.stopTokens = stopTokens
        tokenizer.targets = targets
        tokenizer.mentionHandles = handles
        tokenizer.splitHashtags = !noSplitHashtags
        var ranges: ClosedRange<Int>?
        if let charNgrams {
            guard let range = TokenizeCommand.parseRange(charNgrams) else {
                throw UsageError("--char-ngrams must be MIN-MAX with 1 <= MIN <= MAX, not '\(charNgrams)'")
            }
            ranges = range
        }
        let bits = hashBits ?? 20
        guard (1...31).contains(bits) else { throw UsageError("--hash-bits must be in 1...31, not \(bits)") }
        let words = wordNgrams ?? 2
        guard words >= 0 else { throw UsageError("--word-ngrams must not be negative") }
        let values: Weighting
        switch weighting ?? "logtf" {
        case "counts": values = .counts
        case "binary": values = .binary
        case "logtf": values = .logTF
        default: throw UsageError("--weighting must be counts, binary or logtf, not '\(weighting!)'")
        }
        var view: FeatureView?
        if let secondView {
            guard let parsed = FeatureView(parsing: secondView) else {
                throw UsageError("--second-view must be counts, binary or logtf, optionally followed by +l2, not '\(secondView)'")
            }
            guard bits <= FeatureConfig.maxHashBitsWithSecondView else {
                throw UsageError("--second-view needs --hash-bits of at most \(FeatureConfig.maxHashBitsWithSecondView), not \(bits)")
            }
            view = parsed
        }
        return FeatureConfig(tokenizer: tokenizer, wordNGrams: words, charNGrams: ranges, hashBits: bits,
                             seed: hashSeed ?? FeatureConfig.defaultSeed, weighting: values, l2Normalize: !noL2, secondView: view)
    }
}

/// Error reporting shared by the model commands.
enum ModelCLI {
    /// Runs `body`; known errors become one line on standard error and exit status 1.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            note("turfwatch: \(error)")
            throw ExitCode(1)
        } catch let error as UsageError {
            note("turfwatch: \(error)")
            throw ExitCode(1)
        } catch let error as TrainingError {
            note("turfwatch: \(error)")
            throw ExitCode(1)
        } catch let error as ModelFormatError {
            note("turfwatch: \(error)")
            throw ExitCode(1)
        }
    }

    /// A progress or summary line on standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Seconds since 1970 recorded in trained models: `SOURCE_DATE_EPOCH` when set (so builds
    /// can be reproduced byte for byte), else now.
    static func creationTime() -> Int64 {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) { return seconds }
        return Int64(Date().timeIntervalSince1970)
    }
}
