import Foundation
import Testing
@testable import TurfText

@Suite struct FeatureExtractorTests {
    private func extractor(
        words: Int = 2, chars: ClosedRange<Int>? = nil, bits: Int = 20, weighting: Weighting = .counts, l2: Bool = false
    ) -> FeatureExtractor {
        FeatureExtractor(
            config: FeatureConfig(wordNGrams: words, charNGrams: chars, hashBits: bits, weighting: weighting, l2Normalize: l2))
    }

    @Test func featureHashMatchesTheReferenceImplementation() {
        // Values from scripts/feature_id.py's bytes_hash(..., word_seed(seed)), the independent
        // Python implementation: short, one-word, two-word, Cyrillic, empty and looped inputs.
        #expect(FeatureHash.hash(Array("hello".utf8), seed: FeatureHash.wordSeed(0)) == 13_018_877_078_784_399_845)
        #expect(FeatureHash.hash(Array("hello".utf8), seed: FeatureHash.wordSeed(42)) == 12_406_891_746_553_337_217)
        #expect(FeatureHash.hash(Array("Пу".utf8), seed: FeatureHash.wordSeed(0)) == 18_109_364_523_171_285_234)
        #expect(FeatureHash.hash([UInt8](), seed: FeatureHash.wordSeed(0)) == 3_665_524_460_515_769_980)
        #expect(FeatureHash.hash(Array("abcdefghijklmnop".utf8), seed: FeatureHash.wordSeed(0)) == 18_366_140_000_845_926_617)
        #expect(
            FeatureHash.hash(Array("abcdefghijklmnopqrstuvwxyz".utf8), seed: FeatureHash.wordSeed(0)) == 4_929_370_775_073_422_116)
    }

    @Test func wholeWordReadsAgreeWithTheSafeHashAtEveryLength() {
        // The hot path reads 16 bytes from a token's start; the safe form reads nothing past it.
        let text = Array("ab\u{0}cdéfghijklmnopqrstuvwxyzЁЖЗ0123456789 #tag".utf8)
        let padded = text + [UInt8](repeating: 0xAA, count: 16)
        padded.withUnsafeBufferPointer { buffer in
            for start in 0..<8 {
                for count in 0...(text.count - start) {
                    let seed = FeatureHash.charSeed(UInt32(count))
                    let slice = UnsafeBufferPointer(rebasing: buffer[start..<(start + count)])
                    #expect(FeatureHash.hashReadingWholeWords(buffer.baseAddress! + start, count: count, seed: seed)
                        == FeatureHash.hash(slice, seed: seed))
                }
            }
        }
    }

    @Test func wordUnigramsAndBigramsWithCounts() {
        let vector = extractor().vector(for: "Vote vote 2017")
        // vote ×2, "vote vote", "vote <num>", <num>: ids from scripts/feature_id.py.
        #expect(vector.indices == [37_975, 717_967, 833_648, 857_440])
        #expect(vector.values == [1, 1, 1, 2])
    }

    @Test func collisionsAddUp() {
        // With 2^4 buckets "labour" and "<num>" share bucket 15 ("labour <num>" is in 4).
        let vector = extractor(bits: 4).vector(for: "labour 1")
        #expect(vector.indices == [4, 15])
        #expect(vector.values == [1, 2])
        #expect(extractor(bits: 4).dimension == 16)
    }

    @Test func nGramCountsFollowTheConfiguration() {
        let text = "one two three four"
        #expect(extractor(words: 1).vector(for: text).values.reduce(0, +) == 4)
        #expect(extractor(words: 2).vector(for: text).values.reduce(0, +) == 7)
        #expect(extractor(words: 3).vector(for: text).values.reduce(0, +) == 9)
        #expect(extractor(words: 0).vector(for: text).count == 0)
        // Padded " ab " has 3 bigrams (" a", "ab", "b ") and 2 trigrams; a range past its length gives " ab " once.
        let chars = extractor(words: 0, chars: 2...3).vector(for: "ab")
        #expect(chars.indices == [183_627, 328_392, 642_329, 853_180, 859_471])
        #expect(chars.values == [1, 1, 1, 1, 1])
        #expect(extractor(words: 0, chars: 4...6).vector(for: "ab").indices == [489_769])
        #expect(extractor(words: 0, chars: 1...1).vector(for: "héllo").values.reduce(0, +) == 7)
        // Character n-grams come only from words, not from links, mentions or emoji.
        #expect(extractor(words: 0, chars: 2...2).vector(for: "@x https://t.co/a 😂 #").count == 0)
    }

    @Test func weightingAndNormalisation() {
        let text = "no no no no yes"
        let binary = extractor(words: 1, weighting: .binary).vector(for: text)
        #expect(binary.values == [1, 1])
        let log = extractor(words: 1, weighting: .logTF).vector(for: text)
        #expect(Set(log.values.map { ($0 * 1000).rounded() }) == [1000, Float(1000 * (1 + Foundation.log(4.0))).rounded()])
        let normalised = extractor(words: 2, weighting: .logTF, l2: true).vector(for: text)
        #expect(abs(normalised.norm - 1) < 1e-6)
        #expect(extractor(l2: true).vector(for: "").count == 0)
    }

    @Test func vectorsAreDeterministicSortedAndIndependentOfTheScratch() {
        let features = FeatureExtractor()
        let posts = ["Don't vote #Nuttall 😂 https://t.co/x", "Крым наш!!!", "", "RT @a: same same same"]
        let scratch = FeatureScratch()
        for post in posts {
            let fresh = features.vector(for: post)
            var copy = post
            copy.withUTF8 { features.vector(for: $0, into: scratch) }
            #expect(scratch.makeVector() == fresh)
            #expect(zip(fresh.indices, fresh.indices.dropFirst()).allSatisfy { $0 < $1 })
            #expect(fresh.indices.allSatisfy { Int($0) < features.dimension })
            #expect(FeatureExtractor().vector(for: post) == fresh)
        }
        var seeded = FeatureConfig()
        seeded.seed = 1
        #expect(FeatureExtractor(config: seeded).vector(for: posts[0]) != features.vector(for: posts[0]))
    }

    @Test func longPostsCountEveryFeatureOccurrence() {
        // Enough features for the bucket sort, with repeats and, at 10 bits, many collisions.
        let words = (0..<700).map { "w\(($0 * 37) % 300)x" }
        for bits in [10, 20] {
            let features = extractor(bits: bits)
            var expected: [UInt32: Float] = [:]
            for (index, word) in words.enumerated() {
                expected[features.id(ofWordFeature: word), default: 0] += 1
                if index + 1 < words.count {
                    expected[features.id(ofWordFeature: word + " " + words[index + 1]), default: 0] += 1
                }
            }
            let vector = features.vector(for: words.joined(separator: " "))
            #expect(vector.indices == expected.keys.sorted())
            #expect(vector.values == expected.keys.sorted().map { expected[$0]! })
        }
    }

    @Test func explainListsEachFeatureOnceWithItsID() {
        let features = extractor(words: 2, chars: 2...2)
        let explained = features.explain("vote vote")
        #expect(explained.map(\.feature) == ["vote", "vote vote", "char:\" v\"", "char:\"vo\"", "char:\"ot\"", "char:\"te\"", "char:\"e \""])
        #expect(explained[0].id == 857_440)
        #expect(explained[1].id == features.id(ofWordFeature: "vote vote"))
        #expect(explained[2].id == features.id(ofCharFeature: " v"))
        // Ids of features given as text agree with scripts/feature_id.py, even for strings no
        // tokenizer produces (an empty piece between two spaces is an empty token there too).
        #expect(extractor().id(ofWordFeature: "vote <num> vote") == 346_404)
        #expect(extractor().id(ofWordFeature: "vote  vote") == 252_393)
        #expect(extractor().id(ofWordFeature: "") == 155_682)
        let vector = features.vector(for: "vote vote")
        #expect(Set(vector.indices) == Set(explained.map(\.id)))
    }

    @Test func configurationRoundTripsThroughJSON() throws {
        var config = FeatureConfig(charNGrams: 2...5, hashBits: 18, weighting: .binary)
        config.tokenizer.targets = ["Paul Nuttall"]
        config.tokenizer.stopTokens = ["#semst"]
        config.tokenizer.numbers = .keep
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(FeatureConfig.self, from: data) == config)
    }

    @Test func decodingRejectsUnusableValuesAndDefaultsMissingTokenizerKeys() throws {
        let base = #"{"tokenizer":{"numbers":"keep"},"wordNGrams":2,"hashBits":%d,"seed":7,"weighting":"counts","l2Normalize":false,"hash":"turfhash64"}"#
        let decoded = try JSONDecoder().decode(FeatureConfig.self, from: Data(String(format: base, 18).utf8))
        #expect(decoded.tokenizer.numbers == .keep)
        #expect(decoded.tokenizer.maxRepeat == 2)
        #expect(decoded.charNGrams == nil)
        #expect(decoded.hashBits == 18)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FeatureConfig.self, from: Data(String(format: base, 40).utf8))
        }
    }

    @Test func decodingRefusesFeaturesHashedWithAnotherFunction() throws {
        // Models written before turfhash64 carry no "hash" key: their ids came from MurmurHash3.
        let old = #"{"tokenizer":{},"wordNGrams":2,"hashBits":18,"seed":7,"weighting":"counts","l2Normalize":false}"#
        let current = String(old.dropLast()) + #","hash":"turfhash64"}"#
        let other = String(old.dropLast()) + #","hash":"fnv1a"}"#
        #expect(try JSONDecoder().decode(FeatureConfig.self, from: Data(current.utf8)).hash == "turfhash64")
        for json in [old, other] {
            do {
                _ = try JSONDecoder().decode(FeatureConfig.self, from: Data(json.utf8))
                Issue.record("decoded \(json)")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.codingPath.last?.stringValue == "hash")
                #expect(context.debugDescription.contains("retrain the model"))
            }
        }
    }
}
