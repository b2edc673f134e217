import TurfCore

/// Synthetic accounts with known stance switches, to measure how well switch detection works
/// under realistic conditions: uneven activity with many silent days, a classifier that gets
/// some posts wrong, and posts carrying two stances.
///
/// Every draw is a hash of (seed, account, day, post), so an account's posts are the same
/// whatever order accounts and days are generated in (tests go account by account, the
/// benchmark day by day across a million accounts).
public struct SwitchSimulation: Sendable {
    /// What to simulate.
    public struct Parameters: Sendable, Hashable {
        /// Number of accounts.
        public var accounts: Int
        /// Days simulated (one bucket each with daily buckets).
        public var days: Int
        /// Share of accounts that switch stance once.
        public var switchingShare: Double
        /// Posts per day are Poisson with a rate drawn log-uniformly from this range.
        public var rates: ClosedRange<Double>
        /// Share of accounts that post so rarely (0.01–0.08 a day) they should say "insufficient data".
        public var rareShare: Double
        /// Share of posts the classifier gets wrong: half of them lose their stance (`none`),
        /// half get another stance.
        public var labelNoise: Double
        /// Share of posts that carry a second, random stance besides their own.
        public var secondLabelShare: Double
        /// The switch day is uniform in this share of the period (e.g. 0.1...0.9).
        public var switchWindow: ClosedRange<Double>
        /// Stance names.
        public var stances: [String]
        /// Start of day 0 (seconds since 1970).
        public var start: Int64
        /// The seed.
        public var seed: UInt64

        /// Creates parameters; the defaults are the ones docs/timelines.md reports.
        public init(
            accounts: Int, days: Int = 90, switchingShare: Double = 0.3, rates: ClosedRange<Double> = 0.3...6,
            rareShare: Double = 0.05, labelNoise: Double = 0.15, secondLabelShare: Double = 0.1,
            switchWindow: ClosedRange<Double> = 0.1...0.9,
            stances: [String] = ["anti_candidate", "anti_ukraine", "pro_kremlin"],
            start: Int64 = 1_483_228_800, seed: UInt64 = 2017
        ) {
            self.accounts = accounts
            self.days = days
            self.switchingShare = switchingShare
            self.rates = rates
            self.rareShare = rareShare
            self.labelNoise = labelNoise
            self.secondLabelShare = secondLabelShare
            self.switchWindow = switchWindow
            self.stances = stances
            self.start = start
            self.seed = seed
        }
    }

    /// The ground truth of one account.
    public struct Truth: Sendable, Hashable {
        /// The account.
        public var account: AccountRef
        /// Posts per day (Poisson mean).
        public var rate: Double
        /// True category before the switch (an index into `categories`; the last is `none`).
        public var before: Int
        /// True category from `switchDay` on (equal to `before` for a stable account).
        public var after: Int
        /// The day of the switch, or `nil` for a stable account.
        public var switchDay: Int?
    }

    /// The parameters.
    public let parameters: Parameters
    /// Stances, then `none`.
    public let categories: [String]

    /// Creates a simulation.
    public init(_ parameters: Parameters) {
        self.parameters = parameters
        categories = parameters.stances + [TimelineSet.noneCategory]
    }

    /// The ground truth of account `index`.
    public func truth(of index: Int) -> Truth {
        var random = Random(parameters.seed, UInt64(index), 0xACC0)
        let rare = random.unit() < parameters.rareShare
        let range = rare ? 0.01...0.08 : parameters.rates
        let rate = range.lowerBound * MultinomialCost.exponential(random.unit() * MultinomialCost.naturalLog(range.upperBound / range.lowerBound))
        let count = categories.count
        let before = random.below(count)
        let switches = random.unit() < parameters.switchingShare
        var after = before
        var switchDay: Int?
        if switches {
            after = (before + 1 + random.below(count - 1)) % count
            let window = parameters.switchWindow
            let low = Int((window.lowerBound * Double(parameters.days)).rounded())
            let high = max(low, Int((window.upperBound * Double(parameters.days)).rounded()))
            switchDay = low + random.below(high - low + 1)
        }
        return Truth(account: AccountRef(id: "sim\(index)", handle: ""), rate: rate, before: before, after: after, switchDay: switchDay)
    }

    /// Calls `body` with each post of `truth`'s account on `day`: its time, decided labels
    /// (category indices; empty for `none`) and one probability per stance.
    public func forEachPost(of truth: Truth, index: Int, day: Int, _ body: (Int64, [Int], [Double]) -> Void) {
        var random = Random(parameters.seed, UInt64(index), UInt64(day) &+ 1)
        let posts = random.poisson(truth.rate)
        let stanceCount = parameters.stances.count
        let trueCategory = (truth.switchDay.map { day >= $0 } ?? false) ? truth.after : truth.before
        var labels: [Int] = []
        labels.reserveCapacity(2)
        var probabilities = [Double](repeating: 0, count: stanceCount)
        for _ in 0..<posts {
            var category = trueCategory
            if random.unit() < parameters.labelNoise {
                category = random.unit() < 0.5 ? stanceCount : random.below(stanceCount)
                if category == trueCategory { category = (category + 1) % (stanceCount + 1) }
            }
            labels.removeAll(keepingCapacity: true)
            if category != stanceCount {
                labels.append(category)
                if random.unit() < parameters.secondLabelShare {
                    let second = random.below(stanceCount)
                    if second != category { labels.append(second) }
                }
            }
            for stance in 0..<stanceCount {
                probabilities[stance] = labels.contains(stance) ? 0.55 + 0.45 * random.unit() : 0.45 * random.unit()
            }
            let time = parameters.start + Int64(day) * 86_400 + Int64(random.below(86_400))
            body(time, labels, probabilities)
        }
    }

    /// All posts of account `index` as classified posts, in time order.
    public func classifiedPosts(of index: Int) -> [ClassifiedPost] {
        let truth = truth(of: index)
        var posts: [ClassifiedPost] = []
        for day in 0..<parameters.days {
            forEachPost(of: truth, index: index, day: day) { time, labels, probabilities in
                posts.append(ClassifiedPost(
                    post: Post(id: "\(index)-\(posts.count)", account: truth.account, createdAt: time, text: ""),
                    scores: StanceScores(stances: parameters.stances, probabilities: probabilities, labels: labels.map { parameters.stances[$0] })
                ))
            }
        }
        return posts
    }

    /// A small counter-based generator: SplitMix64 over a hash of its key.
    struct Random {
        private var generator: SplitMix64

        init(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
            generator = SplitMix64(seed: a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xBF58_476D_1CE4_E5B9 ^ c &* 0x94D0_49BB_1331_11EB)
            _ = next()
        }

        mutating func next() -> UInt64 { generator.next() }

        /// Uniform in [0, 1).
        mutating func unit() -> Double { generator.unit() }

        /// Uniform in 0..<bound.
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        /// Poisson with mean `rate` (Knuth's method; rates here are small).
        mutating func poisson(_ rate: Double) -> Int { generator.poissonByProducts(rate) }
    }
}
