import ArgumentParser
import TurfCore
import TurfRules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `turfwatch rules check|test R`: validate a rules file, or run its examples like unit tests.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check a PCRE2 rules file or run its examples.",
        subcommands: [Check.self, Test.self]
    )

    /// `turfwatch rules check R`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every rule and report every error at once (file:line: rule ID: reason)."
        )

        @OptionGroup var rules: RulesFileArguments

        func run() throws {
            let ruleSet = try rules.load()
            var line = "\(rules.file): \(ruleSet.rules.count) rules OK (\(ruleSet.prefilteredCount) prefiltered by literals"
            let always = ruleSet.alwaysRunIDs
            line += always.isEmpty ? ")" : ", \(always.count) always run: \(always.joined(separator: ", ")))"
            print(line)
        }
    }

    /// `turfwatch rules test R`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples.match and examples.no_match; exit 1 on any failure."
        )

        @OptionGroup var rules: RulesFileArguments

        func run() throws {
            let ruleSet = try rules.load()
            let report = RuleTester.run(ruleSet)
            for failure in report.failures { print("FAIL \(failure)") }
            print(report.summary)
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }
}

/// The rules file and the stances its rules may name: what `rules check` and `rules test` share.
struct RulesFileArguments: ParsableArguments {
    @Argument(help: "The rules file (YAML).")
    var file: String

    @Option(help: "Comma-separated stance names rules may use (default: the file's own 'stances' list).")
    var stances: String?

    /// Loads the rules, printing every error to standard error and exiting 1 when there are any.
    func load() throws -> RuleSet {
        let known = stances.map { $0.split(separator: ",").map { String($0) } }
        do {
            return try RuleSet.load(path: file, knownStances: known)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(1)
        }
    }
}
