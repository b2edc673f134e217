/// What a simulated account is: a planted campaign member in one style, or an organic user of one
/// behaviour. Written to `truth.csv` as the `kind` column.
public enum AccountKind: String, CaseIterable, Sendable {
    /// Campaign cell posting near-identical text with small edits within seconds to minutes.
    case copyPaste = "copy_paste"
    /// Campaign cell retweeting each other and the same seed posts within a minute.
    case retweetRing = "retweet_ring"
    /// Campaign cell posting paraphrases, shared links and memes with loose timing.
    case subtle
    /// Organic user with heavy-tailed activity and a circadian rhythm.
    case ordinary
    /// Organic user posting and retweeting tens of times a day.
    case heavyUser = "heavy_user"
    /// Organic user who joins viral retweet cascades of popular posts.
    case viralRetweeter = "viral_retweeter"
    /// Organic user who tweets live-event hashtags while the event is on.
    case liveEvent = "live_event"
    /// Organic user whom a news event turns to `anti_candidate`, with own wording and timing.
    case newsReactor = "news_reactor"
    /// Organic user consistently pro-Kremlin, retweeting state media on their own schedule.
    case stateMediaFan = "state_media_fan"
    /// A news outlet, state medium or celebrity whose posts others retweet.
    case broadcaster

    /// True for the planted campaign styles.
    public var isCampaign: Bool {
        self == .copyPaste || self == .retweetRing || self == .subtle
    }

    /// `campaign` or `organic`, the `role` column of `truth.csv`.
    public var role: String { isCampaign ? "campaign" : "organic" }

    /// The campaign styles, in the order campaigns cycle through them.
    public static let campaignStyles: [AccountKind] = [.copyPaste, .retweetRing, .subtle]
}

/// The stance a simulated post was planted with; the oracle classifier starts from it.
public enum Stance: Int, CaseIterable, Sendable {
    /// No stance.
    case none = 0
    /// Pro-Kremlin propaganda.
    case proKremlin
    /// Anti-Ukraine propaganda.
    case antiUkraine
    /// Against the candidate (Paul Nuttall in the Stoke-on-Trent Central by-election).
    case antiCandidate

    /// The label name in the classify contract; `none` for no stance.
    public var name: String {
        switch self {
        case .none: "none"
        case .proKremlin: "pro_kremlin"
        case .antiUkraine: "anti_ukraine"
        case .antiCandidate: "anti_candidate"
        }
    }

    /// The stances a model labels, in the classify output's order.
    public static let labelled: [Stance] = [.proKremlin, .antiUkraine, .antiCandidate]
}
