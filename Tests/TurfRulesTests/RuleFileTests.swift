import Foundation
import Testing
import TurfCore
@testable import TurfRules

@Suite struct RuleFileTests {
    private func errors(_ yaml: String, knownStances: [String]? = nil) -> [String] {
        do {
            _ = try RuleSet.parse(yaml: yaml, file: "r.yaml", knownStances: knownStances)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func loadsAValidFile() throws {
        let yaml = """
        stances: [pro_kremlin, anti_candidate]
        rules:
          - id: junta
            stance: pro_kremlin
            pattern: '\\bkiev\\s+junta\\b'
            flags: i
            field: any
            effect: boost
            weight: 2.5
            keywords: [junta]
            description: a slogan
            examples:
              match: [Kiev junta]
              no_match:
                - junta
          - id: nuttall
            stance: anti_candidate
            pattern: "don't vote nuttall"
            effect: suppress
        """
        let set = try RuleSet.parse(yaml: yaml, file: "r.yaml", knownStances: nil)
        #expect(set.rules.map(\.id) == ["junta", "nuttall"])
        let junta = set.rules[0]
        #expect(junta.field == .any && junta.effect == .boost && junta.weight == 2.5 && junta.keywords == ["junta"])
        #expect(junta.line == 3)
        #expect(junta.matchExamples == [RuleExample("Kiev junta", line: 13)])
        #expect(junta.noMatchExamples == [RuleExample("junta", line: 15)])
        #expect(set.rules[1].field == .text)
        #expect(set.boostWeights == ["junta": 2.5])
        #expect(set.source == "r.yaml")
    }

    @Test func badPatternGivesPCRE2sMessageOffsetAndLine() {
        let yaml = """
        - id: broken
          stance: pro_kremlin
          pattern: 'kiev(\\s+junta'
          effect: assert
        """
        #expect(errors(yaml) == ["r.yaml:3: rule broken: bad pattern: missing closing parenthesis at offset 13"])
    }

    @Test func unknownEffect() {
        let yaml = """
        - id: loud
          stance: pro_kremlin
          pattern: junta
          effect: amplify
        """
        #expect(errors(yaml) == ["r.yaml:4: rule loud: unknown effect 'amplify' (expected assert, boost or suppress)"])
    }

    @Test func missingStance() {
        let yaml = """
        - id: lost
          pattern: junta
          effect: assert
        """
        #expect(errors(yaml) == ["r.yaml:1: rule lost: missing stance"])
    }

    @Test func yamlSyntaxError() {
        let yaml = """
        - id: a
          stance: pro_kremlin
          pattern: [unclosed
        - id: b
        """
        #expect(errors(yaml) == ["r.yaml:4: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3)"])
    }

    @Test func reportsEveryErrorAtOnceInLineOrder() {
        let yaml = """
        stances: [pro_kremlin, anti_ukraine]
        rules:
          - id: a
            stance: pro_kremlin
            pattern: junta
            effect: boost
          - id: a
            stance: pro_kremelin
            pattern: junta
            effect: assert
            weight: 2
            stnace: x
          - stance: anti_ukraine
            pattern: '(?<name'
            field: body
            flags: iq
            effect: suppress
            examples: {match: [x], maybe: [y]}
        """
        #expect(errors(yaml) == [
            "r.yaml:3: rule a: effect boost needs a 'weight'",
            "r.yaml:7: rule a: duplicate id (first defined at line 3)",
            "r.yaml:8: rule a: unknown stance 'pro_kremelin' (known: pro_kremlin, anti_ukraine)",
            "r.yaml:11: rule a: 'weight' is only allowed with effect boost",
            "r.yaml:12: rule a: unknown key 'stnace' (allowed: id, stance, pattern, flags, field, effect, weight, keywords, examples, description)",
            "r.yaml:13: rule #3: missing id",
            "r.yaml:15: rule #3: unknown field 'body' (expected text, hashtags, urls, meme_text or any)",
            "r.yaml:16: rule #3: unknown flag 'q' (expected i, m, s or x)",
            "r.yaml:18: rule #3: unknown key 'maybe' in examples (allowed: match, no_match)",
        ])
    }

    @Test func knownStancesFromTheModelOverrideTheFile() {
        let yaml = """
        stances: [pro_kremlin]
        rules:
          - {id: a, stance: pro_kremlin, pattern: junta, effect: assert}
        """
        #expect(errors(yaml, knownStances: ["FAVOR", "AGAINST"]) == ["r.yaml:3: rule a: unknown stance 'pro_kremlin' (known: FAVOR, AGAINST)"])
        #expect(errors(yaml).isEmpty)
    }

    @Test func wrongShapes() {
        #expect(errors("") == ["r.yaml: no rules"])
        #expect(errors("just text") == ["r.yaml:1: expected a list of rules or a mapping with 'rules'"])
        #expect(errors("- plain") == ["r.yaml:1: rule #1: a rule must be a mapping of keys to values"])
        #expect(errors("- {id: a, stance: s, pattern: x, effect: boost, weight: lots}") == ["r.yaml:1: rule a: 'weight' must be a number"])
        #expect(errors("- {id: a, stance: s, pattern: 'x*', effect: assert}") == ["r.yaml:1: rule a: bad pattern: pattern matches the empty string, so it would fire on every post"])
    }

    @Test func fileErrorsNameTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turfrules-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        let bytes: [UInt8] = Array("- id: a\n  stance: s\n  pattern: ".utf8) + [0xFF, 0xFE] + Array("\n  effect: assert\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let invalid = #expect(throws: RuleFileError.self) { try RuleSet.load(path: path, knownStances: nil) }
        #expect(invalid?.description == "\(path):3: not valid UTF-8")
        let missing = directory.appendingPathComponent("missing.yaml").path
        let unreadable = #expect(throws: RuleFileError.self) { try RuleSet.load(path: missing, knownStances: nil) }
        #expect(unreadable?.description == "\(missing): cannot read rules file")
    }
}
