import Foundation
import TurfCore

/// Reads and writes the `classify` output contract (DESIGN.md): one JSON object a post with
/// `id`, `account_id`, `account`, `created_at`, `text`, `retweet_of`, `hashtags`, `urls`,
/// `mentions`, `media`, `labels`, `probabilities` and `rules`, plus the fields timelines and
/// coordination need (`quote_of`, `reply_to`, `lang`, `meme_text`, `time_resolution`).
public enum ClassifiedPostCodec {
    /// Appends the `probabilities` object, `{"STANCE": p, ...}` in the scores' stance order.
    public static func appendProbabilities(_ scores: StanceScores, to out: inout [UInt8]) {
        out.append(0x7B)
        for (index, stance) in scores.stances.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendString(stance, to: &out)
            out.append(0x3A)
            JSONText.appendNumber(scores.probabilities[index], to: &out)
        }
        out.append(0x7D)
    }

    /// Appends one JSON line (with its trailing newline) for `classified` to `out`.
    public static func appendJSONLine(_ classified: ClassifiedPost, to out: inout [UInt8]) {
        let post = classified.post
        let scores = classified.scores
        JSONText.appendRaw("{\"id\":", to: &out)
        JSONText.appendString(post.id, to: &out)
        JSONText.appendRaw(",\"account_id\":", to: &out)
        JSONText.appendString(post.account.id, to: &out)
        JSONText.appendRaw(",\"account\":", to: &out)
        JSONText.appendString(post.account.handle, to: &out)
        JSONText.appendRaw(",\"created_at\":", to: &out)
        if let createdAt = post.createdAt {
            JSONText.appendISO8601(createdAt, to: &out)
        } else {
            JSONText.appendRaw("null", to: &out)
        }
        if post.timeResolution != .second {
            JSONText.appendRaw(",\"time_resolution\":", to: &out)
            JSONText.appendString(post.timeResolution.rawValue, to: &out)
        }
        JSONText.appendRaw(",\"text\":", to: &out)
        JSONText.appendString(post.text, to: &out)
        JSONText.appendRaw(",\"lang\":", to: &out)
        JSONText.appendString(post.lang, to: &out)
        JSONText.appendRaw(",\"retweet_of\":", to: &out)
        JSONText.appendOptionalString(post.retweetOf, to: &out)
        JSONText.appendRaw(",\"quote_of\":", to: &out)
        JSONText.appendOptionalString(post.quoteOf, to: &out)
        JSONText.appendRaw(",\"reply_to\":", to: &out)
        JSONText.appendOptionalString(post.replyTo, to: &out)
        JSONText.appendRaw(",\"hashtags\":", to: &out)
        JSONText.appendStrings(post.hashtags, to: &out)
        JSONText.appendRaw(",\"urls\":", to: &out)
        JSONText.appendStrings(post.urls, to: &out)
        JSONText.appendRaw(",\"mentions\":", to: &out)
        JSONText.appendStrings(post.mentions, to: &out)
        JSONText.appendRaw(",\"media\":[", to: &out)
        for (index, item) in post.media.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendRaw("{\"id\":", to: &out)
            JSONText.appendString(item.id, to: &out)
            if let hash = item.perceptualHash {
                JSONText.appendRaw(",\"phash\":", to: &out)
                JSONText.appendString(hex16(hash), to: &out)
            }
            out.append(0x7D)
        }
        JSONText.appendRaw("],\"meme_text\":", to: &out)
        JSONText.appendString(post.memeText, to: &out)
        JSONText.appendRaw(",\"labels\":", to: &out)
        JSONText.appendStrings(scores.labels, to: &out)
        JSONText.appendRaw(",\"probabilities\":", to: &out)
        appendProbabilities(scores, to: &out)
        JSONText.appendRaw(",\"rules\":[", to: &out)
        for (index, hit) in scores.ruleHits.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendRaw("{\"id\":", to: &out)
            JSONText.appendString(hit.id, to: &out)
            JSONText.appendRaw(",\"stance\":", to: &out)
            JSONText.appendString(hit.stance, to: &out)
            JSONText.appendRaw(",\"effect\":", to: &out)
            JSONText.appendString(hit.effect.rawValue, to: &out)
            JSONText.appendRaw(",\"field\":", to: &out)
            JSONText.appendString(hit.field.rawValue, to: &out)
            JSONText.appendRaw(",\"start\":", to: &out)
            out.append(contentsOf: Array(String(hit.start).utf8))
            JSONText.appendRaw(",\"end\":", to: &out)
            out.append(contentsOf: Array(String(hit.end).utf8))
            out.append(0x7D)
        }
        JSONText.appendRaw("]}\n", to: &out)
    }

    /// One JSON line (without the newline) for `classified`.
    public static func jsonLine(_ classified: ClassifiedPost) -> String {
        var out: [UInt8] = []
        appendJSONLine(classified, to: &out)
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes one line of `classify` output.
    /// - Throws: a message describing what is wrong (the caller adds file and line).
    public static func decode(line: some Collection<UInt8>) throws -> ClassifiedPost {
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: Data(line))
        } catch let error as DecodingError {
            throw RecordError(message: describe(error))
        }
        var createdAt: Int64?
        if let text = record.created_at {
            guard let seconds = UTCTime.parseISO8601(text) else {
                throw RecordError(message: "created_at is not an ISO 8601 time: \(text)")
            }
            createdAt = seconds
        }
        var hits: [RuleHit] = []
        for rule in record.rules ?? [] {
            guard let effect = RuleEffect(rawValue: rule.effect), let field = RuleField(rawValue: rule.field) else {
                throw RecordError(message: "rule \(rule.id) has an unknown effect or field")
            }
            hits.append(RuleHit(id: rule.id, stance: rule.stance ?? "", effect: effect, field: field, start: rule.start, end: rule.end))
        }
        let probabilities = (record.probabilities ?? [:]).sorted { $0.key < $1.key }
        let post = Post(
            id: record.id,
            account: AccountRef(id: record.account_id, handle: record.account ?? ""),
            createdAt: createdAt,
            timeResolution: record.time_resolution.flatMap(TimeResolution.init(rawValue:)) ?? .second,
            text: record.text ?? "",
            lang: record.lang ?? "",
            hashtags: record.hashtags ?? [],
            urls: record.urls ?? [],
            mentions: record.mentions ?? [],
            retweetOf: record.retweet_of,
            quoteOf: record.quote_of,
            replyTo: record.reply_to,
            media: (record.media ?? []).map { MediaItem(id: $0.id, perceptualHash: $0.phash.flatMap { UInt64($0, radix: 16) }) },
            memeText: record.meme_text ?? ""
        )
        let scores = StanceScores(
            stances: probabilities.map(\.key),
            probabilities: probabilities.map(\.value),
            labels: record.labels ?? [],
            ruleHits: hits
        )
        return ClassifiedPost(post: post, scores: scores)
    }

    /// Why a classified line could not be decoded.
    public struct RecordError: Error, CustomStringConvertible {
        /// One-line description.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    private struct Record: Decodable {
        struct Media: Decodable {
            var id: String
            var phash: String?
        }

        struct Rule: Decodable {
            var id: String
            var stance: String?
            var effect: String
            var field: String
            var start: Int
            var end: Int
        }

        var id: String
        var account_id: String
        var account: String?
        var created_at: String?
        var time_resolution: String?
        var text: String?
        var lang: String?
        var retweet_of: String?
        var quote_of: String?
        var reply_to: String?
        var hashtags: [String]?
        var urls: [String]?
        var mentions: [String]?
        var media: [Media]?
        var meme_text: String?
        var labels: [String]?
        var probabilities: [String: Double]?
        var rules: [Rule]?
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "bad value at \(path(context.codingPath))"
        case .keyNotFound(let key, _):
            return "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type for \(path(context.codingPath))"
        @unknown default:
            return "malformed record"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
