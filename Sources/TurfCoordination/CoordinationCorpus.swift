import Dispatch
import TurfCore

/// The compact store of everything coordination scoring needs from posts and stance switches.
///
/// Posts are added one at a time (or in parallel batches), so a large export streams through
/// without keeping `ClassifiedPost` values: per post the corpus keeps its id, account, time and
/// label set, plus one `Action` (24 bytes) per shared item and one 64-byte MinHash signature
/// per distinct text.
public struct CoordinationCorpus: Sendable {
    /// The configuration items are extracted under.
    public let config: CoordinationConfig

    var accountIndex: [String: UInt32] = [:]
    var accountIDs: [String] = []
    var handles: [String] = []
    var postCounts: [Int32] = []
    var postIDs = ByteArena()
    var postAccounts: [UInt32] = []
    var postLabelSets: [UInt16] = []
    var labelSets: [[String]] = [[]]
    private var labelSetIndex: [[String]: UInt16] = [[]: 0]
    var actions: [[Action]] = CoordinationSignal.allCases.map { _ in [] }
    var displays: [[UInt64: UInt32]] = CoordinationSignal.allCases.map { _ in [:] }
    var displayText = ByteArena()
    var textIndex: [UInt64: UInt32] = [:]
    var textSnippets = ByteArena()
    var signatures: [UInt8] = []
    var perceptualHashIndex: [UInt64: UInt32] = [:]
    var perceptualHashes: [UInt64] = []
    var switches: [SwitchEvent] = []
    /// Posts without a time: counted for their account but unusable for co-actions.
    public private(set) var postsWithoutTime = 0

    /// Posts added.
    public var postCount: Int { postIDs.count }
    /// Distinct accounts seen.
    public var accountCount: Int { accountIDs.count }

    /// Creates an empty corpus.
    public init(config: CoordinationConfig = CoordinationConfig()) {
        self.config = config
    }

    /// Adds one post.
    public mutating func add(_ post: ClassifiedPost) {
        add(extracted: ExtractedPost(post, config: config))
    }

    /// Adds posts, extracting them on `config.threads` threads; order is kept.
    public mutating func add(contentsOf posts: [ClassifiedPost]) {
        for extracted in Self.extract(posts, config: config) { add(extracted: extracted) }
    }

    /// Extracts posts in parallel, in order.
    public static func extract(_ posts: [ClassifiedPost], config: CoordinationConfig) -> [ExtractedPost] {
        let workers = max(1, min(config.threads, posts.count / 256))
        if workers == 1 {
            var shingler = TextShingler()
            return posts.map { ExtractedPost($0, config: config, shingler: &shingler, hasher: .shared) }
        }
        let output = WorkerSlots<ExtractedPost?>(count: posts.count, repeating: nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var shingler = TextShingler()
            let lower = posts.count * worker / workers
            let upper = posts.count * (worker + 1) / workers
            for index in lower..<upper {
                output[index] = ExtractedPost(posts[index], config: config, shingler: &shingler, hasher: .shared)
            }
        }
        return output.map { $0! }
    }

    /// Adds a post extracted earlier (by `ExtractedPost.init` under the same configuration).
    public mutating func add(extracted post: ExtractedPost) {
        let account = accountNumber(post.accountID, handle: post.handle)
        postCounts[Int(account)] += 1
        let postIndex = UInt32(postIDs.count)
        postIDs.append(post.id)
        postAccounts.append(account)
        postLabelSets.append(labelSetNumber(post.labels))
        guard var time = post.time else {
            postsWithoutTime += 1
            return
        }
        var tagged = postIndex
        if post.minute {
            time = UTCTime.floorDiv(time, 60) * 60
            tagged |= Action.minuteFlag
        }
        func record(_ signal: CoordinationSignal, _ key: UInt64, _ display: @autoclosure () -> String) {
            actions[signal.rawValue].append(Action(key: key, time: time, account: account, post: tagged))
            if displays[signal.rawValue][key] == nil {
                displays[signal.rawValue][key] = UInt32(displayText.append(display(), limit: 100))
            }
        }
        if let retweet = post.retweet {
            record(.retweet, Hashing.hash(retweet, seed: 0x4554), retweet)
        }
        if let textHash = post.textHash {
            if textIndex[textHash] == nil {
                textIndex[textHash] = UInt32(textIndex.count)
                signatures.append(contentsOf: post.signature)
                textSnippets.append(post.snippet, limit: 64)
            }
            actions[CoordinationSignal.text.rawValue].append(Action(key: textHash, time: time, account: account, post: tagged))
        }
        for tag in post.hashtags { record(.hashtag, Hashing.hash(tag, seed: 0x2323), "#" + tag) }
        for url in post.urls { record(.url, Hashing.hash(url, seed: 0x5552), url) }
        for domain in post.domains { record(.domain, Hashing.hash(domain, seed: 0xD0D0), domain) }
        for hash in post.perceptualHashes {
            if perceptualHashIndex[hash] == nil {
                perceptualHashIndex[hash] = UInt32(perceptualHashes.count)
                perceptualHashes.append(hash)
            }
            record(.meme, Self.perceptualKey(hash), "phash:" + Self.hex(hash))
        }
        if let memeKey = post.memeTextHash { record(.meme, memeKey, post.memeText) }
    }

    /// Adds stance switches for the synchronised-switch signal; switches of accounts without
    /// posts are kept too (their accounts appear with 0 posts).
    public mutating func add(switches events: [SwitchEvent]) {
        guard config[.stanceSwitch].enabled else { return }
        for event in events {
            let account = accountNumber(event.accountID, handle: "")
            let key = Hashing.hash(event.to, seed: 0x5717)
            let index = UInt32(switches.count)
            switches.append(event)
            actions[CoordinationSignal.stanceSwitch.rawValue].append(Action(key: key, time: event.time, account: account, post: index))
        }
    }

    /// The display string of `key` in `signal`.
    func display(_ signal: CoordinationSignal, _ key: UInt64) -> String {
        if signal == .text {
            guard let index = textIndex[key] else { return "" }
            return textSnippets[Int(index)]
        }
        guard let index = displays[signal.rawValue][key] else { return "" }
        return displayText[Int(index)]
    }

    static func perceptualKey(_ hash: UInt64) -> UInt64 { Hashing.mix(hash ^ 0x9E3D_0000_0000_0000) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private mutating func accountNumber(_ id: String, handle: String) -> UInt32 {
        if let index = accountIndex[id] {
            if !handle.isEmpty, handles[Int(index)].isEmpty { handles[Int(index)] = handle }
            return index
        }
        let index = UInt32(accountIDs.count)
        accountIndex[id] = index
        accountIDs.append(id)
        handles.append(handle)
        postCounts.append(0)
        return index
    }

    private mutating func labelSetNumber(_ labels: [String]) -> UInt16 {
        if let index = labelSetIndex[labels] { return index }
        guard labelSets.count < Int(UInt16.max) else { return 0 }
        let index = UInt16(labelSets.count)
        labelSets.append(labels)
        labelSetIndex[labels] = index
        return index
    }
}
