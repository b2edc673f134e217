import Testing
import TurfCore
import TurfIO

/// Hand-written twarc2 fixtures in the real API v2 shapes (flattened, page, stream).
@Suite struct TwitterV2DecoderTests {
    static let flattenedRetweet = #"{"id": "831606548300517376", "text": "RT @stokevoter: Don't vote Nuttall #DontVoteNuttall https://t.co/x", "author_id": "4602771083", "created_at": "2017-02-14T20:15:02.000Z", "lang": "en", "conversation_id": "831606548300517376", "public_metrics": {"retweet_count": 12, "like_count": 0}, "entities": {"hashtags": [{"start": 35, "end": 51, "tag": "DontVoteNuttall"}], "mentions": [{"start": 3, "end": 14, "username": "stokevoter", "id": "99"}], "urls": [{"start": 52, "end": 75, "url": "https://t.co/x", "expanded_url": "https://example.org/nuttall", "display_url": "example.org/nuttall"}]}, "referenced_tweets": [{"type": "retweeted", "id": "831600000000000001", "text": "Don't vote Nuttall #DontVoteNuttall", "author": {"id": "99", "username": "stokevoter"}}], "author": {"id": "4602771083", "username": "ivan_in_stoke", "name": "Ivan", "public_metrics": {"followers_count": 10}}, "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.12.0", "retrieved_at": "2021-04-01T15:52:42+00:00"}}"#

    static let flattenedQuoteReplyWithMedia = #"{"id": "831606548300517377", "text": "Look at this \u2014 \u0416\u041a\u0425 \ud83d\ude00", "author_id": "4602771083", "created_at": "2017-02-14T20:16:00.000Z", "referenced_tweets": [{"type": "quoted", "id": "831600000000000002"}, {"type": "replied_to", "id": "831600000000000003"}], "in_reply_to_user_id": "7", "attachments": {"media_keys": ["3_831606540000000000"], "media": [{"media_key": "3_831606540000000000", "type": "photo", "alt_text": "Nuttall lied about Hillsborough", "phash": "f0e1d2c3b4a59687"}]}, "author": {"id": "4602771083", "username": "ivan_in_stoke"}, "__twarc": {"version": "2.12.0"}}"#

