import ArgumentParser
import TurfCore
import TurfIO
import TurfText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `turfwatch tokenize`: shows the tokens and feature ids of posts, so an analyst can see why
/// a rule or model fired.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the tokens and hashed feature ids of posts.",
        discussion: """
            Each TEXT argument is one post; `-` (or no argument) reads one post per line from \
            standard input. Output per post: a `post N` line, then `retweet_of`, `confusables` and \
            `masked_targets` lines when they apply, one `token<TAB>kind<TAB>text` line per token and \
            (unless --no-features) one `feature<TAB>id<TAB>text` line per distinct feature.
            """
    )

    @Argument(help: "Posts to tokenize; `-` reads one post per line from standard input.")
    var texts: [String] = []

    @Flag(help: "Emit the mentioned handle after each @user token.")
    var handles = false

    @Flag(help: "Do not emit domain: tokens for links.")
    var noDomains = false

    @Flag(help: "Do not split hashtags into words.")
    var noSplitHashtags = false

    @Option(help: "Numbers: class (one <num> token), keep, or drop.")
    var numbers: String = "class"

    @Flag(help: "Drop emoji.")
    var noEmoji = false

    @Flag(help: "Drop runs of ! and ?.")
    var noPunctuation = false

    @Option(help: "Longest run of one repeated letter kept in a word (0 keeps all).")
    var maxRepeat = 2

    @Flag(help: "Do not fold mixed-script look-alike letters.")
    var noConfusables = false

    @Flag(help: "Keep ё distinct from е.")
    var keepYo = false

    @Option(name: .customLong("target"), help: "A name masked as <target> (repeatable).")
    var targets: [String] = []

    @Option(name: .customLong("stop"), help: "A token to drop, e.g. #semst (repeatable).")
    var stopTokens: [String] = []

    @Option(help: "Word n-grams 1..N (0 turns them off).")
    var wordNgrams = 2

    @Option(help: "Character n-gram lengths MIN-MAX inside words, e.g. 2-5 (default off).")
    var charNgrams: String?

    @Option(help: "Hash into 2^B buckets.")
    var hashBits = 20

    @Option(help: "Feature hash seed.")
    var seed: UInt32 = FeatureConfig.defaultSeed

    @Flag(help: "Print tokens only.")
    var noFeatures = false

    func validate() throws {
        if let problem = problem() {
            var message = "turfwatch tokenize: \(problem)\n"
            message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            throw ExitCode(1)
        }
    }

    /// What is wrong with the flag values, if anything (a bad value is a usage error: exit 1).
    private func problem() -> String? {
        if TokenizerConfig.NumberHandling(flagValue: numbers) == nil {
            return "--numbers must be class, keep or drop, not '\(numbers)'"
        }
        if !(1...31).contains(hashBits) { return "--hash-bits must be in 1...31, not \(hashBits)" }
        if wordNgrams < 0 { return "--word-ngrams must not be negative" }
        if maxRepeat < 0 { return "--max-repeat must not be negative" }
        if let charNgrams, Self.parseRange(charNgrams) == nil {
            return "--char-ngrams must be MIN-MAX with 1 <= MIN <= MAX, not '\(charNgrams)'"
        }
        return nil
    }

    func run() throws {
        let tokenizer = TokenizerConfig(
            mentionHandles: handles,
            urlDomains: !noDomains,
            splitHashtags: !noSplitHashtags,
            numbers: TokenizerConfig.NumberHandling(flagValue: numbers) ?? .classToken,
            emoji: !noEmoji,
            punctuationRuns: !noPunctuation,
            maxRepeat: maxRepeat,
            foldYo: !keepYo,
            foldConfusables: !noConfusables,
            targets: targets,
            stopTokens: stopTokens
        )
        let extractor = FeatureExtractor(
            config: FeatureConfig(
                tokenizer: tokenizer,
                wordNGrams: wordNgrams,
                charNGrams: charNgrams.flatMap(Self.parseRange),
                hashBits: hashBits,
                seed: seed
            )
        )
        var number = 0
        func show(_ bytes: [UInt8]) {
            number += 1
            print(Self.describe(bytes, number: number, extractor: extractor, features: !noFeatures), terminator: "")
        }
        for text in texts.isEmpty ? ["-"] : texts {
            guard text == "-" else {
                show(Array(text.utf8))
                continue
            }
            do {
                try LineReader(path: "-").forEachLine { line, _ in
                    show(Array(line))
                    return true
                }
            } catch let error as InputError {
                var message = "\(error)\n"
                message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
                throw ExitCode(1)
            }
        }
    }

    /// The printed description of one post, given as raw bytes so invalid UTF-8 is counted.
    static func describe(_ bytes: [UInt8], number: Int, extractor: FeatureExtractor, features: Bool) -> String {
        let tokenized = extractor.tokenizer.tokenize(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        var output = "post \(number)\n"
        if let handle = tokenized.retweetedHandle { output += "retweet_of\t@\(handle)\n" }
        if tokenized.foldedConfusables { output += "confusables\tfolded\n" }
        if tokenized.maskedTargets > 0 { output += "masked_targets\t\(tokenized.maskedTargets)\n" }
        if tokenized.invalidSequences > 0 { output += "invalid_utf8\t\(tokenized.invalidSequences)\n" }
        for (token, kind) in zip(tokenized.tokens, tokenized.kinds) { output += "token\t\(kind.name)\t\(token)\n" }
        if features {
            for (feature, id) in extractor.explain(text) { output += "feature\t\(id)\t\(feature)\n" }
        }
        return output
    }

    /// Parses `MIN-MAX` (or a single length `N`).
    static func parseRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let low = Int(parts[0]), let high = Int(parts[parts.count - 1]),
            low >= 1, low <= high
        else { return nil }
        return low...high
    }
}

extension TokenizerConfig.NumberHandling {
    /// The command-line spelling: `class`, `keep`, `drop`.
    init?(flagValue: String) {
        switch flagValue {
        case "class": self = .classToken
        case "keep": self = .keep
        case "drop": self = .drop
        default: return nil
        }
    }
}
