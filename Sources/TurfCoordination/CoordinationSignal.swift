/// A kind of co-action: two accounts doing the same thing within the signal's time window.
public enum CoordinationSignal: Int, CaseIterable, Hashable, Sendable, Comparable {
    /// Retweeting or quoting the same post.
    case retweet
    /// Posting the same or a near-duplicate text (MinHash-LSH over word shingles); retweets excluded.
    case text
    /// Using the same hashtag (case-folded).
    case hashtag
    /// Sharing the same expanded URL (scheme, `www.`, fragment and trailing slash removed).
    case url
    /// Linking to the same domain; weak on its own, so it weighs less by default.
    case domain
    /// Posting the same image (perceptual hashes within a Hamming distance) or the same meme text.
    case meme
    /// Switching to the same stance (from the stance timelines).
    case stanceSwitch

    /// The name used in flags and output files: `retweet`, `text`, `hashtag`, `url`, `domain`, `meme`, `switch`.
    public var name: String {
        switch self {
        case .retweet: "retweet"
        case .text: "text"
        case .hashtag: "hashtag"
        case .url: "url"
        case .domain: "domain"
        case .meme: "meme"
        case .stanceSwitch: "switch"
        }
    }

    /// The signal called `name`, or `nil`.
    public init?(name: String) {
        guard let signal = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = signal
    }

    /// Orders signals by their declaration order.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
