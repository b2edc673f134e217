import TurfCore

/// Generates every post of one account against the scenario plan.
///
/// Each account draws from its own random stream, so accounts can be generated in any order
/// or in parallel with identical results.
struct AccountGenerator {
    let scenario: Scenario
    let index: Int
    var rng: SplitMix64
    let kind: AccountKind
    let russian: Bool
    let timeZoneOffset: Int64
    var posts: [SimPost] = []
    /// For news reactors: the time of their first `anti_candidate` post.
    var switchTime: Int64?

    /// Hour-of-day weights of organic activity (UK local time): quiet nights, evening peak.
    static let hourWeights: [Double] = [
        2, 1.2, 0.7, 0.4, 0.3, 0.4, 1, 2.5, 4, 4.5, 4.5, 4.8, 5.5, 5.5, 5, 4.8, 5, 5.5, 6, 6.5, 7, 7, 6, 4,
    ]
    static let hourCumulative: [Double] = {
        var total = 0.0
        return hourWeights.map { total += $0; return total }
    }()

    init(scenario: Scenario, index: Int) {
        self.scenario = scenario
        self.index = index
        var rng = SplitMix64(seed: scenario.config.seed, stream: UInt64(index), salt: 1)
        let kind = scenario.kind(index)
        let russian = !kind.isCampaign && kind != .broadcaster && kind != .newsReactor && rng.chance(scenario.config.russianShare)
        timeZoneOffset = russian ? -3 * 3600 : rng.chance(0.1) ? 5 * 3600 : 0
        self.rng = rng
        self.kind = kind
        self.russian = russian
    }

    /// Generates the account's posts, sorted by time.
    mutating func generate() -> [SimPost] {
        let config = scenario.config
        switch kind {
        case .broadcaster:
            break
        case .copyPaste, .retweetRing, .subtle:
            campaignPosts()
            ownPosts(rate: config.dailyPosts * 2)
        case .heavyUser:
            ownPosts(rate: config.dailyPosts * 25)
        case .stateMediaFan:
            ownPosts(rate: config.dailyPosts * 3)
        case .viralRetweeter:
            ownPosts(rate: config.dailyPosts * 1.5)
            cascadePosts(share: config.cascadeShare)
        case .liveEvent:
            ownPosts(rate: config.dailyPosts)
            liveEventPosts()
        case .newsReactor:
            ownPosts(rate: config.dailyPosts)
            newsReaction()
        case .ordinary:
            ownPosts(rate: config.dailyPosts)
            cascadePosts(share: 0.01)
        }
        for planIndex in scenario.authored[index] ?? [] {
            let plan = scenario.planPosts[planIndex]
            posts.append(SimPost(time: plan.time, piece: plan.piece, stance: plan.stance, lang: plan.lang, media: plan.media, fixedID: plan.id))
        }
        if kind == .broadcaster {
            // Broadcaster posts live in the plan, already sorted; find them by author.
            for planIndex in scenario.pool where scenario.planPosts[planIndex].author == index {
                let plan = scenario.planPosts[planIndex]
                posts.append(SimPost(time: plan.time, piece: plan.piece, stance: plan.stance, lang: plan.lang, media: plan.media, fixedID: plan.id))
            }
        }
        posts.removeAll { $0.time < config.start || $0.time >= config.end }
        posts.sort { $0.time < $1.time }
        return posts
    }

    // MARK: - Organic behaviour

    private mutating func ownPosts(rate: Double) {
        let config = scenario.config
        let sigma = config.activitySigma
        let personal = rate * exp(sigma * rng.normal() - sigma * sigma / 2)
        let count = min(rng.poisson(personal * Double(config.days)), 400 * config.days)
        let retweetShare = kind == .heavyUser ? 0.55 : kind == .stateMediaFan ? 0.5 : kind.isCampaign ? 0.2 : 0.3
        for _ in 0..<count {
            let time = circadianTime()
            let roll = rng.unit()
            if roll < retweetShare {
                retweetPopular(before: time)
            } else if roll < retweetShare + 0.08 {
                reply(at: time)
            } else if roll < retweetShare + 0.11 {
                quote(at: time)
            } else {
                original(at: time)
            }
        }
    }

    private mutating func circadianTime() -> Int64 {
        let config = scenario.config
        let day = Int64(rng.below(config.days))
        let target = rng.unit() * Self.hourCumulative[23]
        var hour = 0
        while Self.hourCumulative[hour] <= target { hour += 1 }
        return config.start + day * 86_400 + Int64(hour) * 3600 + Int64(rng.below(3600)) + timeZoneOffset
    }

