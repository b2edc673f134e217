/// Splits a post into normalised tokens: the words, hashtags, mentions, links and emoji every
/// model and rule sees.
///
/// Works on UTF-8 bytes in two passes (clean the bytes, then scan tokens) and allocates nothing
/// per token; `tokenize(_:into:)` reuses a `FeatureScratch` across posts. What the tokens look
/// like is described in `docs/tokenizer.md`.
public struct Tokenizer: Sendable {
    /// The configuration this tokenizer applies.
    public let config: TokenizerConfig
    let rules: TokenizerRules

    /// Creates a tokenizer; target names and stop tokens are normalised once here.
    public init(config: TokenizerConfig = TokenizerConfig()) {
        self.config = config
        rules = TokenizerRules(config: config)
    }

    /// A tokenizer that may be told to skip its word-wide fast paths, so tests can prove they
    /// give exactly what the general code gives.
    init(config: TokenizerConfig, fastPaths: Bool) {
        self.config = config
        rules = TokenizerRules(config: config, fastPaths: fastPaths)
    }

    /// A tokenizer that ignores targets and stop tokens (normalises the target names).
    init(plainConfig: TokenizerConfig) {
        config = plainConfig
        rules = TokenizerRules(plain: plainConfig)
    }

    /// Tokenizes `text`.
    /// - Complexity: O(n) in the UTF-8 length.
    public func tokenize(_ text: String) -> TokenizedText {
        let scratch = FeatureScratch()
        var copy = text
        copy.withUTF8 { tokenize($0, into: scratch) }
        return Self.result(of: scratch)
    }

    /// Tokenizes raw bytes, which need not be valid UTF-8 (bad bytes become U+FFFD).
    /// - Complexity: O(n)
    public func tokenize(bytes: [UInt8]) -> TokenizedText {
        let scratch = FeatureScratch()
        bytes.withUnsafeBufferPointer { tokenize($0, into: scratch) }
        return Self.result(of: scratch)
    }

    /// Tokenizes `bytes` into `scratch`, reusing its memory; read the tokens from the scratch.
    /// - Complexity: O(n); no allocation once the scratch has grown to the largest post.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: FeatureScratch) {
        var normalized = scratch.normalized
        normalized.count = 0
        normalized.reserve(extra: 3 * bytes.count + 16)
        let outcome: TextNormalizer.Outcome
        if let base = bytes.baseAddress, bytes.count > 0 {
            outcome = TextNormalizer.normalize(base, count: bytes.count, into: normalized.base, wordWide: rules.fastPaths)
        } else {
            outcome = TextNormalizer.Outcome(count: 0, invalidSequences: 0)
        }
        normalized.count = outcome.count
        // Sixteen spaces after the text let the scanner read whole 8-byte words at its end.
        (normalized.base + outcome.count).initialize(repeating: 0x20, count: 16)
        // The list goes into the scanner straight from the scratch: one 128-byte copy fewer.
        var scanner = TokenScanner(text: normalized.base, count: outcome.count, rules: rules, list: scratch.tokens)
        scanner.list.reset(textCount: outcome.count)
        scanner.list.invalidSequences = outcome.invalidSequences
        scanner.run()
        scanner.list.finish()
        scratch.tokens = scanner.list
        scratch.normalized = normalized
    }

    static func result(of scratch: FeatureScratch) -> TokenizedText {
        var tokens: [String] = []
        var kinds: [TokenKind] = []
        tokens.reserveCapacity(scratch.tokenCount)
        kinds.reserveCapacity(scratch.tokenCount)
        for index in 0..<scratch.tokenCount {
            tokens.append(String(decoding: scratch.tokenBytes(index), as: UTF8.self))
            kinds.append(scratch.tokenKind(index))
        }
        return TokenizedText(
            tokens: tokens,
            kinds: kinds,
            retweetedHandle: scratch.retweetedHandle.map { String(decoding: $0, as: UTF8.self) },
            foldedConfusables: scratch.foldedConfusables,
            maskedTargets: scratch.maskedTargets,
            invalidSequences: scratch.invalidSequences
        )
    }
}
