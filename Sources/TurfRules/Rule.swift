import TurfCore

/// One example text from a rules file, with the line it is written on.
public struct RuleExample: Hashable, Sendable {
    /// The example text (for `hashtags` and `urls` rules, one item a line).
    public var text: String
    /// Its line in the rules file, or 0 when the rule was built in code.
    public var line: Int

    /// Creates an example.
    public init(_ text: String, line: Int = 0) {
        self.text = text
        self.line = line
    }
}

/// An analyst's rule: a PCRE2 pattern, the post field it reads and what it does to one stance.
public struct Rule: Sendable {
    /// Unique id, shown in every hit and error.
    public let id: String
    /// The stance it acts on.
    public let stance: String
    /// The compiled pattern (shared, read-only).
    public let pattern: CompiledPattern
    /// The field it matches in.
    public let field: RuleField
    /// What it does when it fires.
    public let effect: RuleEffect
    /// For `boost`: what it adds to the stance's log-odds (or logit); 0 for the other effects.
    public let weight: Double
    /// Declared prefilter keywords: when non-empty, the rule runs only on posts containing one of
    /// them (ignoring ASCII and Cyrillic case) instead of the literals taken from the pattern.
    public let keywords: [String]
    /// Texts the rule must match.
    public let matchExamples: [RuleExample]
    /// Texts the rule must not match.
    public let noMatchExamples: [RuleExample]
    /// The rule's line in its file, or 0 when built in code.
    public let line: Int

    /// Compiles a rule.
    /// - Throws: `PatternError` for an unknown flag letter or a pattern PCRE2 rejects.
    public init(
        id: String,
        stance: String,
        pattern: String,
        flags: String = "",
        field: RuleField = .text,
        effect: RuleEffect,
        weight: Double = 0,
        keywords: [String] = [],
        matchExamples: [RuleExample] = [],
        noMatchExamples: [RuleExample] = [],
        line: Int = 0
    ) throws(PatternError) {
        self.id = id
        self.stance = stance
        self.pattern = try CompiledPattern(pattern, flags: PatternFlags(flags))
        self.field = field
        self.effect = effect
        self.weight = weight
        self.keywords = keywords
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.line = line
    }

    /// The folded literals the prefilter looks for: the declared keywords, else the literals every
    /// match must contain; nil when the rule must run on every post.
    var prefilterLiterals: [[UInt8]]? {
        let literals = keywords.isEmpty
            ? LiteralExtractor.requiredLiterals(pattern: pattern.pattern, flags: pattern.flags)
            : keywords.map { CaseFold.fold($0) }.filter { !$0.isEmpty }
        return literals.map(Self.withoutRedundant)
    }

    /// `literals` without those containing another of them (finding the shorter one suffices).
    static func withoutRedundant(_ literals: [[UInt8]]) -> [[UInt8]] {
        literals.enumerated().filter { index, literal in
            !literals.enumerated().contains { other, shorter in
                other != index && shorter.count <= literal.count && (shorter.count < literal.count || other < index)
                    && literal.firstRange(of: shorter) != nil
            }
        }.map(\.element)
    }
}
