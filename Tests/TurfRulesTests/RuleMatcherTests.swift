import Testing
import TurfCore
@testable import TurfRules

@Suite struct RuleMatcherTests {
    private func post(_ text: String, id: String = "1", hashtags: [String] = [], urls: [String] = [], meme: String = "") -> Post {
        Post(id: id, account: AccountRef(id: "a"), text: text, hashtags: hashtags, urls: urls, memeText: meme)
    }

    @Test func reportsHitsInRuleOrderWithByteSpans() throws {
        let rules = RuleSet(rules: [
            try Rule(id: "junta", stance: "pro_kremlin", pattern: #"киевск\p{L}+ хунт\p{L}+"#, flags: "i", effect: .assert),
            try Rule(id: "ukropy", stance: "anti_ukraine", pattern: #"\bукроп\p{L}*"#, flags: "i", effect: .boost, weight: 1.5),
        ])
        let matcher = RuleMatcher(ruleSet: rules)
        // "🔥 " is 5 bytes; "Укропы" 12 bytes; " и " 4 bytes; "КИЕВСКОЙ ХУНТЕ" 27 bytes.
        let hits = matcher.hits(in: post("🔥 Укропы и КИЕВСКОЙ ХУНТЕ конец"))
        #expect(hits == [
            RuleHit(id: "junta", stance: "pro_kremlin", effect: .assert, field: .text, start: 21, end: 48),
            RuleHit(id: "ukropy", stance: "anti_ukraine", effect: .boost, field: .text, start: 5, end: 17),
        ])
        #expect(matcher.failures.isEmpty)
        #expect(matcher.hits(in: post("ничего такого")).isEmpty)
    }

