import TurfText

/// Two extractors: the defaults, and every option on (char n-grams, hashtag splitting, targets, stop tokens).
private let extractors = [
    FeatureExtractor(),
    FeatureExtractor(config: FeatureConfig(
        tokenizer: TokenizerConfig(splitHashtags: true, maxRepeat: 2, targets: ["nuttall", "нуттолл"], stopTokens: ["the", "и"]),
        wordNGrams: 3, charNGrams: 2...5, hashBits: 12
    )),
]
nonisolated(unsafe) private let scratch = FeatureScratch()

/// libFuzzer entry: the input is one post's raw bytes (any bytes, valid UTF-8 or not).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    for extractor in extractors {
        extractor.tokenizer.tokenize(bytes, into: scratch)
        for index in 0..<scratch.tokenCount { _ = scratch.tokenBytes(index).count }
        extractor.vector(for: bytes, into: scratch)
        for id in scratch.indices { precondition(Int(id) < extractor.dimension, "feature id \(id) outside the dimension") }
        let text = String(decoding: bytes, as: UTF8.self)
        _ = extractor.tokenizer.tokenize(text)
        _ = extractor.explain(text)
    }
    return 0
}
