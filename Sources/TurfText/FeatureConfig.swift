/// How token counts become feature values.
public enum Weighting: String, Codable, Hashable, Sendable {
    /// The number of times the feature occurs.
    case counts
    /// 1 when the feature occurs at all.
    case binary
    /// Sublinear term frequency, `1 + ln(count)`.
    case logTF
}

/// Everything that turns a post into a feature vector: tokenizer settings, n-gram ranges,
/// hashing and weighting.
///
/// A model file stores this value whole, so training and classification can never disagree.
/// Feature ids are `FeatureHash` (`turfhash64`) hashes masked to `hashBits` bits; character
/// n-grams hash with the next seed so a character n-gram and a word of the same spelling do not
/// share an id by construction.
public struct FeatureConfig: Codable, Hashable, Sendable {
    /// The tokenizer settings.
    public var tokenizer: TokenizerConfig
    /// Word n-grams of length 1 through `wordNGrams`; 0 turns word features off.
    public var wordNGrams: Int
    /// Character n-gram lengths taken inside each word padded with a space on both sides
    /// (as scikit-learn's `char_wb`); `nil` turns them off.
    public var charNGrams: ClosedRange<Int>?
    /// Features hash into `2^hashBits` buckets (1...31).
    public var hashBits: Int
    /// The feature hash's seed.
    public var seed: UInt32
    /// The feature hash function's name, `FeatureHash.name`: stored so that a model whose ids
    /// came from another function (MurmurHash3, before turfhash64) is refused, not misread.
    public private(set) var hash = FeatureHash.name
    /// How counts become values.
    public var weighting: Weighting
    /// Scale each vector to unit Euclidean length.
    public var l2Normalize: Bool
    /// A second weighting of the same features stacked after the first (ids offset by
    /// `2^hashBits`), for models combining two views (`FeatureView`); `nil` for one view.
    /// Absent from the JSON when `nil`, so single-view configurations encode as before.
    public var secondView: FeatureView?

    /// The widest hash space a second view allows: the two stacked views need `2^(hashBits+1)`
    /// feature ids, which must stay within 32-bit ids.
    public static let maxHashBitsWithSecondView = 30

    /// Creates a configuration: word 1-2 grams, no character n-grams, 2^20 buckets, log-TF, L2.
    public init(
        tokenizer: TokenizerConfig = TokenizerConfig(),
        wordNGrams: Int = 2,
        charNGrams: ClosedRange<Int>? = nil,
        hashBits: Int = 20,
        seed: UInt32 = FeatureConfig.defaultSeed,
        weighting: Weighting = .logTF,
        l2Normalize: Bool = true,
        secondView: FeatureView? = nil
    ) {
        precondition((1...31).contains(hashBits), "hashBits must be in 1...31")
        precondition(wordNGrams >= 0, "wordNGrams must not be negative")
        precondition(charNGrams.map { $0.lowerBound >= 1 } ?? true, "character n-grams start at length 1")
        precondition(secondView == nil || hashBits <= Self.maxHashBitsWithSecondView, "a second view needs hashBits of at most 30")
        self.tokenizer = tokenizer
        self.wordNGrams = wordNGrams
        self.charNGrams = charNGrams
        self.hashBits = hashBits
        self.seed = seed
        self.weighting = weighting
        self.l2Normalize = l2Normalize
        self.secondView = secondView
    }

    /// Decodes a configuration (as stored in a model file), rejecting values the extractor
    /// cannot use instead of failing later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tokenizer = try container.decode(TokenizerConfig.self, forKey: .tokenizer)
        wordNGrams = try container.decode(Int.self, forKey: .wordNGrams)
        charNGrams = try container.decodeIfPresent(ClosedRange<Int>.self, forKey: .charNGrams)
        hashBits = try container.decode(Int.self, forKey: .hashBits)
        seed = try container.decode(UInt32.self, forKey: .seed)
        weighting = try container.decode(Weighting.self, forKey: .weighting)
        l2Normalize = try container.decode(Bool.self, forKey: .l2Normalize)
        secondView = try container.decodeIfPresent(FeatureView.self, forKey: .secondView)
        let hash = try container.decodeIfPresent(String.self, forKey: .hash) ?? "MurmurHash3"
        guard hash == FeatureHash.name else {
            throw DecodingError.dataCorruptedError(
                forKey: .hash, in: container,
                debugDescription: "its feature ids were hashed with \(hash), not \(FeatureHash.name): retrain the model with this turfwatch")
        }
        guard (1...31).contains(hashBits) else {
            throw DecodingError.dataCorruptedError(
                forKey: .hashBits, in: container, debugDescription: "hashBits must be in 1...31, not \(hashBits)")
        }
        guard wordNGrams >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .wordNGrams, in: container, debugDescription: "wordNGrams must not be negative")
        }
        if secondView != nil, hashBits > Self.maxHashBitsWithSecondView {
            throw DecodingError.dataCorruptedError(
                forKey: .secondView, in: container, debugDescription: "a second view needs hashBits of at most 30")
        }
        if let charNGrams, charNGrams.lowerBound < 1 {
            throw DecodingError.dataCorruptedError(
                forKey: .charNGrams, in: container, debugDescription: "character n-grams start at length 1")
        }
    }

    /// The default feature hash seed, the bytes `turf` read big-endian.
    public static let defaultSeed: UInt32 = 0x7475_7266

    /// The feature space size: `2^hashBits` buckets, twice that with a second view.
    public var dimension: Int { secondView == nil ? 1 << hashBits : 2 << hashBits }
}
