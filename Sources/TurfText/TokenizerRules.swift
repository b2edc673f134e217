/// A `TokenizerConfig` compiled for the scanner: flags plus target names and stop tokens in
/// normalised byte form.
///
/// A class, immutable, so the scanner can borrow it for a post without copying its arrays
/// (a struct copy retains and releases each of them, atomically, once per post).
final class TokenizerRules: Sendable {
    let config: TokenizerConfig
    /// Each target name as its token sequence, longest sequence first.
    let targets: [[[UInt8]]]
    /// Stop tokens by their `FeatureHash` (word seed 0).
    let stopTokens: [UInt64: [[UInt8]]]
    /// `!targets.isEmpty` and `!stopTokens.isEmpty`, stored for the per-token check.
    let hasTargets: Bool
    let hasStopTokens: Bool
    /// Whether the word-wide fast paths (plain-text copying, ASCII and Russian words) run;
    /// off only in tests that compare them with the general code.
    let fastPaths: Bool

    init(config: TokenizerConfig, fastPaths: Bool = true) {
        self.config = config
        self.fastPaths = fastPaths
        var plain = config
        plain.targets = []
        plain.stopTokens = []
        let base = Tokenizer(plainConfig: plain)
        var targets: [[[UInt8]]] = []
        for name in config.targets {
            let tokens = base.tokenize(name).tokens.map { Array($0.utf8) }
            if !tokens.isEmpty && !targets.contains(tokens) { targets.append(tokens) }
        }
        self.targets = targets.sorted { $0.count > $1.count }
        var stops: [UInt64: [[UInt8]]] = [:]
        for token in config.stopTokens {
            var bytes: [UInt8] = []
            for scalar in token.unicodeScalars {
                let folded = CharacterClass.fold(scalar.value, foldYo: config.foldYo)
                bytes.append(contentsOf: Array(String(Unicode.Scalar(folded) ?? scalar).utf8))
            }
            guard !bytes.isEmpty else { continue }
            stops[FeatureHash.hash(bytes, seed: FeatureHash.wordSeed(0)), default: []].append(bytes)
        }
        self.stopTokens = stops
        hasTargets = !self.targets.isEmpty
        hasStopTokens = !stops.isEmpty
    }

    /// Rules without targets or stop tokens (used to normalise the target names themselves).
    init(plain config: TokenizerConfig) {
        self.config = config
        fastPaths = true
        targets = []
        stopTokens = [:]
        hasTargets = false
        hasStopTokens = false
    }

    /// True when `token` is a configured stop token.
    @inline(__always)
    func isStopToken(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let candidates = stopTokens[FeatureHash.hash(token, seed: FeatureHash.wordSeed(0))] else {
            return false
        }
        return candidates.contains { $0.elementsEqual(token) }
    }
}
