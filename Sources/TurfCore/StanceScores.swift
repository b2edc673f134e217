/// What an overlay rule did to a post's stance scores.
public enum RuleEffect: String, Hashable, Sendable, CaseIterable {
    /// The stance holds whatever the model says.
    case assert
    /// A weight is added to the stance's log-odds.
    case boost
    /// The stance is vetoed (e.g. a debunk quoting propaganda).
    case suppress
}

/// The post field a rule matched in.
public enum RuleField: String, Hashable, Sendable, CaseIterable {
    /// The post text.
    case text
    /// The hashtags, joined one per line.
    case hashtags
    /// The expanded URLs, joined one per line.
    case urls
    /// Text read off attached images.
    case memeText = "meme_text"
    /// Any of the above.
    case any
}

/// One rule that fired on a post, with the byte span it matched, so a person can see why.
public struct RuleHit: Hashable, Sendable {
    /// The rule's id from the rules file.
    public var id: String
    /// The stance the rule acts on.
    public var stance: String
    /// What the rule did.
    public var effect: RuleEffect
    /// The field it matched in (never `.any`: the concrete field that matched).
    public var field: RuleField
    /// Start of the match, a UTF-8 byte offset into the field's text.
    public var start: Int
    /// End of the match (exclusive), a UTF-8 byte offset.
    public var end: Int

    /// Creates a rule hit.
    public init(id: String, stance: String, effect: RuleEffect, field: RuleField, start: Int, end: Int) {
        self.id = id
        self.stance = stance
        self.effect = effect
        self.field = field
        self.start = start
        self.end = end
    }
}

/// A post's stance probabilities, the decided labels and the rules that fired.
public struct StanceScores: Hashable, Sendable {
    /// Stance names, in the model's order; `probabilities` is aligned with it.
    public var stances: [String]
    /// One probability per stance.
    public var probabilities: [Double]
    /// The decided stance names (per-stance thresholds; exactly one for a multi-class model).
    public var labels: [String]
    /// The overlay rules that fired.
    public var ruleHits: [RuleHit]

    /// Creates stance scores.
    public init(stances: [String], probabilities: [Double], labels: [String], ruleHits: [RuleHit] = []) {
        self.stances = stances
        self.probabilities = probabilities
        self.labels = labels
        self.ruleHits = ruleHits
    }

    /// The probability of `stance`, or 0 when the model does not know it.
    public func probability(of stance: String) -> Double {
        guard let index = stances.firstIndex(of: stance) else { return 0 }
        return probabilities[index]
    }
}

/// A post with its stance scores: the record `classify` writes and `timeline` and `score` read.
public struct ClassifiedPost: Hashable, Sendable {
    /// The post.
    public var post: Post
    /// Its stance scores.
    public var scores: StanceScores

    /// Creates a classified post.
    public init(post: Post, scores: StanceScores) {
        self.post = post
        self.scores = scores
    }
}
