import TurfCore

/// The plan of a simulation, fixed by the configuration and seed before any account is written:
/// who is what, the broadcaster posts others react to, the cascades, live events, the news event
/// and every campaign's actions. Accounts are then generated independently against it.
///
/// - Complexity: O(accounts) memory (a byte and a short an account) plus the plan posts.
struct Scenario: Sendable {
    let config: SimulationConfig
    /// `AccountKind` raw index of every account.
    let kinds: [UInt8]
    /// Campaign index of every account, or -1.
    let campaignOf: [Int16]
    /// Broadcaster account indices, most popular first.
    let broadcasters: [Int]
    /// Handle and display name of each broadcaster, by account index.
    let broadcasterNames: [Int: (handle: String, name: String, stateMedia: Bool)]
    /// Broadcaster posts and ring originals, by time (their index is their plan index).
    let planPosts: [PlanPost]
    /// Indices of broadcaster posts, by time, and their cumulative popularity for weighted picks.
    let pool: [Int]
    let poolCumulative: [Double]
    /// Indices of state-media posts, by time.
    let statePool: [Int]
    /// Cascades: the plan post retweeted and when the cascade starts.
    let cascades: [Int]
    /// Live events.
    let liveEvents: [LiveEvent]
    /// Campaigns.
    let campaigns: [Campaign]
    /// Plan posts authored by each non-broadcaster account (ring originals).
    let authored: [Int: [Int]]
    /// The news event's time.
    let newsTime: Int64

    static let kindList = AccountKind.allCases

    /// The kind of account `index`.
    func kind(_ index: Int) -> AccountKind { Scenario.kindList[Int(kinds[index])] }

    init(config: SimulationConfig) {
        self.config = config
        var rng = SplitMix64(seed: config.seed, stream: 0xC0FFEE)
        let roles = Scenario.assignRoles(config: config, rng: &rng)
        kinds = roles.kinds
        campaignOf = roles.campaignOf
        broadcasters = roles.broadcasters
        newsTime = config.resolvedNewsTime
        let names = Scenario.broadcasterNames(roles.broadcasters)
        broadcasterNames = names
        var drafts = Scenario.broadcasterPosts(config: config, broadcasters: roles.broadcasters, names: names, newsTime: newsTime, rng: &rng)
        var campaigns = Scenario.campaigns(config: config, memberLists: roles.memberLists, kinds: roles.kinds, rng: &rng)
        let rings = Scenario.ringOriginals(campaigns: &campaigns, drafts: &drafts, rng: &rng)
        let plan = Scenario.plan(drafts: drafts, broadcasters: roles.broadcasters, names: names)
        planPosts = plan.posts
        pool = plan.pool
        poolCumulative = plan.poolCumulative
        statePool = plan.statePool
        authored = plan.authored
        for ring in rings {
            campaigns[ring.campaign].actions[ring.action].seed = plan.planIndexOf[ring.draft]
        }
        Scenario.seedRingsWithStateMedia(campaigns: &campaigns, planPosts: plan.posts, statePool: plan.statePool)
        self.campaigns = campaigns
        cascades = Scenario.cascades(config: config, planPosts: plan.posts, pool: plan.pool, broadcasters: roles.broadcasters, rng: &rng)
        liveEvents = Scenario.liveEvents(config: config)
    }

    /// A plan post before it has its plan index and id.
    private struct Draft {
        var time: Int64
        var author: Int
        var piece: TextPiece
        var stance: Stance
        var media: [SimMedia] = []
    }

    private struct Roles {
        var kinds: [UInt8]
        var campaignOf: [Int16]
        var broadcasters: [Int]
        var memberLists: [[Int]]
    }

