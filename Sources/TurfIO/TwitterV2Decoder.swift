#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// Reads Twitter API v2 JSON as twarc2 writes it, whatever shape each line has:
///
/// - a response page: `{"data": [tweets], "includes": {"users", "tweets", "media"}, "meta"}`;
///   authors and media are looked up in `includes`;
/// - a stream line: `{"data": {tweet}, "includes": ..., "matching_rules": [...]}`, or an error
///   object `{"errors": [...]}`, which is reported;
/// - a flattened tweet (`twarc2 flatten`): one tweet with `author`, `referenced_tweets` and
///   `attachments.media` inline and a `__twarc` key.
///
/// A retweet keeps the platform's truncated `RT @x: ...` text. Media alt text becomes the meme text.
public struct TwitterV2Decoder: PostDecoder {
    private var tape = JSONTape()

    /// Creates a decoder.
    public init() {}

    public mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError) {
        try tape.parseRecord(record)
        guard tape.kind(0) == .object else {
            throw RecordError(kind: "not a tweet", message: "line is not a JSON object")
        }
        let includes = tape.member(0, "includes", in: record)
        if let data = tape.member(0, "data", in: record) {
            switch tape.kind(data) {
            case .object:
                posts.append(try post(data, includes: includes, in: record))
            case .array:
                var page: [Post] = []
                var failure: RecordError?
                tape.forEachElement(data) { index in
                    guard failure == nil else { return }
                    do throws(RecordError) {
                        page.append(try post(index, includes: includes, in: record))
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
                posts.append(contentsOf: page)
            default:
                throw RecordError(kind: "not a tweet", message: "\"data\" is neither a tweet nor a list of tweets")
            }
        } else if let errors = tape.member(0, "errors", in: record) {
            throw RecordError(kind: "API error object", message: "API error object: \(describeErrors(errors, in: record))")
        } else {
            posts.append(try post(0, includes: nil, in: record))
        }
    }

    private mutating func describeErrors(_ errors: Int, in record: UnsafeBufferPointer<UInt8>) -> String {
        var first: Int?
        tape.forEachElement(errors) { index in if first == nil { first = index } }
        guard let first else { return "empty errors list" }
        var parts: [String] = []
        for key: StaticString in ["title", "detail", "message"] {
            if let value = tape.member(first, key, in: record), let text = tape.scalarText(value, in: record), !text.isEmpty {
                parts.append(text)
            }
        }
        return parts.isEmpty ? "no title or detail" : parts.joined(separator: ": ")
    }

    private mutating func text(_ object: Int, _ key: StaticString, in record: UnsafeBufferPointer<UInt8>) -> String? {
        guard let value = tape.member(object, key, in: record) else { return nil }
        return tape.scalarText(value, in: record)
    }

    /// The time at tape index `value`, parsed straight from the record's bytes when it is a
    /// string without escapes (no `String` built); `nil` when the value is no string or number.
    private mutating func time(_ value: Int, in record: UnsafeBufferPointer<UInt8>) throws(RecordError) -> (Int64, TimeResolution)? {
        let node = tape.nodes[value]
        if node.kind == .string, !node.flag,
           let parsed = TimeText.parse(bytes: UnsafeBufferPointer(rebasing: record[Int(node.start)..<Int(node.end)])) {
            return parsed
        }
        guard let created = tape.scalarText(value, in: record) else { return nil }
        guard let parsed = TimeText.parse(created) else {
            throw RecordError.badTime(field: "created_at", text: created)
        }
        return parsed
    }

    /// One tweet object to a `Post`.
    private mutating func post(_ tweet: Int, includes: Int?, in record: UnsafeBufferPointer<UInt8>) throws(RecordError) -> Post {
        guard tape.kind(tweet) == .object else { throw RecordError(kind: "not a tweet", message: "tweet is not a JSON object") }
        guard let id = try FieldText.id(text(tweet, "id", in: record), field: "id") else {
            throw RecordError(kind: "missing id", message: "tweet has no id")
        }
        var post = Post(id: id, account: AccountRef(id: ""), text: "")
        if let note = tape.member(tweet, "note_tweet", in: record), let full = text(note, "text", in: record) {
            post.text = full
        } else {
            post.text = text(tweet, "text", in: record) ?? ""
        }
        post.lang = text(tweet, "lang", in: record) ?? ""
        if let created = tape.member(tweet, "created_at", in: record), let (seconds, resolution) = try time(created, in: record) {
            post.createdAt = seconds
            post.timeResolution = resolution
        }
        // Author: inline (flattened) or looked up in includes.users (pages and stream lines).
        let authorID = try FieldText.id(text(tweet, "author_id", in: record), field: "author_id")
        if let author = tape.member(tweet, "author", in: record), tape.kind(author) == .object {
            post.account.id = try FieldText.id(text(author, "id", in: record), field: "author.id") ?? authorID ?? ""
            post.account.handle = text(author, "username", in: record) ?? ""
        } else if let authorID {
            post.account.id = authorID
            if let includes, let users = tape.member(includes, "users", in: record),
               let user = find(in: users, key: "id", equal: authorID, in: record) {
                post.account.handle = text(user, "username", in: record) ?? ""
            }
        }
        if let entities = tape.member(tweet, "entities", in: record) {
            post.hashtags = strings(entities, "hashtags", field: "tag", in: record)
            post.urls = strings(entities, "urls", field: "expanded_url", fallback: "url", in: record)
            post.mentions = strings(entities, "mentions", field: "username", in: record)
        }
        if let references = tape.member(tweet, "referenced_tweets", in: record) {
            var failure: RecordError?
            tape.forEachElement(references) { reference in
                guard failure == nil, let kind = tape.member(reference, "type", in: record) else { return }
                do throws(RecordError) {
                    let referenced = try FieldText.id(text(reference, "id", in: record), field: "referenced tweet id")
                    if tape.stringEquals(kind, "retweeted", in: record) {
                        post.retweetOf = referenced
                    } else if tape.stringEquals(kind, "quoted", in: record) {
                        post.quoteOf = referenced
                    } else if tape.stringEquals(kind, "replied_to", in: record) {
                        post.replyTo = referenced
                    }
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
        readMedia(tweet, includes: includes, into: &post, in: record)
        return post
    }

    /// Media keys with alt text and any perceptual hash, from `attachments.media` (flattened)
    /// or `includes.media` (pages, stream lines).
    private mutating func readMedia(_ tweet: Int, includes: Int?, into post: inout Post, in record: UnsafeBufferPointer<UInt8>) {
        guard let attachments = tape.member(tweet, "attachments", in: record) else { return }
        var captions: [String] = []
        if let inline = tape.member(attachments, "media", in: record), tape.kind(inline) == .array {
            tape.forEachElement(inline) { media in
                if let item = mediaItem(media, captions: &captions, in: record) { post.media.append(item) }
            }
        } else if let keys = tape.member(attachments, "media_keys", in: record) {
            let table = includes.flatMap { tape.member($0, "media", in: record) }
            tape.forEachElement(keys) { keyIndex in
                guard let key = tape.scalarText(keyIndex, in: record) else { return }
                if let table, let media = find(in: table, key: "media_key", equal: key, in: record),
                   let item = mediaItem(media, captions: &captions, in: record) {
                    post.media.append(item)
                } else {
                    post.media.append(MediaItem(id: key))
                }
            }
        }
        post.memeText = captions.joined(separator: "\n")
    }

    private mutating func mediaItem(_ media: Int, captions: inout [String], in record: UnsafeBufferPointer<UInt8>) -> MediaItem? {
        guard let key = text(media, "media_key", in: record) ?? text(media, "id", in: record) else { return nil }
        for field: StaticString in ["alt_text", "caption", "ocr_text"] {
            if let caption = text(media, field, in: record), !caption.isEmpty { captions.append(caption) }
        }
        var hash: UInt64?
        for field: StaticString in ["phash", "perceptual_hash", "dhash"] where hash == nil {
            hash = text(media, field, in: record).flatMap(FieldText.perceptualHash)
        }
        return MediaItem(id: key, perceptualHash: hash)
    }

    /// The element of the array `list` whose `key` member equals `value`.
    private mutating func find(in list: Int, key: StaticString, equal value: String, in record: UnsafeBufferPointer<UInt8>) -> Int? {
        var match: Int?
        var wanted = value
        wanted.withUTF8 { target in
            tape.forEachElement(list) { element in
                guard match == nil, let field = tape.member(element, key, in: record) else { return }
                let node = tape.nodes[field]
                if Int(node.end - node.start) == target.count,
                   memcmp(record.baseAddress! + Int(node.start), target.baseAddress!, target.count) == 0 {
                    match = element
                }
            }
        }
        return match
    }

    /// `object[list][*][field]` as strings (e.g. every hashtag's `tag`).
    private mutating func strings(
        _ object: Int, _ list: StaticString, field: StaticString, fallback: StaticString? = nil, in record: UnsafeBufferPointer<UInt8>
    ) -> [String] {
        guard let array = tape.member(object, list, in: record) else { return [] }
        var result: [String] = []
        tape.forEachElement(array) { element in
            if let value = text(element, field, in: record) ?? fallback.flatMap({ text(element, $0, in: record) }) {
                result.append(value)
            }
        }
        return result
    }
}