    /// The stance an organic account's own post carries at `time`.
    private mutating func ownStance(at time: Int64) -> Stance {
        switch kind {
        case .stateMediaFan:
            return rng.chance(0.6) ? (rng.chance(0.7) ? .proKremlin : .antiUkraine) : .none
        case .newsReactor:
            return time > scenario.newsTime && rng.chance(0.25) ? .antiCandidate : .none
        case .copyPaste, .retweetRing, .subtle:
            guard rng.chance(0.35) else { return .none }
            let campaign = scenario.campaigns[Int(scenario.campaignOf[index])]
            return time >= campaign.switchTime ? .antiCandidate : campaign.fromStance
        default:
            return .none
        }
    }

    private mutating func original(at time: Int64) {
        let stance = ownStance(at: time)
        var piece = TextPiece()
        var lang = russian ? "ru" : "en"
        switch stance {
        case .none:
            if russian { russianSentence(&piece) } else { englishSentence(&piece) }
        case .proKremlin:
            let line = rng.pick(Vocabulary.proKremlinOwn)
            lang = line.unicodeScalars.first!.value > 0x400 ? "ru" : "en"
            piece.word(rng.pick(Vocabulary.openers))
            piece.word(line)
            if kind == .stateMediaFan, rng.chance(0.4), !scenario.statePool.isEmpty {
                let post = scenario.planPosts[scenario.statePool[rng.below(scenario.statePool.count)]]
                if let link = post.piece.urls.first { piece.link(link.value, code: rng.next()) }
            }
        case .antiUkraine:
            let line = rng.pick(Vocabulary.antiUkraineOwn)
            lang = line.unicodeScalars.first!.value > 0x400 ? "ru" : "en"
            piece.word(rng.pick(Vocabulary.openers))
            piece.word(line)
        case .antiCandidate:
            piece.word(rng.pick(Vocabulary.openers))
            piece.word(rng.pick(Vocabulary.antiCandidateOwn))
            piece.word(rng.pick(Vocabulary.reactionTails))
        }
        if rng.chance(kind == .heavyUser ? 0.5 : 0.2) {
            piece.hashtag(russian ? rng.pick(Vocabulary.russianHashtags) : Vocabulary.hashtags[rng.zipf(Vocabulary.hashtags.count)])
        }
        if rng.chance(0.12) {
            piece.link("https://\(rng.pick(Vocabulary.domains))/\(rng.next() % 1_000_000_000)", code: rng.next())
        }
        var media: [SimMedia] = []
        if rng.chance(0.06) {
            if rng.chance(0.15) {
                // A popular organic meme: the same image (up to a bit) reposted by many, at any time.
                let meme = rng.below(Vocabulary.organicMemeCaptions.count)
                media.append(SimMedia(
                    key: "3_\(rng.next() >> 4)", phash: SplitMix64.mix(UInt64(meme) ^ 0xFACE) ^ (rng.chance(0.5) ? 1 << UInt64(rng.below(64)) : 0),
                    caption: Vocabulary.organicMemeCaptions[meme]
                ))
            } else {
                media.append(SimMedia(key: "3_\(rng.next() >> 4)", phash: rng.next(), caption: ""))
            }
        }
        posts.append(SimPost(time: time, piece: piece, stance: stance, lang: lang, media: media))
    }

    private mutating func englishSentence(_ piece: inout TextPiece) {
        piece.word(rng.pick(Vocabulary.openers))
        piece.word(rng.pick(Vocabulary.subjects))
        piece.word(rng.pick(Vocabulary.verbs))
        piece.word(rng.pick(Vocabulary.objects))
        if rng.chance(0.4) {
            piece.word(rng.chance(0.5) ? "and" : "while")
            piece.word(rng.pick(Vocabulary.subjects))
            piece.word(rng.pick(Vocabulary.verbs))
            piece.word(rng.pick(Vocabulary.objects))
        }
        piece.word(rng.pick(Vocabulary.endings))
    }

    private mutating func russianSentence(_ piece: inout TextPiece) {
        piece.word(rng.pick(Vocabulary.russianSubjects))
        piece.word(rng.pick(Vocabulary.russianVerbs))
        piece.word(rng.pick(Vocabulary.russianObjects))
        if rng.chance(0.4) {
            piece.word("и")
            piece.word(rng.pick(Vocabulary.russianVerbs))
            piece.word(rng.pick(Vocabulary.russianObjects))
        }
        piece.word(rng.pick(Vocabulary.russianEndings))
    }

