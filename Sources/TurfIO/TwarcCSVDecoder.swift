import TurfCore

/// Reads the CSV that `twarc2 csv` (the twarc-csv plugin) writes: dotted column names such as
/// `referenced_tweets.retweeted.id` and `author.username`, lists JSON-encoded
/// (`["#tag"]`, `["@user"]`, media objects with `alt_text`).
///
/// twarc-csv merges a retweet's text with the original by default; the text is kept as written.
public struct TwarcCSVDecoder: PostDecoder {
    private var row: CSVRow
    private let columns: Columns

    private struct Columns: Sendable {
        var id, text, authorID, authorIDInline, username, createdAt, lang: Int?
        var retweeted, quoted, repliedTo, hashtags, urls, mentions, media, mediaKeys: Int?
    }

    /// The columns that identify a twarc-csv file.
    public static let signature = ["id", "text", "author_id", "created_at"]

    /// Creates a decoder for a file with `header`.
    public init(header: CSVHeader) {
        row = CSVRow(header: header)
        columns = Columns(
            id: header.index("id"), text: header.index("text"), authorID: header.index("author_id"),
            authorIDInline: header.index("author.id"), username: header.index("author.username"),
            createdAt: header.index("created_at"), lang: header.index("lang"),
            retweeted: header.index("referenced_tweets.retweeted.id"), quoted: header.index("referenced_tweets.quoted.id"),
            repliedTo: header.index("referenced_tweets.replied_to.id"), hashtags: header.index("entities.hashtags"),
            urls: header.index("entities.urls"), mentions: header.index("entities.mentions"),
            media: header.index("attachments.media"), mediaKeys: header.index("attachments.media_keys")
        )
    }

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try row.load(record)
        guard let id = try FieldText.id(row.value(columns.id, in: record), field: "id") else { throw RecordError.missing("id") }
        var authorID = try FieldText.id(row.value(columns.authorID, in: record), field: "author_id")
        if authorID == nil { authorID = try FieldText.id(row.value(columns.authorIDInline, in: record), field: "author.id") }
        var post = Post(
            id: id,
            account: AccountRef(id: authorID ?? "", handle: row.value(columns.username, in: record) ?? ""),
            text: row.text(columns.text, in: record),
            lang: row.value(columns.lang, in: record) ?? ""
        )
        if let created = row.value(columns.createdAt, in: record) { try post.setCreatedAt(created, field: "created_at") }
        post.retweetOf = try FieldText.id(row.value(columns.retweeted, in: record), field: "referenced_tweets.retweeted.id")
        post.quoteOf = try FieldText.id(row.value(columns.quoted, in: record), field: "referenced_tweets.quoted.id")
        post.replyTo = try FieldText.id(row.value(columns.repliedTo, in: record), field: "referenced_tweets.replied_to.id")
        post.hashtags = row.jsonList(columns.hashtags, key: "tag", in: record).map { FieldText.dropping(0x23, from: $0) }
        post.urls = row.jsonList(columns.urls, key: "expanded_url", in: record)
        post.mentions = row.jsonList(columns.mentions, key: "username", in: record).map { FieldText.dropping(0x40, from: $0) }
        let (media, captions) = row.jsonMedia(columns.media, in: record)
        post.media = media.map { MediaItem(id: $0.id, perceptualHash: $0.hash) }
        if post.media.isEmpty {
            post.media = row.jsonList(columns.mediaKeys, key: "media_key", in: record).map { MediaItem(id: $0) }
        }
        post.memeText = captions.joined(separator: "\n")
        posts.append(post)
    }
}
