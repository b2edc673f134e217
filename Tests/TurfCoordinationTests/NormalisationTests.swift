import Testing
@testable import TurfCoordination

@Suite struct NormalisationTests {
    private func tokens(_ text: String) -> [UInt64] {
        var shingler = TextShingler()
        shingler.tokenize(text)
        return shingler.tokens
    }

    @Test func textIgnoresCaseLinksMentionsAndRetweetMarker() {
        #expect(tokens("RT @user: Hello, WORLD! https://t.co/xYz #Tag") == tokens("hello world tag"))
        #expect(tokens("hello world tag").count == 3)
    }

    @Test func cyrillicIsCaseFolded() {
        #expect(tokens("ПРИВЕТ Мир, Ёлка") == tokens("привет мир ёлка"))
        #expect(tokens("привет мир").count == 2)
    }

    @Test func unicodePunctuationSeparatesWordsButEmojiStay() {
        #expect(tokens("a—b «c» d…e") == tokens("a b c d e"))
        #expect(tokens("vote 🇬🇧") != tokens("vote"))
        #expect(tokens("") == [])
        #expect(tokens("@only @mentions https://x.org") == [])
    }

    @Test func urlsLoseSchemeWwwFragmentAndTrailingSlash() throws {
        let normal = try #require(ItemNormaliser.url("HTTPS://www.Example.COM/Path/?q=1#frag"))
        #expect(normal.url == "example.com/Path/?q=1")
        #expect(normal.domain == "example.com")
        #expect(ItemNormaliser.url("http://a.org/")?.url == "a.org")
        #expect(ItemNormaliser.url("a.org:8080/x")?.domain == "a.org")
        #expect(ItemNormaliser.url("") == nil)
        #expect(ItemNormaliser.url("https://") == nil)
    }

    @Test func hashtagsAreCaseFolded() {
        #expect(ItemNormaliser.hashtag("#DontVoteNuttall") == "dontvotenuttall")
        #expect(ItemNormaliser.hashtag("МИР") == "мир")
        #expect(ItemNormaliser.hashtag("#") == "")
    }

    @Test func durationsParse() {
        #expect(SignalSettings.seconds("60s") == 60)
        #expect(SignalSettings.seconds("90") == 90)
        #expect(SignalSettings.seconds("5m") == 300)
        #expect(SignalSettings.seconds("2h") == 7200)
        #expect(SignalSettings.seconds("1d") == 86_400)
        #expect(SignalSettings.seconds("") == nil)
        #expect(SignalSettings.seconds("s") == nil)
        #expect(SignalSettings.seconds("-5s") == nil)
        #expect(SignalSettings.seconds("5w") == nil)
        #expect(SignalSettings.seconds("99999999999999999d") == nil)
    }

    @Test func poissonTail() {
        #expect(PoissonTail.negativeLog10(observed: 0, mean: 3) == 0)
        #expect(abs(PoissonTail.negativeLog10(observed: 1, mean: 1) - 0.19920) < 1e-4)
        // P(N >= 3 | 0.001) is about 1.6625e-10.
        #expect(abs(PoissonTail.negativeLog10(observed: 3, mean: 0.001) - 9.7793) < 1e-3)
    }
}
