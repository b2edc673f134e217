import TurfCoordination
import TurfCore
import TurfTimeline

/// Turns a run's results (classified posts, stance timelines, coordination scores) into the
/// report's view model: which clusters to show, what they shared, whose timelines to draw.
public enum ReportBuilder {
    /// How many cluster cards the report shows at most.
    public static let maximumClusters = 12
    /// How many accounts the network chart draws at most.
    public static let maximumNetworkNodes = 150
    /// How many claims per stance the report lists.
    public static let claimsPerStance = 8
    /// A cluster is shown as suspicious when its members' mean score reaches this; weaker
    /// clusters stay in `clusters.jsonl` and are counted in the summary.
    public static let minimumClusterScore = 0.5

    /// The report input for a run.
    /// - Parameters:
    ///   - title: the page title.
    ///   - posts: the classified posts of the run.
    ///   - timelines: the accounts' stance timelines.
    ///   - coordination: the coordination scores, pairs and clusters.
    ///   - skipped: input lines skipped as bad.
    ///   - reproduce: shell commands that reproduce the run.
    ///   - generatedAt: when the run happened, seconds since 1970.
    /// - Complexity: O(posts + pairs + accounts).
    public static func build(
        title: String, posts: [ClassifiedPost], timelines: TimelineSet, coordination: CoordinationResult,
        skipped: Int, reproduce: [String], generatedAt: Int64
    ) -> ReportInput {
        let stances = timelines.stances
        let scores = Dictionary(coordination.accounts.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        let timelineOf = Dictionary(timelines.accounts.map { ($0.accountID, $0) }, uniquingKeysWith: { first, _ in first })
        var cards: [ClusterCard] = []
        var shownClusters: [Cluster] = []
        for cluster in coordination.clusters where cards.count < maximumClusters {
            let card = card(for: cluster, scores: scores, timelineOf: timelineOf, timelines: timelines)
            guard card.score >= minimumClusterScore else { continue }
            cards.append(card)
            shownClusters.append(cluster)
        }
        return ReportInput(
            title: title, generatedAt: generatedAt,
            summary: summary(
                posts: posts, stances: stances, timelines: timelines, flagged: cards.reduce(0) { $0 + $1.members.count },
                weakClusters: coordination.clusters.count - cards.count, skipped: skipped
            ),
            stances: stances, clusters: cards,
            network: network(clusters: shownClusters, coordination: coordination, scores: scores),
            topClaims: topClaims(posts: posts, stances: stances), reproduce: reproduce
        )
    }

    private static func summary(
        posts: [ClassifiedPost], stances: [String], timelines: TimelineSet, flagged: Int, weakClusters: Int, skipped: Int
    ) -> ReportSummary {
        var perStance = [Int](repeating: 0, count: stances.count)
        let stanceIndex = Dictionary(stances.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var accounts = Set<String>()
        var earliest = Int64.max, latest = Int64.min
        for classified in posts {
            accounts.insert(classified.post.account.id)
            for label in classified.scores.labels { if let index = stanceIndex[label] { perStance[index] += 1 } }
            if let time = classified.post.createdAt {
                earliest = min(earliest, time)
                latest = max(latest, time)
            }
        }
        return ReportSummary(
            posts: posts.count, accounts: accounts.count, skipped: skipped,
            timeRange: earliest <= latest ? earliest...latest : nil, postsPerStance: perStance,
            switchedAccounts: timelines.accounts.filter { !$0.switches.isEmpty }.count,
            flaggedAccounts: flagged, weakClusters: weakClusters
        )
    }

    private static func card(
        for cluster: Cluster, scores: [String: AccountScore], timelineOf: [String: AccountTimeline], timelines: TimelineSet
    ) -> ClusterCard {
        var members: [MemberRow] = cluster.members.map { id in
            let score = scores[id]
            return MemberRow(accountID: id, handle: score?.handle ?? "", score: score?.score ?? 0, posts: score?.posts ?? 0)
        }
        members.sort { $0.score != $1.score ? $0.score > $1.score : $0.accountID < $1.accountID }
        let totalScore = members.reduce(0.0) { $0 + $1.score }
        let meanScore = members.isEmpty ? 0 : totalScore / Double(members.count)
        func items(_ signals: Set<CoordinationSignal>) -> [ReportItem] {
            cluster.sharedItems.filter { signals.contains($0.signal) }.map { ReportItem(label: label(of: $0), count: $0.accounts) }
        }
        var signalCounts: [CoordinationSignal: Int] = [:]
        for item in cluster.sharedItems { signalCounts[item.signal, default: 0] += 1 }
        let signals = signalCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ReportItem(label: signalTitle($0.key), count: $0.value) }
        let series = members.prefix(ReportRenderer.timelinesPerCard).compactMap { member in
            timelineOf[member.accountID].map { accountSeries($0, timelines: timelines) }
        }
        return ClusterCard(
            id: String(cluster.id), score: meanScore, members: members,
            dominantStances: cluster.dominantStances.filter { $0.share >= 0.2 && $0.stance != TimelineSet.noneCategory }.map(\.stance),
            sharedHashtags: items([.hashtag]), sharedTexts: items([.text, .retweet]), sharedURLs: items([.url, .domain]),
            sharedMemes: items([.meme]), switchTime: cluster.switchTime, signals: signals, timelines: series
        )
    }

    private static func label(of item: SharedItem) -> String {
        switch item.signal {
        case .hashtag: item.item.hasPrefix("#") ? item.item : "#" + item.item
        case .retweet: "retweeted post " + item.item
        case .domain: "domain " + item.item
        default: item.item
        }
    }

    private static func signalTitle(_ signal: CoordinationSignal) -> String {
        switch signal {
        case .retweet: "co-retweets"
        case .text: "near-identical texts"
        case .hashtag: "co-hashtags"
        case .url: "co-links"
        case .domain: "co-domains"
        case .meme: "co-memes"
        case .stanceSwitch: "synchronised switches"
        }
    }

    private static func accountSeries(_ timeline: AccountTimeline, timelines: TimelineSet) -> AccountSeries {
        let buckets = timeline.buckets
        let categories = timelines.categories.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: buckets.count), count: categories)
        for (position, bucket) in buckets.enumerated() {
            for category in 0..<min(categories, bucket.counts.count) { counts[category][position] = bucket.counts[category] }
        }
        return AccountSeries(
            accountID: timeline.accountID, handle: timeline.account.handle,
            bucketStarts: buckets.map { timelines.time(ofBucket: $0.index) }, counts: counts,
            switches: timeline.switches.map { SwitchMark(time: $0.time, from: $0.from, to: $0.to) }
        )
    }

    private static func network(clusters: [Cluster], coordination: CoordinationResult, scores: [String: AccountScore]) -> NetworkView {
        var nodes: [NetworkView.Node] = []
        var index: [String: Int] = [:]
        for cluster in clusters {
            for member in cluster.members where index[member] == nil {
                guard nodes.count < maximumNetworkNodes else { break }
                index[member] = nodes.count
                let score = scores[member]
                let handle = score?.handle ?? ""
                nodes.append(NetworkView.Node(id: member, label: handle.isEmpty ? member : "@" + handle, cluster: String(cluster.id), score: score?.score ?? 0))
            }
        }
        let edges = coordination.pairs.compactMap { pair -> NetworkView.Edge? in
            guard let a = index[pair.accountA], let b = index[pair.accountB], pair.excess > 0 else { return nil }
            return NetworkView.Edge(a: a, b: b, weight: pair.excess)
        }
        return NetworkView(nodes: nodes, edges: edges)
    }

    /// The most repeated texts per stance, counting a retweet as a repetition of what it quotes.
    private static func topClaims(posts: [ClassifiedPost], stances: [String]) -> [StanceClaims] {
        var counts = [[String: Int]](repeating: [:], count: stances.count)
        var shown: [String: String] = [:]
        let stanceIndex = Dictionary(stances.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for classified in posts {
            let text = claimText(classified.post.text)
            guard !text.isEmpty else { continue }
            let key = text.lowercased()
            if shown[key] == nil { shown[key] = text }
            for label in classified.scores.labels {
                if let stance = stanceIndex[label] { counts[stance][key, default: 0] += 1 }
            }
        }
        return stances.enumerated().map { stance, name in
            let top = counts[stance].filter { $0.value >= 2 }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(claimsPerStance)
                .map { ReportItem(label: shown[$0.key] ?? $0.key, count: $0.value) }
            return StanceClaims(stance: name, claims: Array(top))
        }
    }

    /// A post's text without the `RT @handle:` prefix and links, white space folded.
    static func claimText(_ text: String) -> String {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if words.count >= 2, words[0] == "RT", words[1].hasPrefix("@") { words.removeFirst(2) }
        return words.filter { !$0.hasPrefix("http://") && !$0.hasPrefix("https://") }.joined(separator: " ")
    }
}
