/// Reusable working memory for tokenizing and hashing posts one after another.
///
/// One scratch per thread: it is deliberately not `Sendable`. After
/// `FeatureExtractor.vector(for:into:)` it holds the post's feature vector (`indices`,
/// `values`), valid until the next call; after `Tokenizer.tokenize(_:into:)` it holds the
/// tokens. Its buffers only grow, so a batch allocates nothing once warmed up.
public final class FeatureScratch {
    var normalized = RawBuffer<UInt8>(capacity: 4096)
    var tokens = TokenList()
    var ids = RawBuffer<UInt32>(capacity: 512)
    var weights = RawBuffer<Float>(capacity: 512)
    var offsets = RawBuffer<Int32>(capacity: 256)
    var spare = RawBuffer<UInt32>(capacity: 1024)
    var lanes = RawBuffer<UInt64>(capacity: 64)

    /// Creates empty working memory.
    public init() {}

    deinit {
        normalized.deallocate()
        tokens.deallocate()
        ids.deallocate()
        weights.deallocate()
        offsets.deallocate()
        spare.deallocate()
        lanes.deallocate()
    }

    /// The feature ids of the last vector, strictly ascending; valid until the next call.
    public var indices: UnsafeBufferPointer<UInt32> { ids.buffer }

    /// The feature values of the last vector, one per id; valid until the next call.
    public var values: UnsafeBufferPointer<Float> { weights.buffer }

    /// The number of features in the last vector.
    public var featureCount: Int { ids.count }

    /// A copy of the last vector.
    public func makeVector() -> SparseVector {
        SparseVector(indices: Array(ids.buffer), values: Array(weights.buffer))
    }

    /// The number of tokens of the last post.
    public var tokenCount: Int { tokens.count }

    /// The UTF-8 bytes of token `index` of the last post; valid until the next call.
    public func tokenBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { tokens.token(index) }

    /// The kind of token `index` of the last post.
    public func tokenKind(_ index: Int) -> TokenKind { TokenKind(rawValue: tokens.kinds.base[index]) ?? .word }

    /// The handle of a leading `RT @handle:` of the last post (bytes valid until the next call).
    public var retweetedHandle: UnsafeBufferPointer<UInt8>? {
        tokens.retweetedHandle.map { UnsafeBufferPointer(start: normalized.base + $0.lowerBound, count: $0.count) }
    }

    /// True when the last post had confusable letters folded.
    public var foldedConfusables: Bool { tokens.foldedConfusables }

    /// The number of target names masked in the last post.
    public var maskedTargets: Int { tokens.maskedTargets }

    /// The invalid UTF-8 sequences replaced in the last post.
    public var invalidSequences: Int { tokens.invalidSequences }
}
