import Testing
import TurfText

@Suite struct TokenizerTests {
    private let tokenizer = Tokenizer()

    private func tokens(_ text: String, _ config: TokenizerConfig = TokenizerConfig()) -> [String] {
        Tokenizer(config: config).tokenize(text).tokens
    }

    @Test func englishTweetWithURLMentionHashtagAndEmoji() {
        let result = tokenizer.tokenize(
            "Don't vote for him @UKIP!!! #DontVoteNuttall https://www.BBC.co.uk/news/uk-politics-39 😂👍🏽")
        #expect(result.tokens == [
            "don't", "vote", "for", "him", "@user", "!!", "#dontvotenuttall", "dont", "vote", "nuttall",
            "url:bbc.co.uk", "domain:bbc.co.uk", "😂", "👍",
        ])
        #expect(result.kinds == [
            .word, .word, .word, .word, .mention, .punctuation, .hashtag, .word, .word, .word, .url, .domain,
            .emoji, .emoji,
        ])
        #expect(result.retweetedHandle == nil)
        #expect(!result.foldedConfusables)
    }

    @Test func russianTweet() {
        #expect(tokens("Ёлки! Крым — это Россия, а Украина… #КрымНаш https://t.co/x1Y2z 2014 🇷🇺") == [
            "елки", "!", "крым", "это", "россия", "а", "украина", "#крымнаш", "крым", "наш", "url:t.co", "<num>",
            "🇷🇺",
        ])
    }

    @Test func russianWordsFoldCapAndFallBackForMarks() {
        #expect(tokens("ДАААА Ёжик ЁЛКИ-палки моло\u{301}дец Москва2024 vоdka") == [
            "даа", "ежик", "елки", "палки", "моло\u{301}дец", "москва2024", "vodka",
        ])
        var keepYo = TokenizerConfig()
        keepYo.foldYo = false
        #expect(tokens("Ёжик ёлка", keepYo) == ["ёжик", "ёлка"])
    }

    @Test func greekIsCaseFolded() {
        #expect(tokens("ΟΧΙ στην ΕΕ, Σοφία ΤΕΛΟΣ") == ["οχι", "στην", "εε", "σοφία", "τελοσ"])
    }

    @Test func mixedScriptEvasionFoldsToTheMainScriptAndIsReported() {
        // Cyrillic а (U+0430) inside Latin "Nuttall"; Latin T and y inside Cyrillic "ПуTин".
        let latin = tokenizer.tokenize("Vote Nutt\u{430}ll out")
        #expect(latin.tokens == ["vote", "nuttall", "out"])
        #expect(latin.foldedConfusables)
        let cyrillic = tokenizer.tokenize("\u{41F}yT\u{438}\u{43D} молодец")
        #expect(cyrillic.tokens == ["путин", "молодец"])
        #expect(cyrillic.foldedConfusables)
        #expect(!tokenizer.tokenize("Nuttall Путин").foldedConfusables)
        var off = TokenizerConfig()
        off.foldConfusables = false
        let kept = Tokenizer(config: off).tokenize("Nutt\u{430}ll")
        #expect(kept.tokens == ["nutt\u{430}ll"])
        #expect(!kept.foldedConfusables)
    }

    @Test func retweetMarkerIsReportedNotTokenized() {
        let result = tokenizer.tokenize("RT @Leave_EU: Nuttall is the man")
        #expect(result.retweetedHandle == "Leave_EU")
        #expect(result.tokens == ["nuttall", "is", "the", "man"])
        let notLeading = tokenizer.tokenize("so RT @x: this")
        #expect(notLeading.retweetedHandle == nil)
        #expect(notLeading.tokens == ["so", "rt", "@user", "this"])
        #expect(tokenizer.tokenize("RT @x no colon").retweetedHandle == nil)
    }

    /// The scanner tests a post's first letter before calling the marker's parser: the edges
    /// of that test (the shortest marker, either case, leading spaces, posts of one to five
    /// bytes, an `r` word that is no marker).
    @Test func retweetMarkerEdges() {
        let shortest = tokenizer.tokenize("RT @a:")
        #expect(shortest.retweetedHandle == "a")
        #expect(shortest.tokens == [])
        let mixedCase = tokenizer.tokenize("rT @b_2: ok")
        #expect(mixedCase.retweetedHandle == "b_2")
        #expect(mixedCase.tokens == ["ok"])
        let spaced = tokenizer.tokenize("   Rt @c: yes")
        #expect(spaced.retweetedHandle == "c")
        #expect(spaced.tokens == ["yes"])
        for text in ["R", "rt", "RT @", "RT @a", "RT @:"] {
            #expect(tokenizer.tokenize(text).retweetedHandle == nil, "\(text)")
        }
        #expect(tokenizer.tokenize("RT @a").tokens == ["rt", "@user"])
        let word = tokenizer.tokenize("really @a: no")
        #expect(word.retweetedHandle == nil)
        #expect(word.tokens == ["really", "@user", "no"])
    }

    @Test func htmlEntitiesAreDecodedOnce() {
        #expect(tokens("Tom &amp; Jerry &lt;3 it&#39;s &#x41;BC &amp;amp; &bogus; &#8203;x") == [
            "tom", "jerry", "<num>", "it's", "abc", "amp", "bogus", "x",
        ])
    }

    @Test func invalidUTF8BecomesReplacementCharacterAndNeverCrashes() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xC3] + Array(" fine".utf8) + [0xE2, 0x82] + Array("x".utf8)
            + [0xED, 0xA0, 0x80] + [0xF0, 0x9F]
        let result = tokenizer.tokenize(bytes: bytes)
        #expect(result.tokens == ["ok", "fine", "x"])
        #expect(result.invalidSequences == 7)
        #expect(tokenizer.tokenize(bytes: [0xC3]).tokens == [])
        #expect(tokenizer.tokenize(bytes: [0x61, 0xC3, 0xA9, 0xC3]).tokens == ["aé"])
    }

    @Test func emptyAndBlankPosts() {
        #expect(tokenizer.tokenize("").tokens == [])
        #expect(tokenizer.tokenize("   \n\t ").tokens == [])
        #expect(tokenizer.tokenize("\u{200B}\u{FEFF}").tokens == [])
        #expect(tokenizer.tokenize("RT").tokens == ["rt"])
    }

    @Test func oneMegabytePost() {
        let unit = "Vote #Brexit now @x 😂 "
        let text = String(repeating: unit, count: (1 << 20) / unit.utf8.count + 1)
        let result = tokenizer.tokenize(text)
        let perUnit = ["vote", "#brexit", "brexit", "now", "@user", "😂"]
        #expect(result.tokens.count == perUnit.count * ((1 << 20) / unit.utf8.count + 1))
        #expect(Array(result.tokens.prefix(12)) == perUnit + perUnit)
        #expect(Array(result.tokens.suffix(6)) == perUnit)
        let oneWord = String(repeating: "ж", count: 1 << 19)
        #expect(tokenizer.tokenize(oneWord).tokens == ["жж"])
    }

    @Test func hashtagsSplitOnCaseDigitsAndUnderscores() {
        #expect(tokens("#DontVoteNuttall") == ["#dontvotenuttall", "dont", "vote", "nuttall"])
        #expect(tokens("#BBCNews #GE2017 #stop_the_war #brexit") == [
            "#bbcnews", "bbc", "news", "#ge2017", "ge", "<num>", "#stop_the_war", "stop", "the", "war", "#brexit",
            "brexit",
        ])
        #expect(tokens("#123 C# a#b") == ["<num>", "c", "a", "b"])
        // Confusables fold word by word inside a tag; a tag that joins a Russian and an English
        // word is not evasion.
        let evasive = tokenizer.tokenize("#DontVoteNutt\u{430}ll")
        #expect(evasive.tokens == ["#dontvotenuttall", "dont", "vote", "nuttall"])
        #expect(evasive.foldedConfusables)
        let bilingual = tokenizer.tokenize("#ПутинBBCNews_2017")
        #expect(bilingual.tokens == ["#путинbbcnews_2017", "путин", "bbc", "news", "<num>"])
        #expect(!bilingual.foldedConfusables)
        var noSplit = TokenizerConfig()
        noSplit.splitHashtags = false
        #expect(tokens("#DontVoteNuttall", noSplit) == ["#dontvotenuttall"])
    }

    @Test func mentionsAndHandles() {
        #expect(tokens("@Nigel_Farage said hi to me@example.com") == ["@user", "said", "hi", "to", "me", "example", "com"])
        var handles = TokenizerConfig()
        handles.mentionHandles = true
        #expect(tokens("@Nigel_Farage hi", handles) == ["@user", "@nigel_farage", "hi"])
    }

    @Test func urlsGiveHostAndRegistrableDomain() {
        #expect(tokens("see https://news.bbc.co.uk/a, http://WWW.Example.COM:8080/x and www.rt.com.") == [
            "see", "url:news.bbc.co.uk", "domain:bbc.co.uk", "url:example.com", "domain:example.com", "and",
            "url:rt.com", "domain:rt.com",
        ])
        #expect(tokens("https://t.co/AbCdEf https://m.vk.com/wall http://10.0.0.1/x") == [
            "url:t.co", "url:m.vk.com", "domain:vk.com", "url:10.0.0.1", "domain:10.0.0.1",
        ])
        #expect(tokens("http:// https") == ["https"])
        var noDomains = TokenizerConfig()
        noDomains.urlDomains = false
        #expect(tokens("https://news.bbc.co.uk/a", noDomains) == ["url:news.bbc.co.uk"])
    }

    @Test func cashtagsNumbersAndPunctuationRuns() {
        #expect(tokens("$TSLA up 5% to $1,200.50?! Really?? Yes! No!!!") == [
            "$tsla", "up", "<num>", "to", "<num>", "?!", "really", "??", "yes", "!", "no", "!!",
        ])
        var keep = TokenizerConfig()
        keep.numbers = .keep
        keep.punctuationRuns = false
        #expect(tokens("1,200.50 and 2017 covid19 covid1999 vaaaax1999", keep) == [
            "1,200.50", "and", "2017", "covid19", "covid1999", "vaax1999",
        ])
        keep.numbers = .drop
        #expect(tokens("1,200.50 and 2017", keep) == ["and"])
    }

    @Test func emojiGraphemesWithSkinTonesFolded() {
        #expect(tokens("👍🏻👍🏿 ❤️❤ 👩🏽‍💻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇺🇦🇷🇺") == [
            "👍", "👍", "❤", "❤", "👩‍💻", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🇺🇦", "🇷🇺",
        ])
        var none = TokenizerConfig()
        none.emoji = false
        #expect(tokens("yes 😂 no", none) == ["yes", "no"])
    }

    @Test func unicodeNormalisation() {
        // Full-width, ё, zero-width inside a word, soft hyphen, controls, elongation, curly apostrophe.
        #expect(tokens("ＮＵＴＴＡＬＬ Ещё Nut\u{200B}tall ca\u{AD}t a\u{7}b sooooo Noooo don’t") == [
            "nuttall", "еще", "nuttall", "cat", "ab", "soo", "noo", "don't",
        ])
        var config = TokenizerConfig()
        config.foldYo = false
        config.maxRepeat = 0
        #expect(tokens("Ещё sooooo", config) == ["ещё", "sooooo"])
        #expect(tokens("Ÿ İ ſ Straße ÀÉÎ ŁÓDŹ") == ["ÿ", "i", "s", "straße", "àéî", "łódź"])
    }

    @Test func targetMaskingLongestNameFirst() {
        var config = TokenizerConfig()
        config.targets = ["Paul Nuttall", "Nuttall"]
        let result = Tokenizer(config: config).tokenize("Paul Nuttall, or just NUTTALL? #PaulNuttall")
        #expect(result.tokens == ["<target>", "or", "just", "<target>", "?", "#paulnuttall", "<target>"])
        #expect(result.kinds.first == .target)
        #expect(result.maskedTargets == 3)
        #expect(Tokenizer(config: config).tokenize("Paul Smith").tokens == ["paul", "smith"])
    }

    @Test func stopTokensAreDropped() {
        var config = TokenizerConfig()
        config.stopTokens = ["#SemST", "rt", "<num>"]
        #expect(tokens("rt Abortion is murder #SemST 2016", config) == ["abortion", "is", "murder", "sem", "st"])
    }
}
