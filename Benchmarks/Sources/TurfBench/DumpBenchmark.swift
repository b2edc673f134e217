import TurfText

/// `TurfBench dump FILE [--word-ngrams N] [--char-ngrams MIN-MAX] [--l2]`: prints, per line of FILE, one
/// 64-bit FNV-1a digest of everything the tokenizer and extractor produced (token bytes and
/// kinds, retweet handle, flags, feature ids and values), so two builds can be compared on a
/// large corpus with `cmp`: an optimisation must not change a single token or feature id.
enum DumpBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            throw BenchIO.Failure(description: "usage: TurfBench dump FILE [--word-ngrams N] [--char-ngrams MIN-MAX] [--l2]")
        }
        var wordNGrams = 2
        var charNGrams: ClosedRange<Int>?
        var l2Normalize = false
        var index = 1
        while index < arguments.count {
            if arguments[index] == "--l2" {
                // Counts L2-normalised, as `TurfBench tokenize` weights them.
                l2Normalize = true
                index += 1
                continue
            }
            guard index + 1 < arguments.count else { throw BenchIO.Failure(description: "\(arguments[index]) needs a value") }
            switch arguments[index] {
            case "--word-ngrams":
                guard let value = Int(arguments[index + 1]) else { throw BenchIO.Failure(description: "bad --word-ngrams") }
                wordNGrams = value
            case "--char-ngrams":
                let parts = arguments[index + 1].split(separator: "-")
                guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 1, low <= high else {
                    throw BenchIO.Failure(description: "bad --char-ngrams")
                }
                charNGrams = low...high
            default:
                throw BenchIO.Failure(description: "unknown option \(arguments[index])")
            }
            index += 2
        }
        let bytes = try BenchIO.read(path)
        let extractor = FeatureExtractor(
            config: FeatureConfig(wordNGrams: wordNGrams, charNGrams: charNGrams, hashBits: 20, weighting: .counts, l2Normalize: l2Normalize))
        let scratch = FeatureScratch()
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            func digest(_ line: Range<Int>) {
                extractor.vector(for: UnsafeBufferPointer(rebasing: buffer[line]), into: scratch)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                func mix(_ byte: UInt8) {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
                func mix32(_ value: UInt32) {
                    for shift in stride(from: 0, to: 32, by: 8) { mix(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
                }
                for token in 0..<scratch.tokenCount {
                    for byte in scratch.tokenBytes(token) { mix(byte) }
                    mix(0xFF)
                    mix(scratch.tokenKind(token).rawValue)
                }
                if let handle = scratch.retweetedHandle { for byte in handle { mix(byte) } }
                mix(scratch.foldedConfusables ? 1 : 0)
                mix32(UInt32(scratch.maskedTargets))
                mix32(UInt32(scratch.invalidSequences))
                for id in scratch.indices { mix32(id) }
                for value in scratch.values { mix32(value.bitPattern) }
                output.append(contentsOf: String(hash, radix: 16).utf8)
                output.append(0x0A)
            }
            for position in 0..<buffer.count where buffer[position] == 0x0A {
                digest(start..<position)
                start = position + 1
            }
            if start < buffer.count { digest(start..<buffer.count) }
        }
        print(String(decoding: output, as: UTF8.self), terminator: "")
    }
}
