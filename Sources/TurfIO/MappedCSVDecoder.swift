import TurfCore

/// Reads a generic CSV with a header, with columns chosen by a `FieldMapping`. List cells may
/// be JSON arrays, Python-list-like (`['a', 'b']`) or a single value.
public struct MappedCSVDecoder: PostDecoder {
    private var row: CSVRow
    private let columns: [FieldMapping.Field: Int]
    private let mapping: FieldMapping

    /// Creates a decoder for a file with `header`.
    /// - Throws: `UsageError` when the mapped id or text column is missing from the header.
    public init(header: CSVHeader, mapping: FieldMapping) throws {
        row = CSVRow(header: header)
        self.mapping = mapping
        var columns: [FieldMapping.Field: Int] = [:]
        for field in FieldMapping.Field.allCases {
            if let index = header.index(mapping.source(field)) { columns[field] = index }
        }
        for required in [FieldMapping.Field.id, .text] where columns[required] == nil {
            throw UsageError(
                "the CSV has no column '\(mapping.source(required))' for \(required.rawValue); columns are \(header.names.joined(separator: ", ")); use --map \(required.rawValue)=COLUMN"
            )
        }
        self.columns = columns
    }

    private mutating func value(_ field: FieldMapping.Field, _ record: UnsafeBufferPointer<UInt8>) -> String? {
        row.value(columns[field], in: record)
    }

    private mutating func id(_ field: FieldMapping.Field, _ record: UnsafeBufferPointer<UInt8>) throws(RecordError) -> String? {
        try FieldText.id(value(field, record), field: mapping.source(field))
    }

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try row.load(record)
        guard let id = try id(.id, record) else { throw RecordError.missing(mapping.source(.id)) }
        var post = Post(
            id: id,
            account: AccountRef(id: try self.id(.account_id, record) ?? "", handle: value(.account, record) ?? ""),
            text: row.text(columns[.text], in: record),
            lang: value(.lang, record) ?? "",
            memeText: value(.meme_text, record) ?? ""
        )
        if let created = value(.created_at, record) { try post.setCreatedAt(created, field: mapping.source(.created_at)) }
        post.retweetOf = try self.id(.retweet_of, record)
        post.quoteOf = try self.id(.quote_of, record)
        post.replyTo = try self.id(.reply_to, record)
        post.hashtags = row.jsonList(columns[.hashtags], key: "tag", in: record).map { FieldText.dropping(0x23, from: $0) }
        post.urls = row.jsonList(columns[.urls], key: "expanded_url", in: record)
        post.mentions = row.jsonList(columns[.mentions], key: "username", in: record).map { FieldText.dropping(0x40, from: $0) }
        post.media = row.jsonList(columns[.media], key: "id", in: record).map { MediaItem(id: $0) }
        posts.append(post)
    }
}
