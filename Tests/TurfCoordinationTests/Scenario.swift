import Foundation
import TurfCore
@testable import TurfCoordination

/// A seeded synthetic world for quality tests: organic traffic with the hard negatives an
/// investigation meets, plus planted campaigns of three styles.
struct Scenario {
    var posts: [ClassifiedPost] = []
    var switches: [SwitchEvent] = []
    /// Planted campaign members.
    var campaign: Set<String> = []
    /// Organic accounts by hard-negative kind.
    var negatives: [String: Set<String>] = [:]

    private var generator: SplitMix64
    private var nextPost = 0
    private let start: Int64 = 1_486_000_000
    private let span: Int64 = 7 * 86_400
    private let vocabulary: [String]

    /// Builds the world; `organic` ordinary accounts beside the fixed hard-negative groups.
    init(seed: UInt64, organic: Int = 800, campaigns: Bool = true) {
        generator = SplitMix64(seed: seed)
        var words: [String] = []
        for index in 0..<3000 { words.append("w\(String(index, radix: 36))") }
        vocabulary = words
        let popularTags = (0..<40).map { "tag\($0)" }
        let celebrityPosts = (0..<400).map { "celeb\($0)" }
        let articles = (0..<300).map { "https://news\($0 % 12).example/a/\($0)" }
        // Ordinary organic accounts.
        for index in 0..<organic {
            let account = "org\(index)"
            for _ in 0..<randomInt(4, 25) { organicPost(account, tags: popularTags, retweets: celebrityPosts, articles: articles) }
        }
        // Heavy organic users.
        for index in 0..<20 {
            let account = "heavy\(index)"
            negatives["heavy", default: []].insert(account)
            for _ in 0..<250 { organicPost(account, tags: popularTags, retweets: celebrityPosts, articles: articles) }
        }
        // Viral cascades: 3 posts, each retweeted by 250 organic accounts within about an hour.
        for viral in 0..<3 {
            let origin = start + Int64(viral + 1) * 86_400 + 3600
            for index in 0..<250 {
                let account = "viral\(viral)_\(index)"
                negatives["viral", default: []].insert(account)
                let delay = Int64(exponential(mean: 1200))
                add(account, time: origin + delay, text: "RT viral", retweetOf: "viralpost\(viral)")
                for _ in 0..<randomInt(2, 8) { organicPost(account, tags: popularTags, retweets: celebrityPosts, articles: articles) }
            }
        }
        // Live event: 400 accounts tweet #final during two hours, mostly in five 2-minute bursts.
        let eventStart = start + 4 * 86_400 + 72_000
        let bursts = (0..<5).map { eventStart + Int64($0) * 1400 + 300 }
        for index in 0..<400 {
            let account = "fan\(index)"
            negatives["live_event", default: []].insert(account)
            for _ in 0..<randomInt(1, 4) {
                let time = chance(0.6) ? bursts[randomInt(0, 4)] + Int64(randomInt(0, 120)) : eventStart + Int64(randomInt(0, 7200))
                add(account, time: time, text: sentence(randomInt(6, 12)), hashtags: ["final", chance(0.5) ? "goal" : "matchday"])
            }
            for _ in 0..<randomInt(2, 8) { organicPost(account, tags: popularTags, retweets: celebrityPosts, articles: articles) }
        }
        // News reactors: 250 accounts turn anti_candidate on the news day, share the story.
        let newsDay = start + 2 * 86_400
        for index in 0..<250 {
            let account = "news\(index)"
            negatives["news", default: []].insert(account)
            let switchTime = newsDay + Int64(exponential(mean: 10_800))
            switches.append(SwitchEvent(accountID: account, time: switchTime, from: "none", to: "anti_candidate", confidence: 0.9))
            for _ in 0..<randomInt(1, 3) {
                add(account, time: switchTime + Int64(randomInt(0, 20_000)), text: sentence(randomInt(8, 14)),
                    hashtags: ["scandal"], urls: ["https://bignews.example/story/\(randomInt(0, 2))"], labels: ["anti_candidate"])
            }
            for _ in 0..<randomInt(3, 10) { organicPost(account, tags: popularTags, retweets: celebrityPosts, articles: articles) }
        }
        // State-media fans: retweet and share the outlet's 30 posts within hours.
        for item in 0..<30 {
            let origin = start + Int64(item) * 20_000
            for index in 0..<100 where chance(0.5) {
                let account = "fan_sm\(index)"
                let time = origin + Int64(exponential(mean: 3600))
                if chance(0.6) {
                    add(account, time: time, text: "RT state media", retweetOf: "statemedia\(item)", labels: ["pro_kremlin"])
                } else {
                    add(account, time: time, text: sentence(randomInt(8, 14)), urls: ["https://rt.example/news/\(item)"], labels: ["pro_kremlin"])
                }
            }
        }
        for index in 0..<100 {
            negatives["state_media", default: []].insert("fan_sm\(index)")
            for _ in 0..<randomInt(2, 8) { organicPost("fan_sm\(index)", tags: popularTags, retweets: celebrityPosts, articles: articles) }
        }
        if campaigns { plantCampaigns(tags: popularTags, retweets: celebrityPosts, articles: articles) }
        posts.sort { ($0.post.createdAt ?? 0, $0.post.id) < ($1.post.createdAt ?? 0, $1.post.id) }
    }