    @Test func hashtagsAndURLsAreMatchedOneItemALine() throws {
        let rules = RuleSet(rules: [
            try Rule(id: "krym", stance: "pro_kremlin", pattern: "^крымнаш$", flags: "im", field: .hashtags, effect: .assert),
            try Rule(id: "rt", stance: "pro_kremlin", pattern: #"^https?://(?:www\.)?rt\.com/"#, flags: "m", field: .urls, effect: .boost, weight: 1),
        ])
        let matcher = RuleMatcher(ruleSet: rules)
        let hits = matcher.hits(in: post("text mentions КрымНаш", hashtags: ["Russia", "КрымНаш"], urls: ["https://example.org/a", "https://www.rt.com/news/1"]))
        // "Russia\n" is 7 bytes; "https://example.org/a\n" is 22 bytes.
        #expect(hits == [
            RuleHit(id: "krym", stance: "pro_kremlin", effect: .assert, field: .hashtags, start: 7, end: 21),
            RuleHit(id: "rt", stance: "pro_kremlin", effect: .boost, field: .urls, start: 22, end: 41),
        ])
        #expect(matcher.hits(in: post("#КрымНаш in the text only")).isEmpty)
    }

    @Test func anyFieldTriesTextThenMemeThenHashtagsThenURLs() throws {
        let rules = RuleSet(rules: [try Rule(id: "nuttall", stance: "anti_candidate", pattern: "don't vote nuttall", flags: "i", field: .any, effect: .assert)])
        let matcher = RuleMatcher(ruleSet: rules)
        #expect(matcher.hits(in: post("look", meme: "DON'T VOTE NUTTALL")) == [
            RuleHit(id: "nuttall", stance: "anti_candidate", effect: .assert, field: .memeText, start: 0, end: 18),
        ])
        #expect(matcher.hits(in: post("Don't vote Nuttall", meme: "Don't vote Nuttall")).map(\.field) == [.text])
    }

    @Test func rulesWithoutLiteralsAlwaysRun() throws {
        let rules = RuleSet(rules: [
            try Rule(id: "shouting", stance: "pro_kremlin", pattern: #"\p{Lu}{12,}"#, effect: .boost, weight: 0.2),
            try Rule(id: "junta", stance: "pro_kremlin", pattern: "junta", flags: "i", effect: .assert),
        ])
        #expect(rules.alwaysRunIDs == ["shouting"])
        #expect(rules.prefilteredCount == 1)
        let matcher = RuleMatcher(ruleSet: rules)
        #expect(matcher.hits(in: post("ПРОПАГАНДИСТЫ junta")).map(\.id) == ["shouting", "junta"])
        #expect(matcher.patternRuns == 2)
        #expect(matcher.hits(in: post("nothing here")).isEmpty)
        #expect(matcher.patternRuns == 3)
    }

    @Test func declaredKeywordsReplaceTheExtractedLiterals() throws {
        let rules = RuleSet(rules: [
            try Rule(id: "kw", stance: "pro_kremlin", pattern: #"\bнацист\p{L}*"#, flags: "i", effect: .boost, weight: 1, keywords: ["НАЦИСТ"]),
        ])
        let matcher = RuleMatcher(ruleSet: rules)
        #expect(matcher.hits(in: post("Нацисты в Киеве")).map(\.id) == ["kw"])
        #expect(matcher.hits(in: post("нацизм")).isEmpty)
    }

    @Test func matchLimitIsReportedWithTheRuleIDAndTheBatchCarriesOn() throws {
        let rules = RuleSet(rules: [
            try Rule(id: "catastrophic", stance: "pro_kremlin", pattern: "(a+)+$", effect: .boost, weight: 1),
            try Rule(id: "junta", stance: "pro_kremlin", pattern: "junta", effect: .assert),
        ])
        let matcher = RuleMatcher(ruleSet: rules)
        let batch = [
            post("junta first", id: "p1"),
            post(String(repeating: "a", count: 10_240) + "! junta", id: "p2"),
            post("the junta again", id: "p3"),
        ]
        var hitsPerPost: [[String]] = []
        var failures: [RuleMatchFailure] = []
        for item in batch {
            hitsPerPost.append(matcher.hits(in: item).map(\.id))
            failures += matcher.failures
        }
        #expect(hitsPerPost == [["junta"], ["junta"], ["junta"]])
        #expect(failures == [RuleMatchFailure(ruleID: "catastrophic", postID: "p2", field: .text, code: -47, message: "match limit exceeded")])
        #expect(failures.first?.isMatchLimit == true)
        #expect(failures.first?.description == "rule catastrophic: post p2, field text: match limit exceeded; rule skipped for this post")
    }

    /// The prefilter must never hide a match: compare with running every rule on every post.
    @Test func prefilterAgreesWithRunningEveryRule() throws {
        let patterns = [
            #"\bkiev\s+junta\b"#, "киевская хунта", #"#крымнаш"#, #"(?:nazi|fascist)\s+regime"#, "укроп[ыа]",
            #"don'?t\s+vote\s+nuttall"#, #"\bbandera\p{L}*"#, "бандеров", #"STOP\s*FAKE"#, "fact[- ]check",
        ]
        let rules = RuleSet(rules: try patterns.enumerated().map { index, pattern in
            try Rule(id: "r\(index)", stance: "s", pattern: pattern, flags: index.isMultiple(of: 2) ? "i" : "", effect: .boost, weight: 1)
        })
        #expect(rules.alwaysRunIDs.isEmpty)
        let texts = [
            "The KIEV JUNTA again", "Киевская Хунта", "КИЕВСКАЯ ХУНТА", "#КрымНаш 🇷🇺", "Nazi regime", "nazi  REGIME",
            "укропа", "УКРОПЫ", "Dont vote Nuttall", "DON'T VOTE NUTTALL", "Banderite scum", "БАНДЕРОВЦЫ", "бандеровцы",
            "StopFake", "STOP FAKE", "Fact-check: false", "FACT CHECK", "\u{212A}iev junta", "ordinary tweet", "",
        ]
        let matcher = RuleMatcher(ruleSet: rules)
        let brute = PatternMatcher()
        for text in texts {
            let expected = rules.rules.filter {
                if case .match = brute.firstMatch($0.pattern, in: text) { return true }
                return false
            }.map(\.id)
            #expect(matcher.hits(in: post(text)).map(\.id) == expected, "\(text)")
        }
    }
}
