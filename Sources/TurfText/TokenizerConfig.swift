/// Every choice the tokenizer makes, in one value that model files store.
///
/// Training and classification must tokenize identically, so a model keeps the exact
/// configuration it was trained with and refuses a different one. The defaults suit tweets.
public struct TokenizerConfig: Codable, Hashable, Sendable {
    /// What becomes of a number such as `2017` or `1,000.50`.
    public enum NumberHandling: String, Codable, Hashable, Sendable {
        /// One class token, `<num>`, for every number.
        case classToken
        /// The number as written (digits and inner `.`/`,`).
        case keep
        /// No token.
        case drop
    }

    /// Emit the mentioned handle (`@nigel_farage`) after the `@user` class token.
    public var mentionHandles: Bool
    /// Emit `domain:` plus the registrable domain after each `url:` host token.
    public var urlDomains: Bool
    /// Emit the words of a hashtag (split on case changes, digits, underscores) after the tag.
    public var splitHashtags: Bool
    /// How numbers are tokenized.
    public var numbers: NumberHandling
    /// Emit one token per emoji grapheme (skin tones folded).
    public var emoji: Bool
    /// Emit runs of `!` and `?` as the tokens `!`, `!!`, `?`, `??` or `?!`.
    public var punctuationRuns: Bool
    /// The longest run of one repeated character kept in a word (`soooo` becomes `soo` at 2);
    /// 0 keeps every repetition.
    public var maxRepeat: Int
    /// Fold `ё` to `е`, as most Russian writing does.
    public var foldYo: Bool
    /// Fold look-alike letters of a minority script inside a word to the word's main script
    /// (`Nuttаll` with a Cyrillic `а` becomes `nuttall`) and report that it happened.
    public var foldConfusables: Bool
    /// Names masked as one `<target>` token, e.g. `["Paul Nuttall", "Nuttall"]`; matched
    /// after normalisation, longest name first.
    public var targets: [String]
    /// Tokens dropped after normalisation, written as the tokenizer would emit them
    /// (e.g. `#semst`, `rt`).
    public var stopTokens: [String]

    /// Creates a configuration; every default suits tweets.
    public init(
        mentionHandles: Bool = false,
        urlDomains: Bool = true,
        splitHashtags: Bool = true,
        numbers: NumberHandling = .classToken,
        emoji: Bool = true,
        punctuationRuns: Bool = true,
        maxRepeat: Int = 2,
        foldYo: Bool = true,
        foldConfusables: Bool = true,
        targets: [String] = [],
        stopTokens: [String] = []
    ) {
        self.mentionHandles = mentionHandles
        self.urlDomains = urlDomains
        self.splitHashtags = splitHashtags
        self.numbers = numbers
        self.emoji = emoji
        self.punctuationRuns = punctuationRuns
        self.maxRepeat = maxRepeat
        self.foldYo = foldYo
        self.foldConfusables = foldConfusables
        self.targets = targets
        self.stopTokens = stopTokens
    }

    /// Decodes a configuration; a key that is missing (a file written before the option
    /// existed) takes its default, so old model files keep loading with their old behaviour
    /// only when the default matches it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TokenizerConfig()
        mentionHandles = try container.decodeIfPresent(Bool.self, forKey: .mentionHandles) ?? defaults.mentionHandles
        urlDomains = try container.decodeIfPresent(Bool.self, forKey: .urlDomains) ?? defaults.urlDomains
        splitHashtags = try container.decodeIfPresent(Bool.self, forKey: .splitHashtags) ?? defaults.splitHashtags
        numbers = try container.decodeIfPresent(NumberHandling.self, forKey: .numbers) ?? defaults.numbers
        emoji = try container.decodeIfPresent(Bool.self, forKey: .emoji) ?? defaults.emoji
        punctuationRuns = try container.decodeIfPresent(Bool.self, forKey: .punctuationRuns) ?? defaults.punctuationRuns
        maxRepeat = try container.decodeIfPresent(Int.self, forKey: .maxRepeat) ?? defaults.maxRepeat
        foldYo = try container.decodeIfPresent(Bool.self, forKey: .foldYo) ?? defaults.foldYo
        foldConfusables = try container.decodeIfPresent(Bool.self, forKey: .foldConfusables) ?? defaults.foldConfusables
        targets = try container.decodeIfPresent([String].self, forKey: .targets) ?? defaults.targets
        stopTokens = try container.decodeIfPresent([String].self, forKey: .stopTokens) ?? defaults.stopTokens
        guard maxRepeat >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxRepeat, in: container, debugDescription: "maxRepeat must not be negative, not \(maxRepeat)")
        }
    }
}
