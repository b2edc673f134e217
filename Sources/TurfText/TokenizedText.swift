/// A post as the tokenizer sees it: its tokens and what the tokenizer noticed on the way.
public struct TokenizedText: Hashable, Sendable {
    /// The tokens in order.
    public var tokens: [String]
    /// The kind of each token.
    public var kinds: [TokenKind]
    /// The handle of a leading `RT @handle:` marker (without `@`), which is not tokenized.
    public var retweetedHandle: String?
    /// True when a word mixed scripts and look-alike letters were folded (`Nuttаll` with a
    /// Cyrillic `а`): deliberate evasion is itself a signal.
    public var foldedConfusables: Bool
    /// How many target names were masked as `<target>`.
    public var maskedTargets: Int
    /// How many invalid UTF-8 sequences were replaced by U+FFFD.
    public var invalidSequences: Int

    /// Creates a result; the tokenizer is the usual source.
    public init(
        tokens: [String], kinds: [TokenKind], retweetedHandle: String? = nil, foldedConfusables: Bool = false,
        maskedTargets: Int = 0, invalidSequences: Int = 0
    ) {
        self.tokens = tokens
        self.kinds = kinds
        self.retweetedHandle = retweetedHandle
        self.foldedConfusables = foldedConfusables
        self.maskedTargets = maskedTargets
        self.invalidSequences = invalidSequences
    }
}
