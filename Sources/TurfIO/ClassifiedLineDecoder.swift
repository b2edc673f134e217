import TurfCore

/// The fast reader of `classify` output lines that timelines, coordination and `analyze` share.
///
/// It reuses one `JSONTape` instead of `JSONDecoder` and reads every field except rule hits,
/// which no downstream stage uses (`ClassifiedPostCodec.decode` reads them). Any line it cannot
/// take whole goes to `ClassifiedPostCodec.decode`, so accepted lines and error messages match
/// the codec exactly. Measured at about 4x the codec's speed (docs/coordination.md). One
/// decoder per thread: it is a value holding scratch space.
public struct ClassifiedLineDecoder {
    private var tape = JSONTape()

    /// Creates a decoder with empty scratch space.
    public init() {}

    /// Decodes one line; the post's `scores.ruleHits` is empty.
    /// - Throws: the codec's error for a line that is not a valid classified record.
    public mutating func decode(_ line: UnsafeBufferPointer<UInt8>) throws -> ClassifiedPost {
        if let post = fastDecode(line) { return post }
        return try ClassifiedPostCodec.decode(line: line)
    }

    private mutating func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> ClassifiedPost? {
        if Self.hasSurrogateEscape(bytes) { return nil }
        do { try tape.parse(bytes) } catch { return nil }
        guard tape.nodes.first?.kind == .object,
              let idNode = tape.member(0, "id", in: bytes), let id = tape.string(idNode, in: bytes),
              let accountNode = tape.member(0, "account_id", in: bytes), let accountID = tape.string(accountNode, in: bytes)
        else { return nil }
        guard let handle = optionalString("account", bytes),
              let createdText = optionalString("created_at", bytes),
              let resolutionText = optionalString("time_resolution", bytes),
              let text = optionalString("text", bytes),
              let lang = optionalString("lang", bytes),
              let retweetOf = optionalString("retweet_of", bytes),
              let quoteOf = optionalString("quote_of", bytes),
              let replyTo = optionalString("reply_to", bytes),
              let memeText = optionalString("meme_text", bytes),
              let hashtags = strings("hashtags", bytes),
              let urls = strings("urls", bytes),
              let mentions = strings("mentions", bytes),
              let labels = strings("labels", bytes)
        else { return nil }
        var createdAt: Int64?
        if let createdText {
            guard let seconds = UTCTime.parseISO8601(createdText) else { return nil }
            createdAt = seconds
        }
        var resolution = TimeResolution.second
        if let resolutionText {
            guard let parsed = TimeResolution(rawValue: resolutionText) else { return nil }
            resolution = parsed
        }
        var media: [MediaItem] = []
        if let mediaNode = tape.member(0, "media", in: bytes), tape.kind(mediaNode) != .null {
            guard tape.kind(mediaNode) == .array else { return nil }
            var valid = true
            var items: [Int] = []
            tape.forEachElement(mediaNode) { items.append($0) }
            for item in items {
                guard tape.kind(item) == .object, let itemID = tape.member(item, "id", in: bytes),
                      let mediaID = tape.string(itemID, in: bytes) else { valid = false; break }
                var hash: UInt64?
                if let hashNode = tape.member(item, "phash", in: bytes), tape.kind(hashNode) != .null {
                    guard let hex = tape.string(hashNode, in: bytes) else { valid = false; break }
                    hash = UInt64(hex, radix: 16)
                }
                media.append(MediaItem(id: mediaID, perceptualHash: hash))
            }
            guard valid else { return nil }
        }
        var stances: [String] = []
        var probabilities: [Double] = []
        if let object = tape.member(0, "probabilities", in: bytes), tape.kind(object) != .null {
            guard tape.kind(object) == .object else { return nil }
            let end = Int(tape.nodes[object].next)
            var child = object + 1
            var pairs: [(String, Double)] = []
            while child < end {
                guard let name = tape.string(child, in: bytes), tape.kind(child + 1) == .number,
                      let literal = tape.scalarText(child + 1, in: bytes), let value = Double(literal)
                else { return nil }
                pairs.append((name, value))
                child = Int(tape.nodes[child + 1].next)
            }
            pairs.sort { $0.0 < $1.0 }
            stances = pairs.map(\.0)
            probabilities = pairs.map(\.1)
        }
        if let rules = tape.member(0, "rules", in: bytes), tape.kind(rules) != .null, tape.kind(rules) != .array { return nil }
        let post = Post(
            id: id, account: AccountRef(id: accountID, handle: handle ?? ""), createdAt: createdAt, timeResolution: resolution,
            text: text ?? "", lang: lang ?? "", hashtags: hashtags, urls: urls, mentions: mentions, retweetOf: retweetOf,
            quoteOf: quoteOf, replyTo: replyTo, media: media, memeText: memeText ?? ""
        )
        return ClassifiedPost(post: post, scores: StanceScores(stances: stances, probabilities: probabilities, labels: labels))
    }

    /// Whether the line holds a `\uD...` escape: surrogates are left to the codec, which rejects
    /// lone ones, so both decoders accept the same lines.
    private static func hasSurrogateEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let last = bytes.count - 2
        while index < last {
            if bytes[index] == 0x5C {
                if bytes[index + 1] == 0x75, bytes[index + 2] | 0x20 == 0x64 { return true }
                index += 2
            } else {
                index += 1
            }
        }
        return false
    }

    /// `.some(nil)` when the key is absent or null, `.some(value)` for a string, `nil` for another kind.
    private mutating func optionalString(_ key: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard let node = tape.member(0, key, in: bytes), tape.kind(node) != .null else { return .some(nil) }
        guard let value = tape.string(node, in: bytes) else { return nil }
        return .some(value)
    }

    /// The strings of an array (empty when absent or null), or `nil` when it holds anything else.
    private mutating func strings(_ key: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let node = tape.member(0, key, in: bytes), tape.kind(node) != .null else { return [] }
        guard tape.kind(node) == .array else { return nil }
        var elements: [Int] = []
        tape.forEachElement(node) { elements.append($0) }
        var out: [String] = []
        out.reserveCapacity(elements.count)
        for element in elements {
            guard let value = tape.string(element, in: bytes) else { return nil }
            out.append(value)
        }
        return out
    }
}
