/// A planted campaign: a cell of accounts acting together in one style, switching stance at a
/// planted time.
struct Campaign: Sendable {
    /// One coordinated action: every participating member posts or retweets after `time`.
    struct Action: Sendable {
        /// When the action starts.
        var time: Int64
        /// The stance the action pushes.
        var stance: Stance
        /// Index of the message (a template, or a paraphrase family for subtle cells).
        var message: Int
        /// Hashtags all participants use.
        var hashtags: [String]
        /// A link all participants share, or empty.
        var link: String
        /// A meme (index into the captions) all participants attach, or -1.
        var meme: Int
        /// The post participants retweet (retweet rings): a plan post index, or -1.
        var seed: Int
        /// The member who wrote the seed (it does not retweet itself), or -1.
        var origin: Int
    }

    /// The campaign's name in `truth.csv`, e.g. `c01`.
    var name: String
    /// Its style.
    var style: AccountKind
    /// Member account indices.
    var members: [Int]
    /// When the campaign turns to `anti_candidate`.
    var switchTime: Int64
    /// Its main stance before the switch.
    var fromStance: Stance
    /// Its actions, by time.
    var actions: [Action]
    /// The base perceptual hash of each meme caption, per campaign.
    var memeHashes: [UInt64]
}

/// A live event: many organic accounts using one hashtag in the same hour or two.
struct LiveEvent: Sendable {
    /// The event hashtag.
    var tag: String
    /// Start time.
    var start: Int64
    /// Length in seconds.
    var duration: Int64
}
