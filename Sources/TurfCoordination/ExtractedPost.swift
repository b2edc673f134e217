import TurfCore

/// What coordination keeps of one post, computed without shared state so many posts can be
/// extracted in parallel before they enter a `CoordinationCorpus` in order.
public struct ExtractedPost: Sendable {
    var id: String
    var accountID: String
    var handle: String
    var time: Int64?
    var minute: Bool
    var labels: [String]
    var retweet: String?
    var textHash: UInt64?
    var signature: [UInt8]
    var snippet: String
    var hashtags: [String]
    var urls: [String]
    var domains: [String]
    var perceptualHashes: [UInt64]
    var memeTextHash: UInt64?
    var memeText: String
    /// Stance names and probabilities, filled only when a `PostStanceLog` will keep them.
    var stances: [String] = []
    var probabilities: [Float] = []

    /// Extracts `classified` under `config` (text normalisation, shingles, MinHash, item forms).
    /// - Complexity: O(text length + shingles × 64).
    public init(_ classified: ClassifiedPost, config: CoordinationConfig) {
        var shingler = TextShingler()
        self.init(classified, config: config, shingler: &shingler, hasher: MinHasher.shared)
    }

    init(_ classified: ClassifiedPost, config: CoordinationConfig, shingler: inout TextShingler, hasher: MinHasher) {
        let post = classified.post
        id = post.id
        accountID = post.account.id
        handle = post.account.handle
        time = post.createdAt
        minute = post.timeResolution == .minute
        labels = classified.scores.labels
        retweet = config[.retweet].enabled ? (post.retweetOf ?? post.quoteOf) : nil
        textHash = nil
        signature = []
        snippet = ""
        if config[.text].enabled, post.retweetOf == nil {
            shingler.tokenize(post.text)
            if shingler.tokens.count >= config.minTextTokens {
                var state: UInt64 = 0x7E57
                for token in shingler.tokens { state = Hashing.combine(state, token) }
                textHash = state
                signature.reserveCapacity(MinHasher.length)
                hasher.appendSignature(tokens: shingler.tokens, shingleSize: config.shingleSize, to: &signature)
                snippet = post.text
            }
        }
        var tags: [String] = []
        if config[.hashtag].enabled {
            for tag in post.hashtags {
                let normal = ItemNormaliser.hashtag(tag)
                if !normal.isEmpty, !tags.contains(normal) { tags.append(normal) }
            }
        }
        hashtags = tags
        var links: [String] = []
        var hosts: [String] = []
        if config[.url].enabled || config[.domain].enabled {
            for url in post.urls {
                guard let normal = ItemNormaliser.url(url) else { continue }
                if !links.contains(normal.url) { links.append(normal.url) }
                if !hosts.contains(normal.domain) { hosts.append(normal.domain) }
            }
        }
        urls = config[.url].enabled ? links : []
        domains = config[.domain].enabled ? hosts : []
        var hashes: [UInt64] = []
        memeTextHash = nil
        memeText = ""
        if config[.meme].enabled {
            for item in post.media {
                if let hash = item.perceptualHash, !hashes.contains(hash) { hashes.append(hash) }
            }
            if !post.memeText.isEmpty {
                shingler.tokenize(post.memeText)
                if shingler.tokens.count >= 2 {
                    var state: UInt64 = 0x3E3E
                    for token in shingler.tokens { state = Hashing.combine(state, token) }
                    memeTextHash = state
                    memeText = post.memeText
                }
            }
        }
        perceptualHashes = hashes
    }
}

extension MinHasher {
    /// The one hash family every signature is computed with.
    static let shared = MinHasher()
}
