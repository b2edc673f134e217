import Dispatch
import Testing
import TurfCore
@testable import TurfRules

@Suite struct RuleMatcherThreadTests {
    /// The classify pipeline shares one `RuleSet` and gives each thread its own `RuleMatcher`.
    @Test func matchersOnSeveralThreadsShareOneRuleSet() throws {
        let path = String(#filePath.prefix(upTo: #filePath.range(of: "/Tests/")!.lowerBound)) + "/Models/stance-rules.yaml"
        let ruleSet = try RuleSet.load(path: path, knownStances: nil)
        let posts = ruleSet.rules.flatMap { rule in
            (rule.matchExamples + rule.noMatchExamples).map { RuleTester.samplePost($0.text, field: rule.field) }
        }
        let reference = RuleMatcher(ruleSet: ruleSet)
        let expected = posts.map { reference.hits(in: $0) }
        #expect(expected.filter { !$0.isEmpty }.count >= 90)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let matcher = RuleMatcher(ruleSet: ruleSet)
            for _ in 0..<20 {
                for (post, hits) in zip(posts, expected) where matcher.hits(in: post) != hits {
                    Issue.record("different hits on \(post.text)")
                }
            }
        }
    }

    @Test func aPostOfThreeHundredKilobytesGivesExactSpans() throws {
        let ruleSet = RuleSet(rules: [
            try Rule(id: "junta", stance: "s", pattern: #"\bkiev\s+junta\b"#, flags: "i", effect: .assert),
            try Rule(id: "tail", stance: "s", pattern: "the end", effect: .assert),
        ])
        // Each repetition is 35 bytes; "Киев junta " is 15, so the first "kiev JUNTA" spans 15..<25.
        let text = String(repeating: "Киев junta kiev JUNTA 🇺🇦 ", count: 10_000) + "the end"
        let hits = RuleMatcher(ruleSet: ruleSet).hits(in: Post(id: "big", account: AccountRef(id: "a"), text: text))
        let tailStart = text.utf8.count - 7
        #expect(hits == [
            RuleHit(id: "junta", stance: "s", effect: .assert, field: .text, start: 15, end: 25),
            RuleHit(id: "tail", stance: "s", effect: .assert, field: .text, start: tailStart, end: tailStart + 7),
        ])
    }
}
