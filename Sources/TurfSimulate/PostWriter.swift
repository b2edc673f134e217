import TurfCore
import TurfIO

/// Writes one generated post as a twarc2 "flattened" Twitter API v2 line and as a line of the
/// classify output contract with oracle stance scores.
struct PostWriter {
    let scenario: Scenario

    /// Retrieval metadata twarc2 adds to every flattened line.
    private static let twarcTail: StaticString =
        #","__twarc":{"url":"https://api.twitter.com/2/tweets/search/all?query=%23StokeCentral&max_results=100","version":"2.14.0","retrieved_at":"2017-03-01T00:00:00+00:00"}}"#

    /// Appends the flattened twarc2 line of `post` (id `id`) by account `author` to `out`.
    func appendTwarcLine(_ post: SimPost, id: UInt64, author: Int, to out: inout [UInt8]) {
        let idText = String(id)
        let authorID = String(scenario.accountID(author))
        JSONText.appendRaw("{\"id\":", to: &out)
        PostWriter.appendString(idText, to: &out)
        JSONText.appendRaw(",\"text\":", to: &out)
        PostWriter.appendString(post.piece.text, to: &out)
        JSONText.appendRaw(",\"author_id\":", to: &out)
        PostWriter.appendString(authorID, to: &out)
        JSONText.appendRaw(",\"created_at\":", to: &out)
        appendTime(post.time, to: &out)
        JSONText.appendRaw(",\"lang\":", to: &out)
        PostWriter.appendString(post.lang, to: &out)
        var conversation = idText
        if let reference = post.reference, reference == .repliedTo {
            conversation = String(scenario.planPosts[post.referencePlanIndex].id)
        }
        JSONText.appendRaw(",\"conversation_id\":", to: &out)
        PostWriter.appendString(conversation, to: &out)
        JSONText.appendRaw(",\"possibly_sensitive\":false,\"source\":", to: &out)
        PostWriter.appendString(author % 3 == 0 ? "Twitter for iPhone" : author % 3 == 1 ? "Twitter for Android" : "Twitter Web Client", to: &out)
        JSONText.appendRaw(",\"public_metrics\":{\"retweet_count\":0,\"reply_count\":0,\"like_count\":0,\"quote_count\":0}", to: &out)
        appendEntities(post.piece, to: &out)
        if let reference = post.reference {
            let plan = scenario.planPosts[post.referencePlanIndex]
            JSONText.appendRaw(",\"referenced_tweets\":[{\"type\":", to: &out)
            PostWriter.appendString(reference.apiName, to: &out)
            JSONText.appendRaw(",\"id\":", to: &out)
            PostWriter.appendString(String(plan.id), to: &out)
            JSONText.appendRaw(",\"author_id\":", to: &out)
            PostWriter.appendString(String(scenario.accountID(plan.author)), to: &out)
            JSONText.appendRaw("}]", to: &out)
            if reference == .repliedTo {
                JSONText.appendRaw(",\"in_reply_to_user_id\":", to: &out)
                PostWriter.appendString(String(scenario.accountID(plan.author)), to: &out)
            }
        }
        if !post.media.isEmpty {
            JSONText.appendRaw(",\"attachments\":{\"media_keys\":[", to: &out)
            for (index, item) in post.media.enumerated() {
                if index > 0 { out.append(0x2C) }
                PostWriter.appendString(item.key, to: &out)
            }
            JSONText.appendRaw("],\"media\":[", to: &out)
            for (index, item) in post.media.enumerated() {
                if index > 0 { out.append(0x2C) }
                JSONText.appendRaw("{\"media_key\":", to: &out)
                PostWriter.appendString(item.key, to: &out)
                JSONText.appendRaw(",\"type\":\"photo\",\"alt_text\":", to: &out)
                PostWriter.appendString(item.caption, to: &out)
                JSONText.appendRaw(",\"phash\":", to: &out)
                PostWriter.appendString(PostWriter.hex16(item.phash), to: &out)
                out.append(0x7D)
            }
            JSONText.appendRaw("]}", to: &out)
        }
        JSONText.appendRaw(",\"author\":{\"id\":", to: &out)
        PostWriter.appendString(authorID, to: &out)
        JSONText.appendRaw(",\"username\":", to: &out)
        PostWriter.appendString(scenario.handle(author), to: &out)
        JSONText.appendRaw(",\"name\":", to: &out)
        PostWriter.appendString(scenario.displayName(author), to: &out)
        out.append(0x7D)
        JSONText.appendRaw(PostWriter.twarcTail, to: &out)
        out.append(0x0A)
    }

