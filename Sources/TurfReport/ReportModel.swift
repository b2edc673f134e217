/// Everything the investigator's report shows, as plain values.
///
/// The report depends on this view model rather than on the scorer's internals, so any
/// pipeline (or an embedding program) can fill it and get the same page.
public struct ReportInput: Sendable {
    /// The page title, e.g. "turfwatch report: stoke-central sample".
    public var title: String
    /// When the run happened, seconds since 1970 (UTC).
    public var generatedAt: Int64
    /// Headline figures.
    public var summary: ReportSummary
    /// Stance names in display order; colours follow this order.
    public var stances: [String]
    /// Suspicious clusters, most suspicious first.
    public var clusters: [ClusterCard]
    /// The account network of the top clusters.
    public var network: NetworkView
    /// The most repeated claims (texts) per stance.
    public var topClaims: [StanceClaims]
    /// Shell commands that reproduce the run.
    public var reproduce: [String]

    /// Creates a report input.
    public init(
        title: String, generatedAt: Int64, summary: ReportSummary, stances: [String],
        clusters: [ClusterCard], network: NetworkView, topClaims: [StanceClaims], reproduce: [String]
    ) {
        self.title = title
        self.generatedAt = generatedAt
        self.summary = summary
        self.stances = stances
        self.clusters = clusters
        self.network = network
        self.topClaims = topClaims
        self.reproduce = reproduce
    }
}

/// Headline figures of a run.
public struct ReportSummary: Sendable {
    /// Posts read and classified.
    public var posts: Int
    /// Distinct accounts.
    public var accounts: Int
    /// Posts skipped as bad input.
    public var skipped: Int
    /// First and last post time, seconds since 1970, when known.
    public var timeRange: ClosedRange<Int64>?
    /// Posts carrying each stance label, aligned with `ReportInput.stances`.
    public var postsPerStance: [Int]
    /// Accounts whose stance switched.
    public var switchedAccounts: Int
    /// Accounts in suspicious clusters.
    public var flaggedAccounts: Int
    /// Clusters found but too weak to show as suspicious.
    public var weakClusters: Int

    /// Creates a summary.
    public init(
        posts: Int, accounts: Int, skipped: Int, timeRange: ClosedRange<Int64>?,
        postsPerStance: [Int], switchedAccounts: Int, flaggedAccounts: Int, weakClusters: Int = 0
    ) {
        self.posts = posts
        self.accounts = accounts
        self.skipped = skipped
        self.timeRange = timeRange
        self.postsPerStance = postsPerStance
        self.switchedAccounts = switchedAccounts
        self.flaggedAccounts = flaggedAccounts
        self.weakClusters = weakClusters
    }
}

/// A labelled count the report lists: an item a cluster shared (hashtag, text, URL, meme), a signal, a claim.
public struct ReportItem: Sendable, Hashable {
    /// The item as a person reads it.
    public var label: String
    /// How many member posts carried it.
    public var count: Int

    /// Creates a shared item.
    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

/// One member account of a cluster as the card lists it.
public struct MemberRow: Sendable, Hashable {
    /// The account id.
    public var accountID: String
    /// The handle, possibly empty.
    public var handle: String
    /// Coordination score, 0 to 1.
    public var score: Double
    /// Posts by the account in the input.
    public var posts: Int

    /// Creates a member row.
    public init(accountID: String, handle: String, score: Double, posts: Int) {
        self.accountID = accountID
        self.handle = handle
        self.score = score
        self.posts = posts
    }
}

/// One account's stance series for the small-multiple charts.
public struct AccountSeries: Sendable, Hashable {
    /// The account id.
    public var accountID: String
    /// The handle, possibly empty.
    public var handle: String
    /// Start time of each bucket, seconds since 1970, ascending.
    public var bucketStarts: [Int64]
    /// Posts per stance per bucket: `counts[s][b]` for stance `s` of `ReportInput.stances`
    /// (plus a last row for posts with no stance).
    public var counts: [[Int]]
    /// Switch times (seconds since 1970) with the stance switched to.
    public var switches: [SwitchMark]

