/// One post of a generated account, before it is written out.
struct SimPost: Sendable {
    /// How the post relates to another.
    enum Reference: Sendable {
        case retweeted, quoted, repliedTo

        var apiName: String {
            switch self {
            case .retweeted: "retweeted"
            case .quoted: "quoted"
            case .repliedTo: "replied_to"
            }
        }
    }

    /// Posting time, seconds since 1970.
    var time: Int64
    /// Text and entities (for a retweet, the truncated `RT @x: …` text).
    var piece: TextPiece
    /// Planted stance.
    var stance: Stance
    /// Language code.
    var lang: String
    /// Attached images.
    var media: [SimMedia] = []
    /// The referenced plan post, if any.
    var reference: Reference?
    /// The referenced post's plan index (valid when `reference` is set).
    var referencePlanIndex: Int = -1
    /// A fixed id for plan posts, else assigned when written.
    var fixedID: UInt64?
    /// The co-action this post belongs to (campaign action or cascade), for tests; -1 if none.
    var action: Int = -1
}
