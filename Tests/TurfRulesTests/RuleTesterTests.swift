import Testing
import TurfCore
@testable import TurfRules

@Suite struct RuleTesterTests {
    @Test func reportsEachFailingExampleWithItsLine() throws {
        let yaml = """
        - id: junta
          stance: pro_kremlin
          pattern: 'kiev junta'
          flags: i
          effect: assert
          examples:
            match: [Kiev junta, Kyiv junta]
            no_match: [the KIEV JUNTA myth]
        - id: tag
          stance: pro_kremlin
          pattern: '^крымнаш$'
          flags: im
          field: hashtags
          effect: boost
          weight: 1
          examples:
            match: ["Russia\\nКрымНаш"]
        """
        let set = try RuleSet.parse(yaml: yaml, file: "r.yaml", knownStances: nil)
        let report = RuleTester.run(set)
        #expect(report.failures.map(\.description) == [
            "r.yaml:7: rule junta: expected a match, got none: \"Kyiv junta\"",
            "r.yaml:8: rule junta: expected no match, matched \"KIEV JUNTA\" at bytes 4..<14 of \"the KIEV JUNTA myth\"",
            "r.yaml:9: rule tag: no no_match examples",
        ])
        #expect(report.summary == "2 passed, 3 failed")
    }

    @Test func matchLimitInAnExampleIsAFailure() throws {
        let rule = try Rule(
            id: "slow", stance: "s", pattern: "(a+)+$", effect: .assert,
            matchExamples: [RuleExample("aaa", line: 2)], noMatchExamples: [RuleExample(String(repeating: "a", count: 10_240) + "!", line: 3)]
        )
        let report = RuleTester.run(RuleSet(rules: [rule], source: "r.yaml"))
        #expect(report.summary == "1 passed, 1 failed")
        #expect(report.failures.first?.description.hasPrefix("r.yaml:3: rule slow: match limit exceeded on \"aaaa") == true)
    }

    @Test func theShippedRulesPassTheirExamples() throws {
        let path = String(#filePath.prefix(upTo: #filePath.range(of: "/Tests/")!.lowerBound)) + "/Models/stance-rules.yaml"
        let set = try RuleSet.load(path: path, knownStances: ["pro_kremlin", "anti_ukraine", "anti_candidate"])
        #expect(set.rules.count >= 30)
        let report = RuleTester.run(set)
        #expect(report.failures.map(\.description) == [])
        #expect(Set(set.rules.map(\.effect)) == Set(RuleEffect.allCases))
    }
}
