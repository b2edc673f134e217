import Testing

@testable import TurfText

/// The word-wide fast paths (plain-text copying in the normaliser, ASCII letter words, lower-case
/// Russian words, the unigram-and-bigram hashing loop, the bucket sort) must give exactly what
/// the general code gives, token for token and id for id.
@Suite struct FastPathTests {
    /// Pieces of posts that exercise every rule near the fast paths' edges.
    static let fragments: [String] = [
        "hello", "HELLO", "Hello", "sooooo", "gooood", "don't", "DON'T", "they're", "can’t", "rock'n'roll",
        "'quoted'", "it's'", "x'", "'x", "5'", "a'5", "2017", "1,200.50", "3.14", "1.2.3", "12a", "a12", "l33t",
        "abcdefgh", "abcdefgaaa", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "x", "xx", "xxx",
        "Nuttаll", "ПуTин", "Путин", "ПУТИН", "Ёлка", "ёжик", "ёёёё", "Россия", "крым", "ооооочень", "абвгддд",
        "абвгдежз", "абвгдежзийклмноп", "мир", "я", "КрымНаш", "αβγ", "Αθήνα", "naïve", "café", "ÉCOLE",
        "straße", "İstanbul", "ǅ", "日本語", "한국어", "مرحبا", "e\u{301}", "ҐґЄєІі", "ӀӏҺһ", "Ѐѐ", "word’s",
        "#DontVoteNuttall", "#BBCNews", "#GE2017", "#123", "#stop_the_war", "#КрымНаш", "#ПутинBBCNews",
        "#Nuttаll", "#_", "#aaaBBBccc", "#ABCdef", "#abcDEF", "#x1y2z3", "#__x__", "#a", "#Aaa", "#AAAb", "#a_1_B",
        "#soooo", "#ABCDEFGHIJKLMNOP", "#abcdefghijklmnopq", "#SaveOurNHS2017", "#I_am_HERE_99", "#9lives", "#UKIP",
        "#ЁлкаЁЁЁ", "#ПУТИНвор", "#ААААбб", "#ёжикЁжик", "#РоссияUK", "#Крым2014", "#Я", "#мирМИР", "#ЖЖЖ", "@user", "@Nigel_Farage", "a@b", "me@example.com", "RT @x:", "rt @Abc: ",
        "https://t.co/AbC", "https://www.BBC.co.uk/news/x", "http://ria.ru/world/", "www.example.com/path",
        "HTTPS://WWW.X.COM", "$TSLA", "$TOOLONGX", "C#", "!", "!!!", "?!?!", "...", ",", "—", "…", "«мир»",
        "😂", "👍🏽", "❤️", "👩🏽‍💻", "🇷🇺", "1️⃣", "✅", "©", "\u{200D}", "x\u{200D}y", "&amp;", "&amp;amp;",
        "&lt;3", "&#39;", "&#x1F600;", "&bogus;", "&", "AT&T", "Nut\u{200B}tall", "soft\u{AD}hyphen",
        "\u{202E}bidi", "\u{FEFF}bom", "tab\there", "ＨＥＬＬＯ", "！", "\u{3000}", "\u{A0}", "\u{1}", "\u{7F}",
        "\u{85}", "a\u{FE0F}b", "ЛОЛЛЛЛ", "Çççç", "ßßß",
    ]

    /// Byte sequences that are not valid UTF-8.
    static let invalid: [[UInt8]] = [
        [0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xD0], [0xE2, 0x82],
        [0x80], [0xD0, 0xD0], [0xD1, 0x20], [0xD0, 0xB0, 0xD1],
    ]

    /// A seeded corpus of posts made of fragments, separators and invalid bytes.
    static func corpus(count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let separators: [[UInt8]] = [[0x20], [0x20], [0x20, 0x20], [], [0x2C], [0x2E, 0x20], [0x2D], [0x27], [0x5F]]
        var posts: [[UInt8]] = []
        for _ in 0..<count {
            var post: [UInt8] = []
            for _ in 0..<(next() % 24) {
                if next() % 25 == 0 {
                    post += invalid[next() % invalid.count]
                } else {
                    post += Array(fragments[next() % fragments.count].utf8)
                }
                post += separators[next() % separators.count]
            }
            if next() % 13 == 0 { post = Array(post.prefix(next() % (post.count + 1))) }
            posts.append(post)
        }
        return posts
    }

