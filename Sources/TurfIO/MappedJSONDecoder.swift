import TurfCore

/// Reads generic JSON Lines, one post an object, with fields found by a `FieldMapping`
/// (dotted paths into nested objects). Ids may be strings or JSON numbers; a number's digits
/// are kept exactly.
public struct MappedJSONDecoder: PostDecoder {
    private var tape = JSONTape()
    private let paths: [FieldMapping.Field: [[UInt8]]]

    /// Creates a decoder reading fields where `mapping` says.
    public init(mapping: FieldMapping) {
        var paths: [FieldMapping.Field: [[UInt8]]] = [:]
        for field in FieldMapping.Field.allCases {
            paths[field] = mapping.source(field).split(separator: ".").map { Array($0.utf8) }
        }
        self.paths = paths
    }

    private func find(_ field: FieldMapping.Field, in record: UnsafeBufferPointer<UInt8>) -> Int? {
        tape.value(at: paths[field]!, from: 0, in: record)
    }

    private mutating func scalar(_ field: FieldMapping.Field, in record: UnsafeBufferPointer<UInt8>) -> String? {
        find(field, in: record).flatMap { tape.scalarText($0, in: record) }
    }

    private mutating func list(_ field: FieldMapping.Field, key: StaticString, in record: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let node = find(field, in: record) else { return [] }
        if tape.kind(node) == .string { return tape.string(node, in: record).map(FieldText.list) ?? [] }
        var elements: [Int] = []
        tape.forEachElement(node) { elements.append($0) }
        return elements.compactMap { element in
            if tape.kind(element) == .object {
                return tape.member(element, key, in: record).flatMap { tape.scalarText($0, in: record) }
            }
            return tape.scalarText(element, in: record)
        }
    }

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try tape.parseRecord(record)
        guard tape.kind(0) == .object else { throw RecordError(kind: "not an object", message: "line is not a JSON object") }
        guard let id = try FieldText.id(scalar(.id, in: record), field: pathName(.id)) else {
            throw RecordError.missing(pathName(.id))
        }
        var post = Post(
            id: id,
            account: AccountRef(
                id: try FieldText.id(scalar(.account_id, in: record), field: pathName(.account_id)) ?? "",
                handle: scalar(.account, in: record) ?? ""
            ),
            text: scalar(.text, in: record) ?? "",
            lang: scalar(.lang, in: record) ?? "",
            memeText: scalar(.meme_text, in: record) ?? ""
        )
        if let created = scalar(.created_at, in: record) { try post.setCreatedAt(created, field: pathName(.created_at)) }
        post.retweetOf = try FieldText.id(scalar(.retweet_of, in: record), field: pathName(.retweet_of))
        post.quoteOf = try FieldText.id(scalar(.quote_of, in: record), field: pathName(.quote_of))
        post.replyTo = try FieldText.id(scalar(.reply_to, in: record), field: pathName(.reply_to))
        post.hashtags = list(.hashtags, key: "tag", in: record).map { FieldText.dropping(0x23, from: $0) }
        post.urls = list(.urls, key: "expanded_url", in: record)
        post.mentions = list(.mentions, key: "username", in: record).map { FieldText.dropping(0x40, from: $0) }
        if let media = find(.media, in: record) {
            if tape.kind(media) == .array {
                var elements: [Int] = []
                tape.forEachElement(media) { elements.append($0) }
                for element in elements {
                    if tape.kind(element) == .object {
                        let key = (tape.member(element, "id", in: record) ?? tape.member(element, "media_key", in: record))
                            .flatMap { tape.scalarText($0, in: record) }
                        let hash = tape.member(element, "phash", in: record)
                            .flatMap { tape.scalarText($0, in: record) }.flatMap(FieldText.perceptualHash)
                        if let key { post.media.append(MediaItem(id: key, perceptualHash: hash)) }
                    } else if let key = tape.scalarText(element, in: record) {
                        post.media.append(MediaItem(id: key))
                    }
                }
            } else if let key = tape.scalarText(media, in: record), !key.isEmpty {
                post.media.append(MediaItem(id: key))
            }
        }
        posts.append(post)
    }

    private func pathName(_ field: FieldMapping.Field) -> String {
        paths[field]!.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
    }
}