    /// Retweets a broadcaster post: state media for fans and cells before the switch, any
    /// popular post otherwise, after a heavy-tailed delay.
    private mutating func retweetPopular(before time: Int64) {
        guard !scenario.pool.isEmpty else { return }
        let planIndex: Int
        var preferState = kind == .stateMediaFan
        if kind.isCampaign {
            let campaign = scenario.campaigns[Int(scenario.campaignOf[index])]
            preferState = time < campaign.switchTime && rng.chance(0.6)
        }
        if preferState, !scenario.statePool.isEmpty {
            planIndex = scenario.statePool[rng.below(scenario.statePool.count)]
        } else {
            planIndex = scenario.popularPost(&rng)
        }
        let median: Double = kind == .heavyUser ? 900 : kind == .stateMediaFan ? 7200 : 5400
        let delay = Int64(5 + rng.logNormal(median: median, sigma: 1.4))
        retweet(planIndex: planIndex, at: scenario.planPosts[planIndex].time + delay, action: -1)
    }

    private mutating func retweet(planIndex: Int, at time: Int64, action: Int) {
        let plan = scenario.planPosts[planIndex]
        guard plan.author != index else { return }
        let piece = TextPiece.retweet(of: plan.piece, author: scenario.handle(plan.author), authorIndex: plan.author)
        posts.append(SimPost(
            time: time, piece: piece, stance: plan.stance, lang: plan.lang, reference: .retweeted,
            referencePlanIndex: planIndex, action: action
        ))
    }

    private mutating func reply(at time: Int64) {
        let planIndex = scenario.popularPost(&rng)
        let plan = scenario.planPosts[planIndex]
        let replyTime = max(time, plan.time + 30 + Int64(rng.logNormal(median: 1200, sigma: 1.2)))
        var piece = TextPiece()
        piece.mention(scenario.handle(plan.author), index: plan.author)
        if russian { russianSentence(&piece) } else { englishSentence(&piece) }
        let stance = ownStance(at: replyTime)
        if stance == .antiCandidate { piece.word(rng.pick(Vocabulary.antiCandidateOwn)) }
        posts.append(SimPost(
            time: replyTime, piece: piece, stance: stance, lang: russian ? "ru" : "en", reference: .repliedTo, referencePlanIndex: planIndex
        ))
    }

    private mutating func quote(at time: Int64) {
        let planIndex = scenario.popularPost(&rng)
        let plan = scenario.planPosts[planIndex]
        let quoteTime = max(time, plan.time + 60 + Int64(rng.logNormal(median: 3600, sigma: 1.2)))
        var piece = TextPiece()
        if russian { russianSentence(&piece) } else { englishSentence(&piece) }
        piece.link("https://twitter.com/\(scenario.handle(plan.author))/status/\(plan.id)", code: rng.next())
        posts.append(SimPost(
            time: quoteTime, piece: piece, stance: ownStance(at: quoteTime), lang: russian ? "ru" : "en", reference: .quoted,
            referencePlanIndex: planIndex
        ))
    }

    // MARK: - Hard negatives

    private mutating func cascadePosts(share: Double) {
        for (c, planIndex) in scenario.cascades.enumerated() where rng.chance(share) {
            let start = scenario.planPosts[planIndex].time
            retweet(planIndex: planIndex, at: start + 10 + Int64(rng.logNormal(median: 180, sigma: 0.8)), action: 1_000_000 + c)
        }
    }

    private mutating func liveEventPosts() {
        for event in scenario.liveEvents where rng.chance(0.6) {
            for _ in 0..<(1 + rng.poisson(1.5)) {
                let time = event.start + Int64(rng.below(Int(event.duration)))
                var piece = TextPiece()
                piece.word(rng.pick(Vocabulary.openers))
                piece.word(rng.pick(Vocabulary.liveEventTexts))
                if rng.chance(0.5) { piece.word(rng.pick(Vocabulary.endings)) }
                piece.hashtag(event.tag)
                posts.append(SimPost(time: time, piece: piece, stance: .none, lang: "en"))
            }
        }
    }

