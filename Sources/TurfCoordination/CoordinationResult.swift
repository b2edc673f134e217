/// One co-action a person can check: two posts, their times and the item they share.
public struct EvidenceItem: Hashable, Sendable {
    /// The kind of co-action.
    public var signal: CoordinationSignal
    /// The shared item as a person reads it: the hashtag, URL, domain, retweeted post id,
    /// a text snippet, a perceptual hash in hex or meme text, or `from->to` for a switch.
    public var item: String
    /// The first account's id.
    public var accountA: String
    /// The first account's post id (empty for a stance switch).
    public var postA: String
    /// The first action's time, seconds since 1970.
    public var timeA: Int64
    /// The second account's id.
    public var accountB: String
    /// The second account's post id (empty for a stance switch).
    public var postB: String
    /// The second action's time.
    public var timeB: Int64
    /// The co-action's weight (rarity of the item times the signal's weight).
    public var weight: Double

    /// Creates an evidence item.
    public init(
        signal: CoordinationSignal, item: String, accountA: String, postA: String, timeA: Int64,
        accountB: String, postB: String, timeB: Int64, weight: Double
    ) {
        self.signal = signal
        self.item = item
        self.accountA = accountA
        self.postA = postA
        self.timeA = timeA
        self.accountB = accountB
        self.postB = postB
        self.timeB = timeB
        self.weight = weight
    }
}

/// The evidence that two accounts act in concert, against what chance would give them.
public struct PairEvidence: Hashable, Sendable {
    /// The first account's id (the smaller index in input order).
    public var accountA: String
    /// The second account's id.
    public var accountB: String
    /// Co-actions (distinct shared items within their windows), all signals together.
    public var coActions: Int
    /// Observed evidence: the sum of the co-actions' weights.
    public var weight: Double
    /// What two independent accounts with the same activity would share by chance (null model).
    public var expected: Double
    /// `weight - expected`: the pair's edge weight in the graph.
    public var excess: Double
    /// `-log10` of the Poisson probability of at least `coActions` co-actions by chance.
    public var significance: Double
    /// Observed evidence per signal, indexed by `CoordinationSignal.rawValue`.
    public var weightBySignal: [Double]
    /// The strongest co-actions.
    public var evidence: [EvidenceItem]

    /// The signals with any evidence, strongest first.
    public var signals: [CoordinationSignal] {
        CoordinationSignal.allCases.filter { weightBySignal[$0.rawValue] > 0 }
            .sorted { weightBySignal[$0.rawValue] > weightBySignal[$1.rawValue] }
    }

    /// Creates pair evidence.
    public init(
        accountA: String, accountB: String, coActions: Int, weight: Double, expected: Double,
        excess: Double, significance: Double, weightBySignal: [Double], evidence: [EvidenceItem]
    ) {
        self.accountA = accountA
        self.accountB = accountB
        self.coActions = coActions
        self.weight = weight
        self.expected = expected
        self.excess = excess
        self.significance = significance
        self.weightBySignal = weightBySignal
        self.evidence = evidence
    }
}

/// How coordinated one account looks, with the evidence behind it.
public struct AccountScore: Hashable, Sendable {
    /// The account's id.
    public var accountID: String
    /// The account's handle (empty when unknown).
    public var handle: String
    /// Posts read for this account.
    public var posts: Int
    /// 0 (no evidence) to 1; `raw / (raw + scoreHalfPoint)`.
    public var score: Double
    /// Mean excess evidence of the account's strongest pairs.
    public var raw: Double
    /// 1 for the most coordinated account; ties broken by account id.
    public var rank: Int
    /// The cluster id (1 is the cluster with the most evidence), or 0 when in no cluster.
    public var cluster: Int
    /// Accounts it forms a graph edge with.
    public var partners: Int
    /// The signal carrying most of its evidence, or `nil` without evidence.
    public var topSignal: CoordinationSignal?
    /// Its strongest co-actions.
    public var evidence: [EvidenceItem]

    /// Creates an account score.
    public init(
        accountID: String, handle: String, posts: Int, score: Double, raw: Double, rank: Int,
        cluster: Int, partners: Int, topSignal: CoordinationSignal?, evidence: [EvidenceItem]
    ) {
        self.accountID = accountID
        self.handle = handle
        self.posts = posts
        self.score = score
        self.raw = raw
        self.rank = rank
        self.cluster = cluster
        self.partners = partners
        self.topSignal = topSignal
        self.evidence = evidence
    }
}

/// A stance and the share of a cluster's labelled posts that carry it.
public struct StanceShare: Hashable, Sendable {
    /// The stance name.
    public var stance: String
    /// Fraction of the members' posts labelled with it, 0 to 1.
    public var share: Double

    /// Creates a stance share.
    public init(stance: String, share: Double) {
        self.stance = stance
        self.share = share
    }
}

/// An item many members of a cluster co-acted on.
public struct SharedItem: Hashable, Sendable {
    /// The kind of co-action.
    public var signal: CoordinationSignal
    /// The item as a person reads it.
    public var item: String
    /// Members that co-acted on it with another member.
    public var accounts: Int

    /// Creates a shared item.
    public init(signal: CoordinationSignal, item: String, accounts: Int) {
        self.signal = signal
        self.item = item
        self.accounts = accounts
    }
}

/// A group of accounts that act in concert (a Louvain community of the pair graph).
public struct Cluster: Hashable, Sendable {
    /// 1 for the cluster with the most evidence, then 2, ...
    public var id: Int
    /// Member account ids, strongest first.
    public var members: [String]
    /// Total excess evidence of the pairs inside the cluster.
    public var weight: Double
    /// Pairs inside the cluster over all possible member pairs.
    public var density: Double
    /// The stances of the members' posts, most common first.
    public var dominantStances: [StanceShare]
    /// The items members co-acted on, most shared first.
    public var sharedItems: [SharedItem]
    /// Median time at which members switched to the dominant stance, when switches were given.
    public var switchTime: Int64?
    /// The first co-action inside the cluster.
    public var firstCoAction: Int64?
    /// The last co-action inside the cluster.
    public var lastCoAction: Int64?

    /// Members in the cluster.
    public var size: Int { members.count }

    /// Creates a cluster.
    public init(
        id: Int, members: [String], weight: Double, density: Double, dominantStances: [StanceShare],
        sharedItems: [SharedItem], switchTime: Int64?, firstCoAction: Int64?, lastCoAction: Int64?
    ) {
        self.id = id
        self.members = members
        self.weight = weight
        self.density = density
        self.dominantStances = dominantStances
        self.sharedItems = sharedItems
        self.switchTime = switchTime
        self.firstCoAction = firstCoAction
        self.lastCoAction = lastCoAction
    }
}

/// Everything coordination scoring finds.
public struct CoordinationResult: Hashable, Sendable {
    /// Every account read, most coordinated first (rank order).
    public var accounts: [AccountScore]
    /// The pairs in the graph, by excess evidence, strongest first.
    public var pairs: [PairEvidence]
    /// The clusters, strongest first.
    public var clusters: [Cluster]

    /// Creates a result.
    public init(accounts: [AccountScore], pairs: [PairEvidence], clusters: [Cluster]) {
        self.accounts = accounts
        self.pairs = pairs
        self.clusters = clusters
    }
}
