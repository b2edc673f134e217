import TurfText

/// `TurfBench tokenize FILE [--rounds N] [--word-ngrams N] [--tokens-only]`: tokenizes and hashes every line of
/// FILE (one post a line) on one core, as `HashingVectorizer(ngram_range=(1, 2))` does: word
/// 1-2 grams, 2^20 buckets, counts, L2 normalisation. Prints the best of N rounds, in wall-clock
/// and in this thread's CPU time.
enum TokenizeBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            throw BenchIO.Failure(description: "usage: TurfBench tokenize FILE [--rounds N] [--word-ngrams N] [--tokens-only]")
        }
        var rounds = 3
        var wordNGrams = 2
        var tokensOnly = false
        var index = 1
        while index < arguments.count {
            if arguments[index] == "--tokens-only" {
                tokensOnly = true
                index += 1
                continue
            }
            guard index + 1 < arguments.count else {
                throw BenchIO.Failure(description: "\(arguments[index]) needs a value")
            }
            guard let value = Int(arguments[index + 1]) else {
                throw BenchIO.Failure(description: "\(arguments[index]) needs a number")
            }
            switch arguments[index] {
            case "--rounds": rounds = value
            case "--word-ngrams": wordNGrams = value
            default: throw BenchIO.Failure(description: "unknown option \(arguments[index])")
            }
            index += 2
        }
        let bytes = try BenchIO.read(path)
        var lines: [Range<Int>] = []
        var start = 0
        for (position, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<position)
            start = position + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        let postBytes = lines.reduce(0) { $0 + $1.count }

        let extractor = FeatureExtractor(
            config: FeatureConfig(wordNGrams: wordNGrams, hashBits: 20, weighting: .counts, l2Normalize: true))
        let scratch = FeatureScratch()
        var best = Double.infinity
        var bestCPU = Double.infinity
        var features = 0
        var tokens = 0
        for _ in 0..<max(rounds, 1) {
            features = 0
            tokens = 0
            let began = BenchIO.now()
            let beganCPU = BenchIO.cpuNow()
            bytes.withUnsafeBufferPointer { buffer in
                for line in lines {
                    if tokensOnly {
                        extractor.tokenizer.tokenize(UnsafeBufferPointer(rebasing: buffer[line]), into: scratch)
                    } else {
                        extractor.vector(for: UnsafeBufferPointer(rebasing: buffer[line]), into: scratch)
                        features &+= scratch.featureCount
                    }
                    tokens &+= scratch.tokenCount
                }
            }
            best = min(best, BenchIO.now() - began)
            bestCPU = min(bestCPU, BenchIO.cpuNow() - beganCPU)
        }
        print(
            "turfwatch posts=\(lines.count) bytes=\(postBytes) tokens=\(tokens) nonzero=\(features) "
                + "seconds=\(format(best)) posts_per_s=\(Int(Double(lines.count) / best)) "
                + "mb_per_s=\(format(Double(postBytes) / best / 1e6)) cpu_seconds=\(format(bestCPU)) "
                + "posts_per_cpu_s=\(Int(Double(lines.count) / bestCPU)) "
                + "mb_per_cpu_s=\(format(Double(postBytes) / bestCPU / 1e6))"
        )
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