    private mutating func newsReaction() {
        let count = 1 + rng.poisson(1.5)
        for _ in 0..<count {
            let time = scenario.newsTime + 120 + Int64(rng.logNormal(median: 3 * 3600, sigma: 0.9))
            var piece = TextPiece()
            piece.word(rng.pick(Vocabulary.openers))
            let line = rng.below(Vocabulary.antiCandidateOwn.count)
            piece.word(Vocabulary.antiCandidateOwn[line])
            if rng.chance(0.5) {
                // A second, different thought.
                let other = (line + 1 + rng.below(Vocabulary.antiCandidateOwn.count - 1)) % Vocabulary.antiCandidateOwn.count
                piece.word(Vocabulary.antiCandidateOwn[other])
            }
            piece.word(rng.pick(Vocabulary.reactionTails))
            if rng.chance(0.35) { piece.link(rng.pick(Vocabulary.newsLinks), code: rng.next()) }
            if rng.chance(0.05) { piece.hashtag("DontVoteNuttall") }
            posts.append(SimPost(time: time, piece: piece, stance: .antiCandidate, lang: "en"))
            if time < scenario.config.end { switchTime = min(switchTime ?? time, time) }
        }
    }

    // MARK: - Campaigns

    private mutating func campaignPosts() {
        let c = Int(scenario.campaignOf[index])
        let campaign = scenario.campaigns[c]
        for (a, action) in campaign.actions.enumerated() {
            var actionRNG = SplitMix64(seed: scenario.config.seed, stream: UInt64(index), salt: UInt64(c) << 20 | UInt64(a) + 2)
            guard action.origin != index, actionRNG.chance(scenario.config.participation) else { continue }
            let actionID = c * 10_000 + a
            switch campaign.style {
            case .retweetRing:
                guard action.seed >= 0 else { continue }
                let seedTime = scenario.planPosts[action.seed].time
                let delay = Int64(1 + min(59, actionRNG.exponential(mean: 12)))
                retweet(planIndex: action.seed, at: max(action.time, seedTime) + delay, action: actionID)
            case .copyPaste:
                let delay = Int64(min(300, 2 + actionRNG.exponential(mean: 40)))
                var piece = TextPiece()
                let bank = Scenario.campaignBank(action.stance)
                var words = bank[action.message % bank.count].split(separator: " ").map(String.init)
                if actionRNG.chance(0.5) {
                    words.insert(actionRNG.pick(Vocabulary.smallEdits), at: 1 + actionRNG.below(words.count - 1))
                }
                if actionRNG.chance(0.3) { words.remove(at: actionRNG.below(words.count)) }
                piece.word(words.joined(separator: " ") + actionRNG.pick(Vocabulary.emoji))
                for tag in action.hashtags { piece.hashtag(tag) }
                if !action.link.isEmpty { piece.link(action.link, code: actionRNG.next()) }
                var media: [SimMedia] = []
                if action.meme >= 0 { media.append(meme(campaign, action.meme, &actionRNG)) }
                posts.append(SimPost(time: action.time + delay, piece: piece, stance: action.stance, lang: "en", media: media, action: actionID))
            case .subtle:
                let delay = Int64(min(3600, 30 + actionRNG.logNormal(median: 600, sigma: 0.9)))
                var piece = TextPiece()
                let family = Scenario.subtleBank(action.stance)
                let slots = family[action.message % family.count]
                if actionRNG.chance(0.3) { piece.word(actionRNG.pick(Vocabulary.openers)) }
                for slot in slots { piece.word(actionRNG.pick(slot)) }
                piece.word(actionRNG.pick(Vocabulary.emoji))
                for tag in action.hashtags where actionRNG.chance(0.7) { piece.hashtag(tag) }
                if !action.link.isEmpty, actionRNG.chance(0.8) { piece.link(action.link, code: actionRNG.next()) }
                var media: [SimMedia] = []
                if action.meme >= 0 { media.append(meme(campaign, action.meme, &actionRNG)) }
                posts.append(SimPost(time: action.time + delay, piece: piece, stance: action.stance, lang: "en", media: media, action: actionID))
            default:
                continue
            }
        }
    }

    /// The campaign's meme image: its base hash with up to three bits flipped (re-encoding noise).
    private func meme(_ campaign: Campaign, _ meme: Int, _ actionRNG: inout SplitMix64) -> SimMedia {
        var hash = campaign.memeHashes[meme]
        for _ in 0..<actionRNG.below(4) { hash ^= 1 << UInt64(actionRNG.below(64)) }
        return SimMedia(key: "3_\(actionRNG.next() >> 4)", phash: hash, caption: Vocabulary.memeCaptions[meme])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
