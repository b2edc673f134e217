/// The account that wrote a post: a stable id and the handle shown to people.
///
/// Either part may be empty when an export lacks it; neither is ever invented.
public struct AccountRef: Hashable, Sendable {
    /// The platform's account id (a string, as Twitter's API gives it), or a hashed id.
    public var id: String
    /// The screen name without `@`, or empty when unknown.
    public var handle: String

    /// Creates an account reference.
    public init(id: String, handle: String = "") {
        self.id = id
        self.handle = handle
    }
}

/// One attached image or video, kept for co-meme detection.
public struct MediaItem: Hashable, Sendable {
    /// The platform's media key or id.
    public var id: String
    /// A 64-bit perceptual hash of the image when the input carries one (e.g. pHash/dHash).
    public var perceptualHash: UInt64?

    /// Creates a media item.
    public init(id: String, perceptualHash: UInt64? = nil) {
        self.id = id
        self.perceptualHash = perceptualHash
    }
}

/// How precisely an input records posting times.
///
/// Twitter's information-operations archive and the fivethirtyeight troll tweets give minutes only;
/// coordination windows must then compare neighbouring minutes rather than seconds.
public enum TimeResolution: String, Hashable, Sendable {
    /// Times are exact to the second (Twitter API, most JSON exports).
    case second
    /// Times are truncated to the minute.
    case minute
}

/// A social-media post as every turfwatch stage sees it, whatever export it came from.
///
/// Missing fields are empty (or `nil`), never invented.
public struct Post: Hashable, Sendable {
    /// The post's id as a string (Twitter ids exceed 2^53 and must not pass through a Double).
    public var id: String
    /// Who posted it.
    public var account: AccountRef
    /// Posting time in whole seconds since 1970-01-01T00:00:00Z, or `nil` when the input has none.
    public var createdAt: Int64?
    /// How precisely `createdAt` is known.
    public var timeResolution: TimeResolution
    /// The post's text as published (for a retweet, the platform's `RT @x: ...` text).
    public var text: String
    /// Language code when the input gives one.
    public var lang: String
    /// Hashtags without `#`, as written.
    public var hashtags: [String]
    /// Expanded URLs.
    public var urls: [String]
    /// Mentioned handles without `@`.
    public var mentions: [String]
    /// The id of the retweeted post, when this is a retweet.
    public var retweetOf: String?
    /// The id of the quoted post, when this is a quote.
    public var quoteOf: String?
    /// The id of the post replied to, when this is a reply.
    public var replyTo: String?
    /// Attached media.
    public var media: [MediaItem]
    /// Text read off an attached image, or its alt text; empty when unknown.
    public var memeText: String

    /// Creates a post; every field but `id`, `account` and `text` defaults to empty.
    public init(
        id: String,
        account: AccountRef,
        createdAt: Int64? = nil,
        timeResolution: TimeResolution = .second,
        text: String,
        lang: String = "",
        hashtags: [String] = [],
        urls: [String] = [],
        mentions: [String] = [],
        retweetOf: String? = nil,
        quoteOf: String? = nil,
        replyTo: String? = nil,
        media: [MediaItem] = [],
        memeText: String = ""
    ) {
        self.id = id
        self.account = account
        self.createdAt = createdAt
        self.timeResolution = timeResolution
        self.text = text
        self.lang = lang
        self.hashtags = hashtags
        self.urls = urls
        self.mentions = mentions
        self.retweetOf = retweetOf
        self.quoteOf = quoteOf
        self.replyTo = replyTo
        self.media = media
        self.memeText = memeText
    }
}
