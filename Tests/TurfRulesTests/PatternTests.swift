import Testing
import TurfCore
@testable import TurfRules

@Suite struct PatternTests {
    @Test func reportsPCRE2sMessageAndOffset() {
        #expect(throws: PatternError(message: "missing closing parenthesis", offset: 3)) {
            try CompiledPattern("a(b", flags: PatternFlags(""))
        }
        #expect(throws: PatternError(message: "quantifier does not follow a repeatable item", offset: 0)) {
            try CompiledPattern("*x", flags: PatternFlags(""))
        }
    }

    @Test func rejectsPatternsThatMatchTheEmptyString() {
        #expect(throws: PatternError(message: "pattern matches the empty string, so it would fire on every post", offset: nil)) {
            try CompiledPattern("x*", flags: PatternFlags(""))
        }
    }

    @Test func rejectsUnknownFlagLetters() {
        #expect(throws: PatternError(message: "unknown flag 'q' (expected i, m, s or x)", offset: nil)) {
            try PatternFlags("iq")
        }
    }

    @Test func matchesCyrillicCaselesslyWithByteOffsets() throws {
        let pattern = try CompiledPattern("киевская хунта", flags: PatternFlags("i"))
        let matcher = PatternMatcher()
        #expect(pattern.isJITCompiled)
        // "Это КИЕВСКАЯ ХУНТА!": "Это " is 7 bytes, the phrase 27 bytes.
        #expect(matcher.firstMatch(pattern, in: "Это КИЕВСКАЯ ХУНТА!") == .match(7..<34))
        #expect(matcher.firstMatch(pattern, in: "киевская власть") == .noMatch)
    }

    @Test func caseSensitiveWithoutTheFlag() throws {
        let pattern = try CompiledPattern("хунта", flags: PatternFlags(""))
        #expect(PatternMatcher().firstMatch(pattern, in: "ХУНТА") == .noMatch)
    }

    @Test func unicodeClassesSeeLettersOfEveryScript() throws {
        let pattern = try CompiledPattern(#"#\p{L}+"#, flags: PatternFlags(""))
        let matcher = PatternMatcher()
        // Two regional indicators (8 bytes) and a space come before "#"; "#КрымНаш" is 15 bytes.
        #expect(matcher.firstMatch(pattern, in: "🇷🇺 #КрымНаш 2014") == .match(9..<24))
        #expect(matcher.firstMatch(pattern, in: "#2014") == .noMatch)
        let word = try CompiledPattern(#"\bнаш\b"#, flags: PatternFlags(""))
        // With UCP, \b knows Cyrillic letters: "КрымНаш" holds no word "наш".
        #expect(matcher.firstMatch(word, in: "крымнаш") == .noMatch)
        #expect(matcher.firstMatch(word, in: "Крым наш!") == .match(9..<15))
    }

    @Test func spansCountBytesAfterEmoji() throws {
        let pattern = try CompiledPattern("nuttall", flags: PatternFlags("i"))
        // 🤡 is 4 bytes, the space 1.
        #expect(PatternMatcher().firstMatch(pattern, in: "🤡 Nuttall") == .match(5..<12))
    }

    @Test func catastrophicBacktrackingStopsAtTheMatchLimit() throws {
        let pattern = try CompiledPattern("(a+)+$", flags: PatternFlags(""))
        let subject = String(repeating: "a", count: 10_240) + "!"
        let outcome = PatternMatcher(matchLimit: 100_000).firstMatch(pattern, in: subject)
        #expect(outcome == .failed(code: PatternMatcher.matchLimitCode))
        #expect(PCRE2Message.text(for: PatternMatcher.matchLimitCode) == "match limit exceeded")
    }

    @Test func emptySubjectDoesNotMatch() throws {
        let pattern = try CompiledPattern("a", flags: PatternFlags(""))
        #expect(PatternMatcher().firstMatch(pattern, in: "") == .noMatch)
    }
}