    /// Creates a series.
    public init(accountID: String, handle: String, bucketStarts: [Int64], counts: [[Int]], switches: [SwitchMark]) {
        self.accountID = accountID
        self.handle = handle
        self.bucketStarts = bucketStarts
        self.counts = counts
        self.switches = switches
    }
}

/// A stance switch drawn on a timeline.
public struct SwitchMark: Sendable, Hashable {
    /// When, seconds since 1970.
    public var time: Int64
    /// The stance before.
    public var from: String
    /// The stance after.
    public var to: String

    /// Creates a switch mark.
    public init(time: Int64, from: String, to: String) {
        self.time = time
        self.from = from
        self.to = to
    }
}

/// A suspicious cluster as one card of the report.
public struct ClusterCard: Sendable {
    /// The cluster id used in `accounts.csv`.
    public var id: String
    /// The cluster's score, 0 to 1.
    public var score: Double
    /// Members, highest score first.
    public var members: [MemberRow]
    /// The stances most of its posts carry.
    public var dominantStances: [String]
    /// Shared hashtags, texts, URLs and memes.
    public var sharedHashtags: [ReportItem]
    /// Near-identical texts posted by several members.
    public var sharedTexts: [ReportItem]
    /// Shared links.
    public var sharedURLs: [ReportItem]
    /// Shared meme captions or image hashes.
    public var sharedMemes: [ReportItem]
    /// The time most members switched stance, when they did.
    public var switchTime: Int64?
    /// The signals that tie the members (e.g. "co-retweet 41, near-duplicate text 17").
    public var signals: [ReportItem]
    /// Stance timelines of (some of) its members.
    public var timelines: [AccountSeries]

    /// Creates a cluster card.
    public init(
        id: String, score: Double, members: [MemberRow], dominantStances: [String],
        sharedHashtags: [ReportItem], sharedTexts: [ReportItem], sharedURLs: [ReportItem],
        sharedMemes: [ReportItem], switchTime: Int64?, signals: [ReportItem], timelines: [AccountSeries]
    ) {
        self.id = id
        self.score = score
        self.members = members
        self.dominantStances = dominantStances
        self.sharedHashtags = sharedHashtags
        self.sharedTexts = sharedTexts
        self.sharedURLs = sharedURLs
        self.sharedMemes = sharedMemes
        self.switchTime = switchTime
        self.signals = signals
        self.timelines = timelines
    }
}

/// The account graph to draw.
public struct NetworkView: Sendable {
    /// A node: an account.
    public struct Node: Sendable, Hashable {
        /// The account id.
        public var id: String
        /// The label to show (handle or id).
        public var label: String
        /// The cluster id, for colour.
        public var cluster: String
        /// Coordination score, 0 to 1, for size.
        public var score: Double

        /// Creates a node.
        public init(id: String, label: String, cluster: String, score: Double) {
            self.id = id
            self.label = label
            self.cluster = cluster
            self.score = score
        }
    }

    /// An undirected weighted edge between two node indices.
    public struct Edge: Sendable, Hashable {
        /// Index of one end in `nodes`.
        public var a: Int
        /// Index of the other end.
        public var b: Int
        /// Edge weight (larger is stronger).
        public var weight: Double

        /// Creates an edge.
        public init(a: Int, b: Int, weight: Double) {
            self.a = a
            self.b = b
            self.weight = weight
        }
    }

    /// The nodes.
    public var nodes: [Node]
    /// The edges.
    public var edges: [Edge]

    /// Creates a network view.
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// The most repeated claims of one stance.
public struct StanceClaims: Sendable {
    /// The stance.
    public var stance: String
    /// Claims (post texts, normalised), most posted first.
    public var claims: [ReportItem]

    /// Creates stance claims.
    public init(stance: String, claims: [ReportItem]) {
        self.stance = stance
        self.claims = claims
    }
}