    @Test func flattenedRetweetKeepsTheTruncatedTextAndEntities() throws {
        let outcome = try Fixture.read(text: Self.flattenedRetweet + "\n")
        #expect(outcome.format == .twarc2)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.posts == [Post(
            id: "831606548300517376",
            account: AccountRef(id: "4602771083", handle: "ivan_in_stoke"),
            createdAt: 1_487_103_302,
            text: "RT @stokevoter: Don't vote Nuttall #DontVoteNuttall https://t.co/x",
            lang: "en",
            hashtags: ["DontVoteNuttall"],
            urls: ["https://example.org/nuttall"],
            mentions: ["stokevoter"],
            retweetOf: "831600000000000001"
        )])
    }

    @Test func escapedTimesAndPaddedIdsReadLikePlainOnes() throws {
        let line = #"{"id": " 831606548300517376 ", "text": "x", "created_at": "2017-02-14T20:15:02.000\u005A", "author": {"id": "4602771083", "username": "u"}}"#
        let outcome = try Fixture.read(text: line, format: .twarc2)
        let post = try #require(outcome.posts.first)
        #expect(post.id == "831606548300517376")
        #expect(post.createdAt == 1_487_103_302)
        let bad = try Fixture.read(text: #"{"id": "1", "text": "x", "created_at": "yesterday"}"#, format: .twarc2)
        #expect(bad.posts.isEmpty)
        #expect(bad.errors == ["F:1: created_at is not a time: yesterday"])
    }

    @Test func flattenedQuoteAndReplyWithAltTextAndPerceptualHash() throws {
        let outcome = try Fixture.read(text: Self.flattenedQuoteReplyWithMedia)
        let post = try #require(outcome.posts.first)
        #expect(post.text == "Look at this — ЖКХ 😀")
        #expect(post.quoteOf == "831600000000000002")
        #expect(post.replyTo == "831600000000000003")
        #expect(post.retweetOf == nil)
        #expect(post.media == [MediaItem(id: "3_831606540000000000", perceptualHash: 0xF0E1_D2C3_B4A5_9687)])
        #expect(post.memeText == "Nuttall lied about Hillsborough")
        #expect(post.lang == "")
        #expect(post.hashtags.isEmpty)
    }

    @Test func responsePageExpandsAuthorsAndMediaFromIncludes() throws {
        let page = #"{"data": [{"id": "1001", "author_id": "11", "text": "first", "created_at": "2017-02-01T09:00:00.000Z", "attachments": {"media_keys": ["3_1"]}}, {"id": "1002", "author_id": "12", "text": "RT @a: second", "referenced_tweets": [{"type": "retweeted", "id": "1000"}]}], "includes": {"users": [{"id": "12", "username": "bob", "name": "Bob"}, {"id": "11", "username": "alice"}], "media": [{"media_key": "3_1", "type": "photo", "alt_text": "Meme: Vote Labour"}], "tweets": [{"id": "1000", "author_id": "13", "text": "second"}]}, "meta": {"newest_id": "1002", "oldest_id": "1001", "result_count": 2}, "__twarc": {"url": "https://api.twitter.com/2/tweets/search/recent"}}"#
        let outcome = try Fixture.read(text: page)
        #expect(outcome.posts.map(\.id) == ["1001", "1002"])
        #expect(outcome.posts.map(\.account) == [AccountRef(id: "11", handle: "alice"), AccountRef(id: "12", handle: "bob")])
        #expect(outcome.posts[0].memeText == "Meme: Vote Labour")
        #expect(outcome.posts[0].media == [MediaItem(id: "3_1")])
        #expect(outcome.posts[1].retweetOf == "1000")
        #expect(outcome.posts[1].createdAt == nil)
    }

    @Test func streamLinesAndTheirErrorObjects() throws {
        let lines = [
            #"{"data": {"id": "2001", "author_id": "21", "text": "streamed", "created_at": "2017-02-20T10:00:00.000Z"}, "includes": {"users": [{"id": "21", "username": "streamer"}]}, "matching_rules": [{"id": "1377649934414049282", "tag": "nuttall"}]}"#,
            #"{"errors": [{"title": "operational-disconnect", "disconnect_type": "UpstreamOperationalDisconnect", "detail": "This stream has been disconnected upstream for operational reasons.", "type": "https://api.twitter.com/2/problems/operational-disconnect"}]}"#,
            #"{"data": {"id": "2002", "author_id": "22", "text": "after reconnect"}, "matching_rules": [{"id": 1377649934414049282, "tag": null}]}"#,
        ]
        let outcome = try Fixture.read(text: lines.joined(separator: "\n") + "\n")
        #expect(outcome.posts.map(\.id) == ["2001", "2002"])
        #expect(outcome.posts[0].account == AccountRef(id: "21", handle: "streamer"))
        #expect(outcome.posts[1].account == AccountRef(id: "22", handle: ""))
        #expect(outcome.errors == ["F:2: API error object: operational-disconnect: This stream has been disconnected upstream for operational reasons."])
        #expect(outcome.kinds == ["API error object"])
    }

    @Test func missingFieldsStayEmptyAndBadLinesAreReportedWithTheirLineNumbers() throws {
        let lines = [
            #"{"id": "3001", "text": "bare", "__twarc": {}}"#,
            #"{"id": "3002", "text": "cut off"#,
            "",
            #"{"text": "no id", "author_id": "5"}"#,
            #"{"id": "3003", "text": "bad time", "created_at": "yesterday", "author_id": "5"}"#,
            #"["not", "an", "object"]"#,
            #"{"id": 9.06E+17, "text": "mangled", "author_id": "5"}"#,
            #"{"id": "3004", "text": "ok", "author_id": "5"}"#,
        ]
        let outcome = try Fixture.read(text: lines.joined(separator: "\n"), format: .twarc2)
        #expect(outcome.posts == [
            Post(id: "3001", account: AccountRef(id: ""), text: "bare"),
            Post(id: "3004", account: AccountRef(id: "5"), text: "ok"),
        ])
        #expect(outcome.errors == [
            "F:2: malformed JSON: unterminated string at column 24",
            "F:4: tweet has no id",
            "F:5: created_at is not a time: yesterday",
            "F:6: line is not a JSON object",
            "F:7: id \"9.06E+17\" was rounded by a spreadsheet (digits lost); re-export the ids as text",
        ])
        #expect(outcome.kinds == ["malformed JSON", "missing id", "bad time", "not a tweet", "spreadsheet-mangled id"])
    }

    @Test func longTweetsUseTheNoteTweetText() throws {
        let line = #"{"id": "4001", "text": "truncated…", "note_tweet": {"text": "the whole long text"}, "author_id": "1"}"#
        #expect(try Fixture.read(text: line).posts.first?.text == "the whole long text")
    }
}
