import TurfCore

/// A rule PCRE2 gave up on for one post (match limit, JIT stack): the rule is skipped for that
/// post and the batch carries on.
public struct RuleMatchFailure: Hashable, Sendable, CustomStringConvertible {
    /// The rule's id.
    public var ruleID: String
    /// The post's id.
    public var postID: String
    /// The field being matched.
    public var field: RuleField
    /// PCRE2's error code (e.g. -47 for the match limit).
    public var code: Int32
    /// PCRE2's message for the code.
    public var message: String

    /// Creates a failure record.
    public init(ruleID: String, postID: String, field: RuleField, code: Int32, message: String) {
        self.ruleID = ruleID
        self.postID = postID
        self.field = field
        self.code = code
        self.message = message
    }

    /// Whether PCRE2 stopped because the match limit was reached.
    public var isMatchLimit: Bool { code == PatternMatcher.matchLimitCode }

    /// `rule ID: post P, field F: message; rule skipped for this post`.
    public var description: String {
        "rule \(ruleID): post \(postID), field \(field.rawValue): \(message); rule skipped for this post"
    }
}