    /// Shuffles the accounts and deals out broadcasters, campaign members and organic kinds, so
    /// no kind is tied to a range of ids.
    private static func assignRoles(config: SimulationConfig, rng: inout SplitMix64) -> Roles {
        let n = config.accounts
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            order.swapAt(i, rng.below(i + 1))
        }
        var kinds = [UInt8](repeating: UInt8(Scenario.kindList.firstIndex(of: .ordinary)!), count: n)
        var campaignOf = [Int16](repeating: -1, count: n)
        func code(_ kind: AccountKind) -> UInt8 { UInt8(Scenario.kindList.firstIndex(of: kind)!) }
        let broadcasters = Array(order[0..<config.broadcasters])
        for index in broadcasters { kinds[index] = code(.broadcaster) }
        var cursor = config.broadcasters
        var memberLists: [[Int]] = []
        for c in 0..<config.campaigns {
            let size = max(2, Int((Double(config.campaignSize) * (0.5 + rng.unit())).rounded()))
            let style = config.styles[c % config.styles.count]
            let members = Array(order[cursor..<cursor + size])
            cursor += size
            for member in members {
                kinds[member] = code(style)
                campaignOf[member] = Int16(c)
            }
            memberLists.append(members)
        }
        let organic = n - cursor
        for (kind, share) in [
            (AccountKind.heavyUser, config.heavyUsers), (.viralRetweeter, config.viralRetweeters),
            (.liveEvent, config.liveEventUsers), (.newsReactor, config.newsReactors), (.stateMediaFan, config.stateMediaFans),
        ] {
            let count = Int((Double(organic) * share).rounded())
            for index in order[cursor..<cursor + count] { kinds[index] = code(kind) }
            cursor += count
        }
        return Roles(kinds: kinds, campaignOf: campaignOf, broadcasters: broadcasters, memberLists: memberLists)
    }

    /// Outlets first (state media among them), then fictional celebrities.
    private static func broadcasterNames(_ broadcasters: [Int]) -> [Int: (handle: String, name: String, stateMedia: Bool)] {
        var names: [Int: (handle: String, name: String, stateMedia: Bool)] = [:]
        for (rank, index) in broadcasters.enumerated() {
            if rank < Vocabulary.outlets.count {
                let outlet = Vocabulary.outlets[rank]
                names[index] = (outlet.0, outlet.1, outlet.2)
            } else {
                let first = Vocabulary.firstNames[rank % Vocabulary.firstNames.count]
                let last = Vocabulary.lastNames[(rank / Vocabulary.firstNames.count + rank) % Vocabulary.lastNames.count]
                names[index] = ("\(first)\(last)official\(rank)", "\(first.capitalizedWord) \(last.capitalizedWord)", false)
            }
        }
        return names
    }

    /// Every broadcaster post of the run: state-media stories (mostly stanced, with RT or Sputnik
    /// links), outlet headlines (some about the candidate after the news) and celebrity lines.
    private static func broadcasterPosts(
        config: SimulationConfig, broadcasters: [Int], names: [Int: (handle: String, name: String, stateMedia: Bool)],
        newsTime: Int64, rng: inout SplitMix64
    ) -> [Draft] {
    var posts: [Draft] = []
    for (rank, index) in broadcasters.enumerated() {
        let info = names[index]!
        let isOutlet = rank < Vocabulary.outlets.count
        let perDay = isOutlet ? 12 + rng.unit() * 24 : 2 + rng.unit() * 6
        let count = rng.poisson(perDay * Double(config.days))
        for _ in 0..<count {
            let time = config.start + Int64(rng.below(config.days * 86_400))
            var piece = TextPiece()
            var stance = Stance.none
            var media: [SimMedia] = []
            if info.stateMedia {
                let roll = rng.unit()
                stance = roll < 0.5 ? .proKremlin : roll < 0.75 ? .antiUkraine : .none
                piece.word(stance == .none ? rng.pick(Vocabulary.newsHeadlines) + " " + rng.pick(Vocabulary.newsTopics)
                    : rng.pick(Vocabulary.stateMediaTopics))
                if rng.chance(0.3) { piece.hashtag(rng.pick(Vocabulary.campaignHashtagsBefore)) }
                let domain = info.handle.hasPrefix("Sputnik") ? "sputniknews.com/world" : "www.rt.com/news"
                piece.link("https://\(domain)/\(370_000 + rng.below(30_000))-story/", code: rng.next())
            } else if isOutlet {
                if time > newsTime, rng.chance(0.15) {
                    piece.word("Paul Nuttall admits Hillsborough claim on his website was false")
                    piece.link(rng.pick(Vocabulary.newsLinks), code: rng.next())
                } else {
                    piece.word(rng.pick(Vocabulary.newsHeadlines) + " " + rng.pick(Vocabulary.newsTopics))
                    if rng.chance(0.3) { piece.hashtag(rng.pick(Vocabulary.hashtags)) }
                    piece.link("https://\(rng.pick(Vocabulary.domains))/\(rng.next() % 100_000_000)", code: rng.next())
                }
            } else {
                piece.word(rng.pick(Vocabulary.celebrityLines))
                if rng.chance(0.4) { piece.hashtag(rng.pick(Vocabulary.hashtags)) }
                if rng.chance(0.3) {
                    media.append(SimMedia(key: "3_\(rng.next() >> 4)", phash: rng.next(), caption: ""))
                }
            }
            posts.append(Draft(time: time, author: index, piece: piece, stance: stance, media: media))
        }
    }
        return posts
    }

    /// Each campaign's switch time and coordinated actions.
    private static func campaigns(config: SimulationConfig, memberLists: [[Int]], kinds: [UInt8], rng: inout SplitMix64) -> [Campaign] {
    var campaigns: [Campaign] = []
    let baseSwitch = config.resolvedSwitchTime
    for (c, members) in memberLists.enumerated() {
        let style = Scenario.kindList[Int(kinds[members[0]])]
        let switchTime = min(config.end - 86_400, baseSwitch + Int64(rng.below(2 * 86_400)))
        let fromStance: Stance = c % 2 == 0 ? .proKremlin : .antiUkraine
        let factor = style == .retweetRing ? 1.5 : style == .subtle ? 0.75 : 1
        let count = rng.poisson(config.actionsPerDay * factor * Double(config.days))
        var actions: [Campaign.Action] = []
        for _ in 0..<count {
            // Cells work office hours in Moscow (06:00 to 19:00 UTC).
            let day = Int64(rng.below(config.days))
            let time = config.start + day * 86_400 + Int64(6 * 3600 + rng.below(13 * 3600))
            let after = time >= switchTime
            let stance: Stance = after ? .antiCandidate : rng.chance(0.75) ? fromStance : (fromStance == .proKremlin ? .antiUkraine : .proKremlin)
            let bank = Scenario.messageCount(style: style, stance: stance)
            let tags = after ? Vocabulary.campaignHashtagsAfter : Vocabulary.campaignHashtagsBefore
            var hashtags: [String] = []
            if rng.chance(style == .subtle ? 0.4 : 0.8) { hashtags.append(rng.pick(tags)) }
            if style != .subtle, rng.chance(0.4) { hashtags.append(rng.pick(tags)) }
            var link = ""
            if rng.chance(style == .subtle ? 0.5 : 0.25) {
                link = after && rng.chance(0.3) ? rng.pick(Vocabulary.newsLinks)
                    : "https://\(rng.pick(Vocabulary.campaignLinkSites))/\(rng.next() % 1_000_000)-story/"
            }
            let meme = style != .retweetRing && after && rng.chance(0.4) ? rng.below(Vocabulary.memeCaptions.count) : -1
            actions.append(Campaign.Action(
                time: time, stance: stance, message: rng.below(bank), hashtags: hashtags, link: link, meme: meme,
                seed: -1, origin: -1
            ))
        }
        actions.sort { $0.time < $1.time }
        campaigns.append(Campaign(
            name: String(format2: c + 1), style: style, members: members, switchTime: switchTime,
            fromStance: fromStance, actions: actions,
            memeHashes: Vocabulary.memeCaptions.map { _ in rng.next() }
        ))
    }
        return campaigns
    }

    /// The originals retweet rings amplify: in every action after the switch, and in half before
    /// it (the other half retweet state media), a member posts the message just before the ring.
    private static func ringOriginals(
        campaigns: inout [Campaign], drafts: inout [Draft], rng: inout SplitMix64
    ) -> [(campaign: Int, action: Int, draft: Int)] {
    var ringOriginals: [(campaign: Int, action: Int, draft: Int)] = []
    for (c, campaign) in campaigns.enumerated() where campaign.style == .retweetRing {
        for (a, action) in campaign.actions.enumerated() {
            let useState = action.stance != .antiCandidate && rng.chance(0.5)
            if useState { continue }
            let origin = rng.pick(campaign.members)
            var piece = TextPiece()
            let bank = Scenario.campaignBank(action.stance)
            piece.word(bank[action.message % bank.count])
            for tag in action.hashtags { piece.hashtag(tag) }
            if !action.link.isEmpty { piece.link(action.link, code: rng.next()) }
            ringOriginals.append((c, a, drafts.count))
            drafts.append(Draft(time: action.time - Int64(5 + rng.below(60)), author: origin, piece: piece, stance: action.stance))
            campaigns[c].actions[a].origin = origin
        }
    }
        return ringOriginals
    }

    private struct Plan {
        var posts: [PlanPost]
        var planIndexOf: [Int]
        var pool: [Int]
        var poolCumulative: [Double]
        var statePool: [Int]
        var authored: [Int: [Int]]
    }

    /// Sorts the drafts by time into plan posts with ids, and indexes the broadcaster pool.
    private static func plan(drafts posts: [Draft], broadcasters: [Int], names: [Int: (handle: String, name: String, stateMedia: Bool)]) -> Plan {
        let order = posts.indices.sorted { posts[$0].time != posts[$1].time ? posts[$0].time < posts[$1].time : $0 < $1 }
        var planIndexOf = [Int](repeating: 0, count: posts.count)
        var planPosts: [PlanPost] = []
        planPosts.reserveCapacity(posts.count)
        for (planIndex, raw) in order.enumerated() {
            let post = posts[raw]
            planIndexOf[raw] = planIndex
            planPosts.append(PlanPost(
                id: TweetID.planned(time: post.time, index: planIndex), time: post.time, author: post.author,
                piece: post.piece, stance: post.stance, lang: "en", media: post.media
            ))
        }
        var authored: [Int: [Int]] = [:]
        var pool: [Int] = []
        var poolCumulative: [Double] = []
        var statePool: [Int] = []
        var total = 0.0
        var rankOf: [Int: Int] = [:]
        for (rank, index) in broadcasters.enumerated() { rankOf[index] = rank }
        for (planIndex, post) in planPosts.enumerated() {
            if let rank = rankOf[post.author] {
                pool.append(planIndex)
                total += 1 / Double(rank + 1)
                poolCumulative.append(total)
                if names[post.author]!.stateMedia { statePool.append(planIndex) }
            } else {
                authored[post.author, default: []].append(planIndex)
            }
        }
        return Plan(posts: planPosts, planIndexOf: planIndexOf, pool: pool, poolCumulative: poolCumulative, statePool: statePool, authored: authored)
    }

    /// Rings retweeting state media pick the latest state post before the action.
    private static func seedRingsWithStateMedia(campaigns: inout [Campaign], planPosts: [PlanPost], statePool: [Int]) {
        for (c, campaign) in campaigns.enumerated() where campaign.style == .retweetRing {
            for (a, action) in campaign.actions.enumerated() where action.seed < 0 {
                var low = 0
                var high = statePool.count
                while low < high {
                    let mid = (low + high) / 2
                    if planPosts[statePool[mid]].time < action.time { low = mid + 1 } else { high = mid }
                }
                if low > 0 { campaigns[c].actions[a].seed = statePool[low - 1] }
            }
        }
    }

    /// Cascades: popular non-state posts (broadcasters ranked 5 to 19) spread over the run.
    private static func cascades(config: SimulationConfig, planPosts: [PlanPost], pool: [Int], broadcasters: [Int], rng: inout SplitMix64) -> [Int] {
        var rankOf: [Int: Int] = [:]
        for (rank, index) in broadcasters.enumerated() { rankOf[index] = rank }
        var cascades: [Int] = []
        let popular = pool.filter { post in
            let rank = rankOf[planPosts[post].author]!
            return rank >= 5 && rank < 20 && planPosts[post].time < config.end - 3600
        }
        if !popular.isEmpty {
            for k in 0..<config.cascades {
                let slot = (popular.count * k + rng.below(max(1, popular.count / max(1, config.cascades)))) / max(1, config.cascades)
                let pick = popular[min(popular.count - 1, slot)]
                if !cascades.contains(pick) { cascades.append(pick) }
            }
        }
        return cascades
    }

    /// The campaign message bank for a stance.
    static func campaignBank(_ stance: Stance) -> [String] {
        switch stance {
        case .proKremlin: Vocabulary.campaignProKremlin
        case .antiUkraine: Vocabulary.campaignAntiUkraine
        default: Vocabulary.campaignAntiCandidate
        }
    }

    /// The paraphrase families subtle cells use for a stance.
    static func subtleBank(_ stance: Stance) -> [[[String]]] {
        switch stance {
        case .proKremlin: Vocabulary.subtleProKremlin
        case .antiUkraine: Vocabulary.subtleAntiUkraine
        default: Vocabulary.subtleAntiCandidate
        }
    }

    private static func messageCount(style: AccountKind, stance: Stance) -> Int {
        style == .subtle ? subtleBank(stance).count : campaignBank(stance).count
    }

    /// Live events inside the run: weekly Question Time on Thursdays 22:40 UTC, and the 2017
    /// Super Bowl, BAFTAs and BRIT Awards when they fall inside it.
    static func liveEvents(config: SimulationConfig) -> [LiveEvent] {
        var events: [LiveEvent] = []
        // 1970-01-01 was a Thursday.
        var day = UTCTime.floorDiv(config.start, 86_400)
        while (day % 7 + 7) % 7 != 0 { day += 1 }
        while day * 86_400 + 81_600 + 3_600 <= config.end {
            events.append(LiveEvent(tag: "bbcqt", start: day * 86_400 + 81_600, duration: 3_600))
            day += 7
        }
        for (tag, start, duration) in [
            ("SuperBowl", Int64(1_486_337_400), Int64(12_600)), ("BAFTAs", 1_486_926_000, 7_200), ("BRITs2017", 1_487_790_000, 7_200),
        ] where start >= config.start && start + duration <= config.end {
            events.append(LiveEvent(tag: tag, start: start, duration: duration))
        }
        return events.sorted { $0.start < $1.start }
    }
}

extension String {
    /// The word with its first letter upper-cased (ASCII names only).
    var capitalizedWord: String {
        guard let first = unicodeScalars.first, ("a"..."z").contains(first) else { return self }
        return String(Character(Unicode.Scalar(first.value - 32)!)) + String(unicodeScalars.dropFirst())
    }

    /// `c` and a two-digit (or longer) number: the campaign name.
    init(format2 number: Int) {
        self = number < 10 ? "c0\(number)" : "c\(number)"
    }
}