    @Test func tokensMatchTheGeneralPath() {
        for config in [TokenizerConfig(), TokenizerConfig(maxRepeat: 0), TokenizerConfig(maxRepeat: 3)] {
            let fast = Tokenizer(config: config, fastPaths: true)
            let general = Tokenizer(config: config, fastPaths: false)
            for post in Self.corpus(count: 2000) {
                #expect(fast.tokenize(bytes: post) == general.tokenize(bytes: post), "\(post)")
            }
        }
    }

    @Test func featuresMatchTheGeneralPath() {
        let configs = [
            FeatureConfig(weighting: .counts, l2Normalize: false),
            FeatureConfig(wordNGrams: 3, charNGrams: 2...4, hashBits: 12),
        ]
        for config in configs {
            let fast = FeatureExtractor(config: config, fastPaths: true)
            let general = FeatureExtractor(config: config, fastPaths: false)
            let fastScratch = FeatureScratch()
            let generalScratch = FeatureScratch()
            for post in Self.corpus(count: 1500) {
                post.withUnsafeBufferPointer {
                    fast.vector(for: $0, into: fastScratch)
                    general.vector(for: $0, into: generalScratch)
                }
                #expect(fastScratch.makeVector() == generalScratch.makeVector(), "\(post)")
            }
        }
    }

