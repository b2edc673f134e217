import TurfCore

/// One failed rule example, printed like a test runner's failure line.
public struct RuleTestFailure: Hashable, Sendable, CustomStringConvertible {
    /// The rules file.
    public var file: String
    /// The example's line (the rule's line for a rule without examples).
    public var line: Int
    /// The rule's id.
    public var ruleID: String
    /// What went wrong, in one line.
    public var reason: String

    /// Creates a failure.
    public init(file: String, line: Int, ruleID: String, reason: String) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.reason = reason
    }

    /// `file:line: rule ID: reason`.
    public var description: String {
        InputError(file: file, line: line, reason: "rule \(ruleID): \(reason)").description
    }
}

/// The outcome of running every rule's examples.
public struct RuleTestReport: Hashable, Sendable {
    /// Examples that behaved as written.
    public var passed: Int
    /// Examples that did not, and rules lacking either kind of example.
    public var failures: [RuleTestFailure]

    /// `N passed, N failed`.
    public var summary: String { "\(passed) passed, \(failures.count) failed" }
}

/// Runs each rule's `examples.match` and `examples.no_match` through the full matcher
/// (prefilter included), so a wrong keyword or literal shows up as a failure.
public enum RuleTester {
    /// Tests every example of every rule; a rule with no `match` or no `no_match` example fails.
    public static func run(_ ruleSet: RuleSet) -> RuleTestReport {
        let matcher = RuleMatcher(ruleSet: ruleSet)
        var report = RuleTestReport(passed: 0, failures: [])
        for rule in ruleSet.rules {
            func fail(_ line: Int, _ reason: String) {
                report.failures.append(RuleTestFailure(file: ruleSet.source, line: line, ruleID: rule.id, reason: reason))
            }
            if rule.matchExamples.isEmpty { fail(rule.line, "no match examples") }
            if rule.noMatchExamples.isEmpty { fail(rule.line, "no no_match examples") }
            for (examples, shouldMatch) in [(rule.matchExamples, true), (rule.noMatchExamples, false)] {
                for example in examples {
                    let post = samplePost(example.text, field: rule.field)
                    let hit = matcher.hits(in: post).first { $0.id == rule.id }
                    if let failure = matcher.failures.first(where: { $0.ruleID == rule.id }) {
                        fail(example.line, "\(failure.message) on \(quoted(example.text))")
                    } else if shouldMatch, hit == nil {
                        fail(example.line, "expected a match, got none: \(quoted(example.text))")
                    } else if !shouldMatch, let hit {
                        let bytes = Array(fieldText(post, hit.field).utf8)[hit.start..<hit.end]
                        let matched = String(decoding: bytes, as: UTF8.self)
                        fail(example.line, "expected no match, matched \(quoted(matched)) at bytes \(hit.start)..<\(hit.end) of \(quoted(example.text))")
                    } else {
                        report.passed += 1
                    }
                }
            }
        }
        return report
    }

    /// A post carrying `text` in `field` (one item a line for hashtags and urls; `any` uses text).
    static func samplePost(_ text: String, field: RuleField) -> Post {
        var post = Post(id: "example", account: AccountRef(id: "example"), text: "")
        let items = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch field {
        case .text, .any: post.text = text
        case .memeText: post.memeText = text
        case .hashtags: post.hashtags = items
        case .urls: post.urls = items
        }
        return post
    }

    static func fieldText(_ post: Post, _ field: RuleField) -> String {
        switch field {
        case .text, .any: post.text
        case .memeText: post.memeText
        case .hashtags: post.hashtags.joined(separator: "\n")
        case .urls: post.urls.joined(separator: "\n")
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingNewlines() + "\""
    }
}

extension String {
    /// The text with line breaks shown as `\n`, for one-line messages.
    fileprivate func replacingNewlines() -> String {
        var result = ""
        for character in self { result += character == "\n" ? "\\n" : String(character) }
        return result
    }
}
