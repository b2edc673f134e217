import Foundation
import Testing
import TurfwatchTestSupport

/// Runs the real `turfwatch rules` subcommands (built beside the test bundle) on small files and
/// compares their exact output and exit status.
@Suite struct RulesCommandTests {
    static let built = TurfwatchProcess.isBuilt

    private typealias Run = TurfwatchProcess.Result

    private func run(_ arguments: [String], files: [String: String]) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("turfrules-cli-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try TurfwatchProcess.run(arguments, in: directory)
    }

    @Test(.enabled(if: built)) func checkReportsEveryErrorOnStandardError() throws {
        let yaml = """
        - id: junta
          stance: pro_kremlin
          pattern: 'kiev(\\s+junta'
          effect: assert
        - id: loud
          stance: pro_kremlin
          pattern: junta
          effect: amplify
        """
        let result = try run(["rules", "check", "--stances", "pro_kremlin", "r.yaml"], files: ["r.yaml": yaml])
        #expect(result == Run(status: 1, out: "", err: """
        r.yaml:3: rule junta: bad pattern: missing closing parenthesis at offset 13
        r.yaml:8: rule loud: unknown effect 'amplify' (expected assert, boost or suppress)

        """))
    }

    @Test(.enabled(if: built)) func checkSummarisesAValidFile() throws {
        let yaml = """
        - {id: junta, stance: s, pattern: 'kiev\\s+junta', effect: assert}
        - {id: shout, stance: s, pattern: '\\p{Lu}{20}', effect: boost, weight: 0.5}
        """
        let result = try run(["rules", "check", "r.yaml"], files: ["r.yaml": yaml])
        #expect(result == Run(status: 0, out: "r.yaml: 2 rules OK (1 prefiltered by literals, 1 always run: shout)\n", err: ""))
    }

    @Test(.enabled(if: built)) func testPrintsFailuresAndExitsNonZero() throws {
        let yaml = """
        - id: junta
          stance: s
          pattern: 'kiev junta'
          flags: i
          effect: assert
          examples:
            match: [Kiev junta, Kyiv junta]
            no_match: [no junta here]
        """
        let failing = try run(["rules", "test", "r.yaml"], files: ["r.yaml": yaml])
        #expect(failing == Run(status: 1, out: """
        FAIL r.yaml:7: rule junta: expected a match, got none: "Kyiv junta"
        2 passed, 1 failed

        """, err: ""))
        let passing = try run(["rules", "test", "r.yaml"], files: ["r.yaml": yaml.replacingOccurrences(of: ", Kyiv junta", with: "")])
        #expect(passing == Run(status: 0, out: "2 passed, 0 failed\n", err: ""))
    }
}