    @Test func fastPathEdgesGiveExactTokens() {
        let tokenizer = Tokenizer()
        // Runs capped across the 8-byte (4-letter) boundary, words of exactly 8 and 16 bytes,
        // words ending the text, apostrophes.
        #expect(tokenizer.tokenize("abcdefgaaa abcdefgh abcdefghijklmnop").tokens == ["abcdefgaa", "abcdefgh", "abcdefghijklmnop"])
        #expect(tokenizer.tokenize("SOOOOO goood x").tokens == ["soo", "good", "x"])
        #expect(tokenizer.tokenize("DON'T rock'n'roll it'").tokens == ["don't", "rock'n'roll", "it"])
        #expect(tokenizer.tokenize("абвгддд ооооочень абвгдежзийклмноп").tokens == ["абвгдд", "оочень", "абвгдежзийклмноп"])
        #expect(tokenizer.tokenize("мир, мир2 мир").tokens == ["мир", "мир2", "мир"])
        #expect(tokenizer.tokenize("крым😂").tokens == ["крым", "😂"])
        // Short ASCII hashtags take the word-wide split; 17 bytes and repeats take the general one.
        #expect(tokenizer.tokenize("#I_am_HERE_99").tokens == ["#i_am_here_99", "i", "am", "here", "<num>"])
        #expect(tokenizer.tokenize("#BBCNews2017x").tokens == ["#bbcnews2017x", "bbc", "news", "<num>", "x"])
        #expect(tokenizer.tokenize("#Sooooo #abcdefghijklmnopQ").tokens == ["#sooooo", "soo", "#abcdefghijklmnopq", "abcdefghijklmnop", "q"])
        // Hashtags of Russian letters take their own fast path; mixed ones the general one.
        #expect(tokenizer.tokenize("#КрымНаш #ооооочень #ПУТИНвор #ЁлкаЁ #КрымUK").tokens
            == ["#крымнаш", "крым", "наш", "#ооооочень", "оочень", "#путинвор", "пути", "нвор", "#елкае", "елка", "е",
                "#крымuk", "крым", "uk"])
        #expect(Tokenizer(config: TokenizerConfig(foldYo: false)).tokenize("#ЁлкаЁ").tokens == ["#ёлкаё", "ёлка", "ё"])
        // Plain words one space apart are scanned in one run, which stops at links, numbers,
        // capitals needing no more than lower-casing, apostrophes and non-ASCII words.
        #expect(tokenizer.tokenize("what who www.x.com what Http://y.org x").tokens
            == ["what", "who", "url:x.com", "domain:x.com", "what", "url:y.org", "domain:y.org", "x"])
        #expect(tokenizer.tokenize("go 2017 go GO don't naïve sooo x  y").tokens
            == ["go", "<num>", "go", "go", "don't", "naïve", "soo", "x", "y"])
        // Handles, hosts and link paths are scanned eight bytes at a time: runs of exactly 8 and
        // 16 bytes, ending the text, and stopped by each kind of byte.
        let handles = Tokenizer(config: TokenizerConfig(mentionHandles: true))
        let retweet = handles.tokenize("RT @Abcdefgh: x @ABCDEFGHijklmnop @a_1.b @abcdefg-h @abcdefgh")
        #expect(retweet.retweetedHandle == "Abcdefgh")
        #expect(retweet.tokens == ["x", "@user", "@abcdefghijklmnop", "@user", "@a_1", "b", "@user", "@abcdefg", "h", "@user", "@abcdefgh"])
        #expect(tokenizer.tokenize("https://www.Abcdefgh.co.uk/abcdefgh").tokens == ["url:abcdefgh.co.uk", "domain:abcdefgh.co.uk"])
        #expect(tokenizer.tokenize("http://a-b_c.de:8080/x?y=1 z").tokens == ["url:a-b_c.de", "domain:a-b_c.de", "z"])
        #expect(tokenizer.tokenize("www.abcdefghijklmno.ru/ok, x").tokens == ["url:abcdefghijklmno.ru", "domain:abcdefghijklmno.ru", "x"])
    }

    /// Hashtags of Russian letters on their branch-free path (at most 64 letters, no stop
    /// tokens, cap not 1) and its way back to the letter-by-letter one (a letter three times
    /// in a row, 65 letters, a bad byte): the tokens of the general path in every configuration.
    @Test func russianHashtagsMatchTheGeneralPath() {
        let long = String(repeating: "Аб", count: 32)
        let tags = [
            "#КрымНаш", "#Россия", "#Украина", "#Донбасс", "#КРЫМнаш", "#крымНАШ", "#КрымНАШвор", "#аБвГ", "#АБ",
            "#Я", "#я", "#ЁлкаЁЁлка", "#ёжикЁжик", "#ЖЖЖ", "#ааБББввв", "#ааббвв", "#ммМммм", "#ПутинХуйло",
            "#" + long, "#" + long + "в", "#" + long + "В", "#абв\u{0301}", "#абвӀ", "#абвґ", "#РоссияUK",
            "#Нуттолл", "#ОТКРЫТЬ", "#аааа", "#ЭтоНашКрым2014", "#Ѐлка",
        ]
        let configs = [
            TokenizerConfig(), TokenizerConfig(maxRepeat: 0), TokenizerConfig(maxRepeat: 1), TokenizerConfig(maxRepeat: 3),
            TokenizerConfig(foldYo: false), TokenizerConfig(targets: ["Нуттолл", "Путин"]),
            TokenizerConfig(stopTokens: ["#крымнаш"]),
        ]
        for config in configs {
            let fast = Tokenizer(config: config, fastPaths: true)
            let general = Tokenizer(config: config, fastPaths: false)
            for tag in tags {
                let post = "x " + tag + " y " + tag
                #expect(fast.tokenize(post) == general.tokenize(post), "\(post)")
            }
        }
        #expect(Tokenizer().tokenize("#КРЫМнаш #аБвГ #ЁлкаЁЁлка").tokens
            == ["#крымнаш", "кры", "мнаш", "#абвг", "а", "бв", "г", "#елкаеелка", "елка", "е", "елка"])
        #expect(Tokenizer().tokenize("#" + long).tokens.count == 33)
    }

    /// Four-byte emoji copied whole by the normaliser: the bytes and the zero-width-joiner rule
    /// of the scalar path, for emoji, skin tones, flags, tags, bad or missing continuation
    /// bytes, other four-byte scalars and sequences cut at the end of the text.
    @Test func emojiCopiedWholeMatchTheScalarPath() {
        let texts: [[UInt8]] = [
            Array("😂👍🏽 x🇷🇺🇬🇧\u{200D}y 🏽\u{200D}👍 👩🏽\u{200D}💻 🏴\u{E0067}\u{E0062}\u{E007F} 𝐀\u{200D}x 🀄\u{200D} \u{1FAFF}\u{200D}\u{1FB00}\u{200D}\u{1FFFD}\u{200D}".utf8),
            [0xF0, 0x9F, 0x98], [0xF0, 0x9F], [0xF0], [0xF0, 0x9F, 0x98, 0x41], [0xF0, 0x9F, 0xC0, 0x82],
            [0xF0, 0x8F, 0x98, 0x82], [0x41, 0xF0, 0x9F, 0x98, 0x82, 0xE2, 0x80, 0x8D, 0x41], [0xF0, 0x9F, 0x98, 0x82, 0xF0],
        ]
        for text in texts {
            let wide = Self.normalized(text, wordWide: true)
            #expect(wide == Self.normalized(text, wordWide: false), "\(text)")
        }
        #expect(Self.normalized(Array("a😂\u{200D}b\u{200D}".utf8), wordWide: true) == Array("a😂\u{200D}b".utf8) + [0])
    }

    private static func normalized(_ text: [UInt8], wordWide: Bool) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 3 * text.count + 16)
        let outcome = text.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer {
                TextNormalizer.normalize(input.baseAddress!, count: text.count, into: $0.baseAddress!, wordWide: wordWide)
            }
        }
        return Array(output.prefix(outcome.count)) + [UInt8(truncatingIfNeeded: outcome.invalidSequences)]
    }

    /// Posts whose words have every length from 1 to 12 bytes (ASCII, Cyrillic, emoji), over
    /// 6,000 distinct words.
    static func cachePosts() -> [[UInt8]] {
        var state: UInt64 = 99
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyz").map(String.init) + ["я", "ж", "😂", "'"]
        let words = (0..<6000).map { index -> String in
            var word = letters[index % 26]
            for _ in 0..<(index % 12) { word += letters[next() % letters.count] }
            return word
        }
        // Posts starting with tokens of 16, 3, 9 and 8 bytes, then words of all lengths, some
        // frequent, some rare.
        var posts: [[UInt8]] = Array(repeating: Array("abcdefghijklmnop the abcdefghi abcdefgh".utf8), count: 2)
        for _ in 0..<1500 {
            let text = (0..<(next() % 30)).map { _ in next() % 3 == 0 ? words[next() % 40] : words[next() % words.count] }
            posts.append(Array(text.joined(separator: " ").utf8))
        }
        return posts
    }

    @Test func sharedScratchMatchesHashing() {
        // One scratch shared by extractors with different seeds and hash widths, in turn: the
        // fast path must give what the general path gives.
        let configs = [
            FeatureConfig(weighting: .counts, l2Normalize: false),
            FeatureConfig(hashBits: 12, seed: 7, weighting: .counts, l2Normalize: false),
            FeatureConfig(hashBits: 31, weighting: .counts, l2Normalize: false),
        ]
        let fast = configs.map { FeatureExtractor(config: $0, fastPaths: true) }
        let general = configs.map { FeatureExtractor(config: $0, fastPaths: false) }
        let shared = FeatureScratch()
        let generalScratch = FeatureScratch()
        for (index, post) in Self.cachePosts().enumerated() {
            let which = index % 7 == 0 ? index % 3 : 0
            post.withUnsafeBufferPointer {
                fast[which].vector(for: $0, into: shared)
                general[which].vector(for: $0, into: generalScratch)
            }
            #expect(shared.makeVector() == generalScratch.makeVector(), "\(String(decoding: post, as: UTF8.self))")
        }
        // Ids from the fast path equal the documented hash of each token and bigram.
        let extractor = FeatureExtractor(config: FeatureConfig(weighting: .counts, l2Normalize: false))
        let text = "the vote the abcdefgh vote abcdefghi the"
        let expected = Set(["the", "vote", "abcdefgh", "abcdefghi", "the vote", "vote the", "the abcdefgh",
                            "abcdefgh vote", "vote abcdefghi", "abcdefghi the"].map { extractor.id(ofWordFeature: $0) })
        let bytes = Array(text.utf8)
        for _ in 0..<2 {
            bytes.withUnsafeBufferPointer { extractor.vector(for: $0, into: shared) }
            #expect(Set(shared.indices) == expected)
        }
    }

    @Test func tokensNeverHoldAZeroByte() {
        // The normaliser drops U+0000, raw or as an entity, with every other control character.
        let tokenizer = Tokenizer()
        for text in ["a\u{0}b", "&#0;x", "x&#x0;y", "\u{0}\u{0}", "#a\u{0}b", "@a\u{0}b", "https://a\u{0}b.com"] {
            let tokens = tokenizer.tokenize(text).tokens
            #expect(tokens.allSatisfy { !$0.utf8.contains(0) }, "\(tokens)")
        }
    }

    /// `sortAndCount` on `values` gives each distinct id once, ascending, with its count.
    private func expectSortAndCountMatchesADictionary(_ values: [UInt32], hashBits: Int,
                                                      sourceLocation: SourceLocation = #_sourceLocation) {
        var ids = RawBuffer<UInt32>(capacity: max(values.count, 1))
        var weights = RawBuffer<Float>(capacity: 16)
        var spare = RawBuffer<UInt32>(capacity: 16)
        var lanes = RawBuffer<UInt64>(capacity: 16)
        defer {
            ids.deallocate()
            weights.deallocate()
            spare.deallocate()
            lanes.deallocate()
        }
        for value in values { ids.append(value) }
        var squares = -1
        let unique = FeatureExtractor.sortAndCount(
            ids: &ids, weights: &weights, spare: &spare, lanes: &lanes, hashBits: hashBits, squares: &squares)
        var expected: [UInt32: Float] = [:]
        for value in values { expected[value, default: 0] += 1 }
        let keys = expected.keys.sorted()
        #expect(squares == expected.values.reduce(0) { $0 + Int($1) * Int($1) }, sourceLocation: sourceLocation)
        #expect(Array(UnsafeBufferPointer(start: ids.base, count: unique)) == keys, sourceLocation: sourceLocation)
        #expect(Array(UnsafeBufferPointer(start: weights.base, count: unique)) == keys.map { expected[$0]! },
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 12, 20, 31])
    func sortAndCountMatchesADictionary(hashBits: Int) {
        var state: UInt64 = 42
        let mask = UInt32(truncatingIfNeeded: (1 << hashBits) - 1)
        // Below, at and above the bucket passes' limits (17, 255 and 65,536 ids); few distinct
        // ids (many repeats, many out of place in their bucket) and many.
        for count in [0, 1, 2, 15, 16, 17, 52, 64, 65, 255, 256, 300, 65_536, 65_537] {
            var values: [UInt32] = []
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append(UInt32(truncatingIfNeeded: state >> 33) & (count > 100 ? mask : mask & 0x3F))
            }
            expectSortAndCountMatchesADictionary(values, hashBits: hashBits)
        }
    }

    @Test func sortAndCountMergesDescendingAndRepeatedIds() {
        for values: [UInt32] in [Array((0..<40).reversed()), [7, 7, 3, 7, 3, 9, 1, 7, 1, 1], Array(repeating: 0xFFFFF, count: 255),
            Array(repeating: 0xFFFFF, count: 65_536)] {
            expectSortAndCountMatchesADictionary(values, hashBits: 20)
        }
    }

    @Test func sumOfSquaresMatchesTheSequentialSum() {
        var state: UInt64 = 7
        // Small counts (four partial sums), counts whose squares pass 2^24 (the sequential
        // fallback), every remainder of four, and non-integral values (always sequential).
        for (count, largest) in [(1, 3), (5, 3), (45, 4), (46, 40), (47, 4_000), (300, 2_000), (3, 5_000), (200, 70_000)] {
            var values: [Float] = []
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append(Float(1 + Int(state >> 33) % largest))
            }
            var sequential: Float = 0
            for value in values { sequential += value * value }
            #expect(FeatureExtractor.sumOfSquares(values, count: count, integral: true).bitPattern == sequential.bitPattern)
            let fractions = values.map { 1 + $0.squareRoot() / 3 }
            var fractional: Float = 0
            for value in fractions { fractional += value * value }
            #expect(FeatureExtractor.sumOfSquares(fractions, count: count, integral: false).bitPattern == fractional.bitPattern)
        }
    }

    /// The L2 norm's sum comes from the count pass (an integer sum of squared counts) for
    /// counts and binary weights: the normalised values must have the bits that scaling the
    /// unnormalised ones by `1 / sqrt(plain sequential sum of squares)` gives, below 2^24 and
    /// above it (the fallback), and with char n-grams.
    @Test func normFromTheCountPassMatchesTheSequentialSum() {
        let texts = [
            "", "vote", "vote vote vote for him vote", String(repeating: "a ", count: 5_000),
            String(repeating: "no ", count: 2_000) + "yes", "Россия Россия #КрымНаш 😂😂😂 @x @y https://t.co/a",
        ]
        let configs = [
            FeatureConfig(weighting: .counts, l2Normalize: true),
            FeatureConfig(weighting: .binary, l2Normalize: true),
            FeatureConfig(wordNGrams: 1, weighting: .counts, l2Normalize: true),
            FeatureConfig(wordNGrams: 3, charNGrams: 2...5, weighting: .counts, l2Normalize: true),
        ]
        for config in configs {
            var plainConfig = config
            plainConfig.l2Normalize = false
            let normalised = FeatureExtractor(config: config)
            let plain = FeatureExtractor(config: plainConfig)
            for text in texts {
                let raw = plain.vector(for: text)
                var sum: Float = 0
                for value in raw.values { sum += value * value }
                let scale = 1 / sum.squareRoot()
                let vector = normalised.vector(for: text)
                #expect(vector.indices == raw.indices)
                #expect(vector.values.map(\.bitPattern) == raw.values.map { ($0 * scale).bitPattern }, "\(text.prefix(20))")
            }
        }
    }
}