    private func appendEntities(_ piece: TextPiece, to out: inout [UInt8]) {
        guard !piece.hashtags.isEmpty || !piece.urls.isEmpty || !piece.mentions.isEmpty else { return }
        JSONText.appendRaw(",\"entities\":{", to: &out)
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(0x2C) }
            first = false
            JSONText.appendRaw(name, to: &out)
        }
        if !piece.hashtags.isEmpty {
            key("\"hashtags\":[")
            for (index, entity) in piece.hashtags.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendSpan(entity, to: &out)
                JSONText.appendRaw(",\"tag\":", to: &out)
                PostWriter.appendString(entity.value, to: &out)
                out.append(0x7D)
            }
            out.append(0x5D)
        }
        if !piece.mentions.isEmpty {
            key("\"mentions\":[")
            for (index, entity) in piece.mentions.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendSpan(entity, to: &out)
                JSONText.appendRaw(",\"username\":", to: &out)
                PostWriter.appendString(entity.value, to: &out)
                JSONText.appendRaw(",\"id\":", to: &out)
                PostWriter.appendString(String(scenario.accountID(entity.detail)), to: &out)
                out.append(0x7D)
            }
            out.append(0x5D)
        }
        if !piece.urls.isEmpty {
            key("\"urls\":[")
            for (index, entity) in piece.urls.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendSpan(entity, to: &out)
                JSONText.appendRaw(",\"url\":", to: &out)
                PostWriter.appendString(TextPiece.shortLink(UInt64(bitPattern: Int64(entity.detail))), to: &out)
                JSONText.appendRaw(",\"expanded_url\":", to: &out)
                PostWriter.appendString(entity.value, to: &out)
                JSONText.appendRaw(",\"display_url\":", to: &out)
                PostWriter.appendString(PostWriter.displayURL(entity.value), to: &out)
                out.append(0x7D)
            }
            out.append(0x5D)
        }
        out.append(0x7D)
    }

    private func appendSpan(_ entity: TextPiece.Entity, to out: inout [UInt8]) {
        JSONText.appendRaw("{\"start\":", to: &out)
        out.append(contentsOf: String(entity.start).utf8)
        JSONText.appendRaw(",\"end\":", to: &out)
        out.append(contentsOf: String(entity.end).utf8)
    }

    /// `"YYYY-MM-DDTHH:MM:SS.000Z"`, the API's time format.
    private func appendTime(_ time: Int64, to out: inout [UInt8]) {
        var text = UTCTime.iso8601(time)
        text.removeLast()
        out.append(0x22)
        out.append(contentsOf: text.utf8)
        JSONText.appendRaw(".000Z\"", to: &out)
    }

    /// The classify-contract line of `post` with oracle scores: the planted stance, mislabelled
    /// (as another stance or none) with probability `labelNoise`, with graded probabilities; plus
    /// a `truth_stance` field naming the planted stance (`none` for none).
    func appendClassifiedLine(_ post: SimPost, id: UInt64, author: Int, rng: inout SplitMix64, to out: inout [UInt8]) {
        var decided = post.stance
        if rng.chance(scenario.config.labelNoise) {
            let others = Stance.allCases.filter { $0 != post.stance }
            decided = post.stance != .none && rng.chance(0.5) ? .none : rng.pick(others)
        }
        var probabilities: [Double] = []
        var labels: [String] = []
        for stance in Stance.labelled {
            let p: Double
            if stance == decided {
                p = 0.55 + 0.43 * rng.unit()
                labels.append(stance.name)
            } else {
                p = 0.01 + 0.38 * rng.unit() * rng.unit()
            }
            probabilities.append((p * 1000).rounded() / 1000)
        }
        let reference = post.reference.map { _ in String(scenario.planPosts[post.referencePlanIndex].id) }
        let record = Post(
            id: String(id),
            account: AccountRef(id: String(scenario.accountID(author)), handle: scenario.handle(author)),
            createdAt: post.time,
            text: post.piece.text,
            lang: post.lang,
            hashtags: post.piece.hashtags.map(\.value),
            urls: post.piece.urls.map(\.value),
            mentions: post.piece.mentions.map(\.value),
            retweetOf: post.reference == .retweeted ? reference : nil,
            quoteOf: post.reference == .quoted ? reference : nil,
            replyTo: post.reference == .repliedTo ? reference : nil,
            media: post.media.map { MediaItem(id: $0.key, perceptualHash: $0.phash) },
            memeText: post.media.map(\.caption).filter { !$0.isEmpty }.joined(separator: "\n")
        )
        let scores = StanceScores(stances: Stance.labelled.map(\.name), probabilities: probabilities, labels: labels)
        ClassifiedPostCodec.appendJSONLine(ClassifiedPost(post: record, scores: scores), to: &out)
        // Add the planted stance before the closing brace, so evaluations can measure the noise.
        out.removeLast(2)
        JSONText.appendRaw(",\"truth_stance\":", to: &out)
        JSONText.appendString(post.stance.name, to: &out)
        JSONText.appendRaw("}\n", to: &out)
    }

    /// Appends `value` as a JSON string: one bulk copy when nothing needs escaping (nearly
    /// always here), `JSONText`'s escaping otherwise. Measured: the byte-by-byte path was 13% of
    /// a default-scenario run.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                JSONText.appendString(String(decoding: bytes, as: UTF8.self), to: &out)
                return
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
        }
    }

    /// A URL as Twitter displays it: without the scheme, cut at 23 characters with an ellipsis.
    static func displayURL(_ url: String) -> String {
        var rest = Substring(url)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        return rest.count > 23 ? String(rest.prefix(23)) + "…" : String(rest)
    }

    /// Sixteen lower-case hex digits.
    static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
