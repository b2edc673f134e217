import TurfCore

/// Reads Twitter's information-operations archive CSVs (the state-backed account releases):
/// `tweetid, userid, user_screen_name, tweet_text, tweet_time, tweet_language, is_retweet,
/// retweet_tweetid, in_reply_to_tweetid, quoted_tweet_tweetid, hashtags, urls, user_mentions`.
///
/// Columns are found by name (their order differs between releases). `tweet_time` is
/// `YYYY-MM-DD HH:MM`, so posts get minute resolution. List columns are Python-list-like,
/// quoted (`['a', 'b']`) in newer releases and bare (`[a, b]`) in 2018 ones. Small accounts'
/// `userid` and `user_screen_name` are hashes, kept as given. `user_mentions` holds user ids
/// (the archive gives no handles), and they go to `mentions` as such.
public struct IOArchiveDecoder: PostDecoder {
    private var row: CSVRow
    private let columns: Columns

    private struct Columns: Sendable {
        var id, user, screenName, text, time, lang, retweet, reply, quote, hashtags, urls, mentions: Int?
    }

    /// The columns that identify an information-operations archive file.
    public static let signature = ["tweetid", "userid", "tweet_text", "tweet_time"]

    /// Creates a decoder for a file with `header`.
    public init(header: CSVHeader) {
        row = CSVRow(header: header)
        columns = Columns(
            id: header.index("tweetid"), user: header.index("userid"), screenName: header.index("user_screen_name"),
            text: header.index("tweet_text"), time: header.index("tweet_time"), lang: header.index("tweet_language"),
            retweet: header.index("retweet_tweetid"), reply: header.index("in_reply_to_tweetid"),
            quote: header.index("quoted_tweet_tweetid"), hashtags: header.index("hashtags"),
            urls: header.index("urls"), mentions: header.index("user_mentions")
        )
    }

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try row.load(record)
        guard let id = try FieldText.id(row.value(columns.id, in: record), field: "tweetid") else { throw RecordError.missing("tweetid") }
        let user = try FieldText.id(row.value(columns.user, in: record), field: "userid") ?? ""
        var post = Post(
            id: id,
            account: AccountRef(id: user, handle: row.value(columns.screenName, in: record) ?? ""),
            text: row.text(columns.text, in: record),
            lang: row.value(columns.lang, in: record) ?? ""
        )
        if let time = row.value(columns.time, in: record) { try post.setCreatedAt(time, field: "tweet_time") }
        post.retweetOf = try FieldText.id(row.value(columns.retweet, in: record), field: "retweet_tweetid")
        post.replyTo = try FieldText.id(row.value(columns.reply, in: record), field: "in_reply_to_tweetid")
        post.quoteOf = try FieldText.id(row.value(columns.quote, in: record), field: "quoted_tweet_tweetid")
        post.hashtags = row.value(columns.hashtags, in: record).map(FieldText.list) ?? []
        post.urls = row.value(columns.urls, in: record).map(FieldText.list) ?? []
        post.mentions = row.value(columns.mentions, in: record).map(FieldText.list) ?? []
        posts.append(post)
    }
}
