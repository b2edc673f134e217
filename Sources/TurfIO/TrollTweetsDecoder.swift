import TurfCore

/// Reads fivethirtyeight's russian-troll-tweets CSVs (the IRA tweets Clemson researchers
/// collected): `external_author_id, author, content, region, language, publish_date,
/// harvested_date, following, followers, updates, post_type, account_type, retweet,
/// account_category, new_june_2018, alt_external_id, tweet_id, article_url, tco1_step1, ...`.
///
/// `publish_date` is `M/D/YYYY H:MM` (minute resolution). The files name neither the retweeted
/// nor the quoted post, so `retweetOf` and `quoteOf` stay empty; they carry no entity columns,
/// so hashtags and mentions are read off the text; `tco*_step1` are the expanded links.
/// `language` is a language name (`English`), kept as given.
public struct TrollTweetsDecoder: PostDecoder {
    private var row: CSVRow
    private let columns: Columns

    private struct Columns: Sendable {
        var id, author, handle, text, time, lang: Int?
        var links: [Int]
    }

    /// The columns that identify a fivethirtyeight troll-tweets file.
    public static let signature = ["author", "content", "publish_date"]

    /// Creates a decoder for a file with `header`.
    public init(header: CSVHeader) {
        row = CSVRow(header: header)
        columns = Columns(
            id: header.index("tweet_id"), author: header.index("external_author_id"), handle: header.index("author"),
            text: header.index("content"), time: header.index("publish_date"), lang: header.index("language"),
            links: ["tco1_step1", "tco2_step1", "tco3_step1"].compactMap(header.index)
        )
    }

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try row.load(record)
        guard let id = try FieldText.id(row.value(columns.id, in: record), field: "tweet_id") else { throw RecordError.missing("tweet_id") }
        let text = row.text(columns.text, in: record)
        var post = Post(
            id: id,
            account: AccountRef(
                id: try FieldText.id(row.value(columns.author, in: record), field: "external_author_id") ?? "",
                handle: row.value(columns.handle, in: record) ?? ""
            ),
            text: text,
            lang: row.value(columns.lang, in: record) ?? ""
        )
        if let time = row.value(columns.time, in: record) { try post.setCreatedAt(time, field: "publish_date") }
        post.hashtags = FieldText.tokens(after: 0x23, in: text)
        post.mentions = FieldText.tokens(after: 0x40, in: text)
        for column in columns.links {
            if let link = row.value(column, in: record) { post.urls.append(link) }
        }
        posts.append(post)
    }
}
