import Foundation
import Testing
import TurfwatchTestSupport

/// Runs the real `turfwatch tokenize` (built beside the test bundle) and compares its exact
/// output and exit status.
@Suite struct TokenizeCommandTests {
    static let built = TurfwatchProcess.isBuilt

    private typealias Run = TurfwatchProcess.Result

    private func run(_ arguments: [String], input: [UInt8] = []) throws -> Run {
        try TurfwatchProcess.run(["tokenize"] + arguments, input: input)
    }

    @Test(.enabled(if: built)) func printsTokensAndFeatureIDs() throws {
        let result = try run(["Vote vote 2017"])
        #expect(result == Run(status: 0, out: """
            post 1
            token\tword\tvote
            token\tword\tvote
            token\tnumber\t<num>
            feature\t857440\tvote
            feature\t37975\tvote vote
            feature\t833648\tvote <num>
            feature\t717967\t<num>

            """, err: ""))
    }

    @Test(.enabled(if: built)) func readsPostsFromStandardInputWithFlags() throws {
        // `Nuttаll` has a Cyrillic `а`; the second line holds an invalid byte and an entity.
        var input = Array("RT @Leave_EU: Don't vote Nuttаll!!! #DontVoteNuttall https://www.bbc.co.uk/news/x 😂👍🏽\n".utf8)
        input += Array("bad ".utf8) + [0xFF] + Array(" byte &amp; ПУТИН\n".utf8)
        let result = try run(["--target", "Nuttall", "--no-features", "-"], input: input)
        #expect(result == Run(status: 0, out: """
            post 1
            retweet_of\t@Leave_EU
            confusables\tfolded
            masked_targets\t2
            token\tword\tdon't
            token\tword\tvote
            token\ttarget\t<target>
            token\tpunctuation\t!!
            token\thashtag\t#dontvotenuttall
            token\tword\tdont
            token\tword\tvote
            token\ttarget\t<target>
            token\turl\turl:bbc.co.uk
            token\tdomain\tdomain:bbc.co.uk
            token\temoji\t😂
            token\temoji\t👍
            post 2
            invalid_utf8\t1
            token\tword\tbad
            token\tword\tbyte
            token\tword\tпутин

            """, err: ""))
    }

    @Test(.enabled(if: built)) func badFlagValuesExitOneWithOneLine() throws {
        #expect(try run(["--numbers", "bogus", "x"]) == Run(
            status: 1, out: "", err: "turfwatch tokenize: --numbers must be class, keep or drop, not 'bogus'\n"))
        #expect(try run(["--hash-bits", "40", "x"]) == Run(
            status: 1, out: "", err: "turfwatch tokenize: --hash-bits must be in 1...31, not 40\n"))
        #expect(try run(["--char-ngrams", "5-2", "x"]) == Run(
            status: 1, out: "", err: "turfwatch tokenize: --char-ngrams must be MIN-MAX with 1 <= MIN <= MAX, not '5-2'\n"))
    }
}
