/// What a token stands for; the feature extractor uses it to choose character n-gram sources,
/// and `turfwatch tokenize` shows it.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    /// A word (also each word of a split hashtag).
    case word
    /// A number (`<num>` or the digits, per configuration).
    case number
    /// A hashtag, `#` plus the folded tag.
    case hashtag
    /// The `@user` class token of a mention.
    case mention
    /// The mentioned handle, when configured.
    case handle
    /// `url:` plus the host.
    case url
    /// `domain:` plus the registrable domain of a URL's host.
    case domain
    /// `$` plus a ticker symbol.
    case cashtag
    /// One emoji grapheme.
    case emoji
    /// A run of `!` and `?`.
    case punctuation
    /// A masked target name, `<target>`.
    case target

    /// The lower-case name, as `turfwatch tokenize` prints it.
    public var name: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .hashtag: "hashtag"
        case .mention: "mention"
        case .handle: "handle"
        case .url: "url"
        case .domain: "domain"
        case .cashtag: "cashtag"
        case .emoji: "emoji"
        case .punctuation: "punctuation"
        case .target: "target"
        }
    }
}