    private mutating func plantCampaigns(tags: [String], retweets: [String], articles: [String]) {
        // Copy-paste cell: 25 accounts post the same 15 messages within 3 minutes.
        let copy = (0..<25).map { "copy\($0)" }
        for message in 0..<15 {
            let text = sentence(14)
            let origin = start + Int64(randomInt(0, Int(span) - 3600))
            for account in copy where chance(0.8) {
                add(account, time: origin + Int64(randomInt(0, 180)), text: text + (chance(0.3) ? " \(vocabulary[randomInt(0, 2999)])" : ""),
                    hashtags: ["dontvotex"], urls: ["https://campaign.example/p/\(message)"], labels: ["anti_candidate"])
            }
        }
        // Retweet ring: 30 accounts retweet 3 leaders' 20 posts within a minute.
        let ring = (0..<30).map { "ring\($0)" }
        for post in 0..<20 {
            let origin = start + Int64(randomInt(0, Int(span) - 3600))
            for account in ring where chance(0.7) {
                add(account, time: origin + Int64(randomInt(5, 55)), text: "RT ring", retweetOf: "leader\(post % 3)_\(post)", labels: ["pro_kremlin"])
            }
        }
        // Subtle cell: 12 accounts, paraphrased texts, loose timing, shared obscure links and memes,
        // and a switch to anti_candidate on a quiet day.
        let subtle = (0..<12).map { "subtle\($0)" }
        for link in 0..<10 {
            let base = sentence(14)
            let origin = start + Int64(randomInt(0, Int(span) - 7200))
            for account in subtle where chance(0.6) {
                add(account, time: origin + Int64(randomInt(0, 540)), text: paraphrase(base),
                    urls: ["https://obscure\(link % 3).example/x/\(link)"], labels: ["anti_candidate"])
            }
        }
        for meme in 0..<5 {
            let hash = generator.next()
            let origin = start + Int64(randomInt(0, Int(span) - 7200))
            for account in subtle where chance(0.5) {
                var flipped = hash
                for _ in 0..<randomInt(0, 3) { flipped ^= 1 << UInt64(randomInt(0, 63)) }
                add(account, time: origin + Int64(randomInt(0, 2400)), text: sentence(6), media: [MediaItem(id: "m\(meme)", perceptualHash: flipped)], labels: ["anti_candidate"])
            }
        }
        let quietDay = start + 5 * 86_400 + 20_000
        for account in subtle {
            switches.append(SwitchEvent(accountID: account, time: quietDay + Int64(randomInt(0, 20_000)), from: "pro_kremlin", to: "anti_candidate"))
        }
        for account in copy + ring + subtle {
            campaign.insert(account)
            for _ in 0..<randomInt(4, 15) { organicPost(account, tags: tags, retweets: retweets, articles: articles) }
        }
    }

    private mutating func organicPost(_ account: String, tags: [String], retweets: [String], articles: [String]) {
        let time = start + Int64(randomInt(0, Int(span) - 1))
        let roll = randomInt(0, 9)
        if roll < 3 {
            add(account, time: time, text: "RT", retweetOf: retweets[zipf(retweets.count)])
        } else {
            var hashtags: [String] = []
            if chance(0.4) { hashtags.append(tags[zipf(tags.count)]) }
            var urls: [String] = []
            if chance(0.25) { urls.append(articles[zipf(articles.count)]) }
            add(account, time: time, text: sentence(randomInt(5, 16)), hashtags: hashtags, urls: urls)
        }
    }

    private mutating func add(
        _ account: String, time: Int64, text: String, hashtags: [String] = [], urls: [String] = [],
        retweetOf: String? = nil, media: [MediaItem] = [], labels: [String] = []
    ) {
        nextPost += 1
        let post = Post(id: "p\(nextPost)", account: AccountRef(id: account, handle: "@" + account), createdAt: time, text: text,
                        hashtags: hashtags, urls: urls, retweetOf: retweetOf, media: media)
        posts.append(ClassifiedPost(post: post, scores: StanceScores(stances: ["anti_candidate", "pro_kremlin"], probabilities: [0, 0], labels: labels)))
    }

    private mutating func sentence(_ words: Int) -> String {
        (0..<words).map { _ in vocabulary[randomInt(0, vocabulary.count - 1)] }.joined(separator: " ")
    }

    /// Replaces about a fifth of the words, keeping word-bigram Jaccard below an exact copy's.
    private mutating func paraphrase(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        for index in words.indices where chance(0.2) { words[index] = vocabulary[randomInt(0, vocabulary.count - 1)] }
        return words.joined(separator: " ")
    }

    private mutating func randomInt(_ low: Int, _ high: Int) -> Int { Int.random(in: low...high, using: &generator) }
    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    private mutating func exponential(mean: Double) -> Double { -mean * log(1 - Double.random(in: 0..<1, using: &generator)) }
    /// A Zipf-like index in `0..<count` (popular items first).
    private mutating func zipf(_ count: Int) -> Int {
        min(count - 1, Int(exp(Double.random(in: 0..<log(Double(count) + 1), using: &generator))) - 1)
    }
}

/// Ranking quality against a set of positives.
struct RankingQuality {
    /// Average precision (the area under the precision-recall curve, step-wise).
    var averagePrecision: Double
    /// Precision at k = number of positives.
    var precisionAtK: Double
    /// Accounts of `negatives` in the top k, by kind.
    var negativesInTopK: [String: Int]

    init(ranking: [String], positives: Set<String>, negatives: [String: Set<String>]) {
        var hits = 0
        var sum = 0.0
        for (position, account) in ranking.enumerated() where positives.contains(account) {
            hits += 1
            sum += Double(hits) / Double(position + 1)
        }
        averagePrecision = positives.isEmpty ? 0 : sum / Double(positives.count)
        let top = ranking.prefix(positives.count)
        precisionAtK = Double(top.filter(positives.contains).count) / Double(max(1, positives.count))
        negativesInTopK = negatives.mapValues { kind in top.filter(kind.contains).count }
    }
}
