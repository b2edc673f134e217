#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns posts into hashed sparse feature vectors: word n-grams and character n-grams of the
/// tokenizer's tokens, hashed into `2^hashBits` buckets and weighted as configured.
///
/// A word n-gram's feature string is its tokens joined by single spaces (`vote <target>`); its
/// id comes from its tokens' `FeatureHash` hashes, masked to `hashBits` bits. Character n-grams
/// are taken from each word token padded with one space on each side (` vote ` gives ` vo`,
/// `vot`, ...) and hashed with the character seed. Collisions are accepted, as in
/// scikit-learn's `HashingVectorizer`, but without its alternating sign.
public struct FeatureExtractor: Sendable {
    /// The configuration, as stored in model files.
    public let config: FeatureConfig
    /// The tokenizer built from `config.tokenizer`.
    public let tokenizer: Tokenizer
    private let mask: UInt32
    private let fastPaths: Bool

    /// Creates an extractor.
    public init(config: FeatureConfig = FeatureConfig()) {
        self.init(config: config, fastPaths: true)
    }

    /// An extractor that may be told to skip the fast paths (word-wide tokenizing, the
    /// unigram-and-bigram hashing loop), so tests can prove they change nothing.
    init(config: FeatureConfig, fastPaths: Bool) {
        self.config = config
        self.fastPaths = fastPaths
        tokenizer = Tokenizer(config: config.tokenizer, fastPaths: fastPaths)
        mask = UInt32(truncatingIfNeeded: (1 << config.hashBits) - 1)
    }

    /// The number of hash buckets (feature ids are below it).
    public var dimension: Int { config.dimension }

    /// The feature vector of `text`: sorted unique ids, weighted and normalised per the config.
    /// - Complexity: O(n log n) in the number of features.
    public func vector(for text: String) -> SparseVector {
        let scratch = FeatureScratch()
        var copy = text
        copy.withUTF8 { vector(for: $0, into: scratch) }
        return scratch.makeVector()
    }

    /// Computes the feature vector of `bytes` into `scratch` (`scratch.indices`,
    /// `scratch.values`), allocating nothing once the scratch has grown: the batch hot path.
    /// - Complexity: O(n + f log f) for n bytes and f feature occurrences.
    public func vector(for bytes: UnsafeBufferPointer<UInt8>, into scratch: FeatureScratch) {
        tokenizer.tokenize(bytes, into: scratch)
        var ids = scratch.ids
        var weights = scratch.weights
        var offsets = scratch.offsets
        collectIDs(scratch.tokens, into: &ids, offsets: &offsets)
        var spare = scratch.spare
        var lanes = scratch.lanes
        var squares = 0
        let unique = Self.sortAndCount(
            ids: &ids, weights: &weights, spare: &spare, lanes: &lanes, hashBits: config.hashBits, squares: &squares)
        scratch.spare = spare
        scratch.lanes = lanes
        ids.count = unique
        weights.count = unique
        if let view = config.secondView {
            ids.reserve(extra: unique)
            weights.reserve(extra: unique)
            view.append(ids: &ids, values: &weights, count: unique, offset: UInt32(truncatingIfNeeded: 1 << config.hashBits))
        }
        // The counts' sum of squares, kept by the count pass, is the norm's sum when nothing
        // was appended or reweighted after it.
        applyWeighting(weights.base, count: unique, squares: config.secondView == nil ? squares : nil)
        scratch.ids = ids
        scratch.weights = weights
        scratch.offsets = offsets
    }

    /// Every feature of `text` once, in order of first appearance, with its id: what
    /// `turfwatch tokenize` prints so an analyst can see why a model fired.
    public func explain(_ text: String) -> [(feature: String, id: UInt32)] {
        let scratch = FeatureScratch()
        var copy = text
        copy.withUTF8 { tokenizer.tokenize($0, into: scratch) }
        var result: [(feature: String, id: UInt32)] = []
        var seen = Set<String>()
        func add(_ pointer: UnsafePointer<UInt8>, _ count: Int, isChar: Bool, hash: UInt64) {
            let body = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
            let feature = isChar ? "char:\"\(body)\"" : body
            guard seen.insert(feature).inserted else { return }
            result.append((feature, FeatureHash.id(hash, mask: mask)))
        }
        let tokens = scratch.tokens
        let bytes = tokens.bytes.base
        let wordSeed = FeatureHash.wordSeed(config.seed)
        for first in 0..<tokens.count {
            let start = Int(tokens.starts.base[first])
            var state: UInt64 = 0
            for next in first..<min(first + config.wordNGrams, tokens.count) {
                let end = Int(tokens.ends.base[next])
                let token = Self.tokenHash(next, bytes: bytes, starts: tokens.starts.base, ends: tokens.ends.base, seed: wordSeed)
                state = next == first ? token : FeatureHash.extend(state, with: token)
                add(bytes + start, end - start, isChar: false, hash: next == first ? state : FeatureHash.finishNGram(state))
            }
        }
        // A local copy: an `inout` access to a class's property held across a closure call
        // makes the compiler check every access to that property for exclusivity at run time,
        // the batch path's included (a `swift_beginAccess` call, 57 instructions a post).
        var offsets = scratch.offsets
        defer { scratch.offsets = offsets }
        let charSeed = FeatureHash.charSeed(config.seed)
        forEachCharNGram(tokens, offsets: &offsets) { pointer, count in
            add(pointer, count, isChar: true, hash: FeatureHash.hashReadingWholeWords(pointer, count: count, seed: charSeed))
        }
        return result
    }

    /// The id of a word n-gram feature given as written (tokens joined by single spaces).
    public func id(ofWordFeature feature: String) -> UInt32 {
        let seed = FeatureHash.wordSeed(config.seed)
        // Empty pieces kept, as Python's `str.split(" ")` in scripts/feature_id.py keeps them.
        let hashes = feature.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            .map { FeatureHash.hash($0, seed: seed) }
        return FeatureHash.id(FeatureHash.nGram(of: hashes), mask: mask)
    }

    /// The id of a character n-gram feature (spaces mark word edges, as in `" vo"`).
    public func id(ofCharFeature feature: String) -> UInt32 {
        FeatureHash.id(FeatureHash.hash(feature.utf8, seed: FeatureHash.charSeed(config.seed)), mask: mask)
    }

    // MARK: Feature generation

    private func collectIDs(_ tokens: TokenList, into ids: inout RawBuffer<UInt32>, offsets: inout RawBuffer<Int32>) {
        ids.count = 0
        let tokenCount = tokens.count
        let n = config.wordNGrams
        var bound = tokenCount * n
        if let range = config.charNGrams { bound += (tokens.bytes.count + 2 * tokenCount) * range.count }
        ids.reserve(extra: bound)
        let mask = mask
        var out = ids.base
        if n == 2 && fastPaths {
            collectUnigramsAndBigrams(tokens, into: &out)
        } else {
            collectNGrams(tokens, n: n, into: &out)
        }
        ids.count = out - ids.base
        if config.charNGrams != nil {
            let seed = FeatureHash.charSeed(config.seed)
            forEachCharNGram(tokens, offsets: &offsets) { pointer, count in
                ids.append(FeatureHash.id(FeatureHash.hashReadingWholeWords(pointer, count: count, seed: seed), mask: mask))
            }
        }
    }

    /// The ids of every unigram and bigram, the default configuration, in one straight loop:
    /// each token is hashed once, and its bigram with the previous token costs one combination
    /// of the two hashes.
    @inline(__always)
    private func collectUnigramsAndBigrams(_ tokens: TokenList, into out: inout UnsafeMutablePointer<UInt32>) {
        let tokenCount = tokens.count
        guard tokenCount > 0 else { return }
        let bytes = tokens.bytes.base
        let seed = FeatureHash.wordSeed(config.seed)
        let mask = mask
        let starts = tokens.starts.base
        let ends = tokens.ends.base
        var previous = Self.tokenHash(0, bytes: bytes, starts: starts, ends: ends, seed: seed)
        out[0] = FeatureHash.id(previous, mask: mask)
        var index = 1
        while index < tokenCount {
            let token = Self.tokenHash(index, bytes: bytes, starts: starts, ends: ends, seed: seed)
            out[1] = FeatureHash.id(FeatureHash.finishNGram(FeatureHash.extend(previous, with: token)), mask: mask)
            out[2] = FeatureHash.id(token, mask: mask)
            previous = token
            out += 2
            index &+= 1
        }
        out += 1
    }

    /// The hash of token `index` of a `TokenList` (its bytes, starts and ends): the one place
    /// every word n-gram path hashes a token.
    @inline(__always)
    private static func tokenHash(
        _ index: Int, bytes: UnsafeMutablePointer<UInt8>, starts: UnsafeMutablePointer<Int32>,
        ends: UnsafeMutablePointer<Int32>, seed: UInt64
    ) -> UInt64 {
        let start = Int(truncatingIfNeeded: starts[index])
        return FeatureHash.hashReadingWholeWords(
            bytes + start, count: Int(truncatingIfNeeded: ends[index]) &- start, seed: seed)
    }

    /// The ids of the word n-grams 1...n ending at each token. Each token is hashed once; the
    /// states of the n-grams ending at the previous token are extended by it.
    private func collectNGrams(_ tokens: TokenList, n: Int, into out: inout UnsafeMutablePointer<UInt32>) {
        let tokenCount = tokens.count
        guard tokenCount > 0, n > 0 else { return }
        let bytes = tokens.bytes.base
        let seed = FeatureHash.wordSeed(config.seed)
        let mask = mask
        let starts = tokens.starts.base
        let ends = tokens.ends.base
        // No n-gram is longer than the post, whatever `n` asks for.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: min(n, tokenCount)) { states in
            // states[k]: the state of the (k + 1)-gram ending at the current token.
            for index in 0..<tokenCount {
                let token = Self.tokenHash(index, bytes: bytes, starts: starts, ends: ends, seed: seed)
                var length = min(index &+ 1, n) &- 1
                while length > 0 {
                    states[length] = FeatureHash.extend(states[length &- 1], with: token)
                    out.pointee = FeatureHash.id(FeatureHash.finishNGram(states[length]), mask: mask)
                    out += 1
                    length &-= 1
                }
                states[0] = token
                out.pointee = FeatureHash.id(token, mask: mask)
                out += 1
            }
        }
    }

    /// Calls `body` with each character n-gram of each word token padded with spaces; a padded
    /// word no longer than `n` gives itself once and ends the lengths, as scikit-learn's
    /// `char_wb` does.
    @inline(__always)
    private func forEachCharNGram(
        _ tokens: TokenList, offsets: inout RawBuffer<Int32>, _ body: (UnsafePointer<UInt8>, Int) -> Void
    ) {
        guard let range = config.charNGrams else { return }
        let bytes = tokens.bytes.base
        for index in 0..<tokens.count where tokens.kinds.base[index] == TokenKind.word.rawValue {
            let start = Int(tokens.starts.base[index]) - 1
            let end = Int(tokens.ends.base[index]) + 1
            offsets.count = 0
            offsets.reserve(extra: end - start + 1)
            var position = start
            while position < end {
                offsets.append(Int32(truncatingIfNeeded: position))
                let byte = bytes[position]
                position &+= byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            }
            offsets.append(Int32(truncatingIfNeeded: end))
            let characters = offsets.count - 1
            for length in range {
                if characters <= length {
                    body(bytes + start, end - start)
                    break
                }
                for first in 0...(characters - length) {
                    let from = Int(offsets.base[first])
                    body(bytes + from, Int(offsets.base[first + length]) - from)
                }
            }
        }
    }

    // MARK: Counting and weighting

    /// Sorts the ids, merges duplicates and writes each count to `weights`; returns the number
    /// of unique ids.
    ///
    /// Hashed ids are uniform, so a counting pass on their top bits into about two buckets per id
    /// leaves the array nearly sorted and one pass that inserts and counts finishes it: O(n)
    /// expected, several times faster than a comparison sort on the 20 to 100 ids of a post.
    /// (Measured against an order-keeping linear-probing table, which ran 20% slower.)
    /// `squares` receives the sum of the squares of the counts.
    static func sortAndCount(
        ids: inout RawBuffer<UInt32>, weights: inout RawBuffer<Float>, spare: inout RawBuffer<UInt32>,
        lanes: inout RawBuffer<UInt64>, hashBits: Int, squares: inout Int
    ) -> Int {
        let count = ids.count
        squares = 0
        weights.count = 0
        weights.reserve(extra: count)
        guard count > 0 else { return 0 }
        var base = ids.base
        if count > 16 && count < 256 && Self.littleEndian {
            base = byteLaneBucketPass(base, count: count, hashBits: hashBits, spare: &spare, lanes: &lanes)
        } else if count > 16 && count <= 1 << 16 {
            // About two buckets per id (the smallest power of two at least 2 * count, capped by
            // the id width), so most buckets hold one id and the final pass rarely finds one
            // out of place: fewer mispredicted branches, measured faster than one bucket per id.
            let bucketBits = min(Int.bitWidth &- ((count &- 1) &<< 1).leadingZeroBitCount, hashBits)
            let shift = UInt32(truncatingIfNeeded: hashBits &- bucketBits)
            let buckets = 1 &<< bucketBits
            spare.count = 0
            spare.reserve(extra: count &+ buckets)
            let sorted = spare.base
            let starts = spare.base + count
            starts.initialize(repeating: 0, count: buckets)
            for index in 0..<count { starts[Int(truncatingIfNeeded: base[index] &>> shift)] &+= 1 }
            var total: UInt32 = 0
            for bucket in 0..<buckets {
                let size = starts[bucket]
                starts[bucket] = total
                total &+= size
            }
            for index in 0..<count {
                let value = base[index]
                let bucket = Int(truncatingIfNeeded: value &>> shift)
                let slot = starts[bucket]
                sorted[Int(truncatingIfNeeded: slot)] = value
                starts[bucket] = slot &+ 1
            }
            base = sorted
        } else if count > 16 {
            var buffer = UnsafeMutableBufferPointer(start: base, count: count)
            buffer.sort()
        }
        return insertAndCount(base, count: count, into: ids.base, counts: weights.base, squares: &squares)
    }

    /// Whether this machine stores the low byte of a word first (the byte-lane bucket pass
    /// addresses a word's lanes as bytes).
    private static let littleEndian = (1 as UInt64).littleEndian == 1

    /// The bucket pass of `sortAndCount` for fewer than 256 ids, with the bucket sizes in
    /// byte lanes, eight to a 64-bit word: one multiplication by `0x0101...01` sums a word's
    /// lanes into running totals, so the sizes become starts in about six instructions per
    /// eight buckets instead of four per bucket (no total reaches 256, so no lane carries
    /// into the next). The sizes are counted with whole-word additions: the prefix pass
    /// reads whole words, and a word load cannot be forwarded from narrower stores before it.
    /// Returns where the scattered ids are (`spare.base`).
    @inline(__always)
    private static func byteLaneBucketPass(
        _ base: UnsafeMutablePointer<UInt32>, count: Int, hashBits: Int, spare: inout RawBuffer<UInt32>,
        lanes: inout RawBuffer<UInt64>
    ) -> UnsafeMutablePointer<UInt32> {
        let bucketBits = min(Int.bitWidth &- ((count &- 1) &<< 1).leadingZeroBitCount, hashBits)
        let shift = UInt32(truncatingIfNeeded: hashBits &- bucketBits)
        let words = ((1 &<< bucketBits) &+ 7) &>> 3
        spare.count = 0
        spare.reserve(extra: count)
        lanes.count = 0
        lanes.reserve(extra: words)
        let sizes = lanes.base
        sizes.initialize(repeating: 0, count: words)
        for index in 0..<count {
            let bucket = Int(truncatingIfNeeded: base[index] &>> shift)
            sizes[bucket &>> 3] &+= 1 &<< UInt64(truncatingIfNeeded: (bucket & 7) &<< 3)
        }
        var total: UInt64 = 0
        for word in 0..<words {
            let size = sizes[word]
            let inclusive = size &* 0x0101_0101_0101_0101 &+ total
            sizes[word] = inclusive &- size
            total = (inclusive &>> 56) &* 0x0101_0101_0101_0101
        }
        let starts = UnsafeMutableRawPointer(sizes)
        let sorted = spare.base
        for index in 0..<count {
            let value = base[index]
            let bucket = Int(truncatingIfNeeded: value &>> shift)
            let slot = starts.load(fromByteOffset: bucket, as: UInt8.self)
            sorted[Int(truncatingIfNeeded: slot)] = value
            starts.storeBytes(of: slot &+ 1, toByteOffset: bucket, as: UInt8.self)
        }
        return sorted
    }

    /// Writes the `count` ids at `base`, sorted except for a few out of place (as the bucket
    /// pass leaves them), to `target` as strictly ascending unique ids with their counts in
    /// `counts`; returns the number of unique ids. `target` may be `base`: an id is read
    /// before any write reaches its place.
    ///
    /// One pass that both finishes the sort and merges duplicates: an id above the last one
    /// written is appended, one equal to it counted, both without a branch; only an id below
    /// it (out of place in its bucket) takes a branch, to be inserted or counted further
    /// back. Replaces an insertion pass followed by a merge pass (measured: 250 fewer
    /// instructions and 4% less time a post; the count is an integer in a register, since a
    /// float count would chain every step to a 3-cycle addition).
    @inline(__always)
    private static func insertAndCount(
        _ base: UnsafeMutablePointer<UInt32>, count: Int, into target: UnsafeMutablePointer<UInt32>,
        counts: UnsafeMutablePointer<Float>, squares: inout Int
    ) -> Int {
        // The last id written and its count, kept in registers: reading them back from
        // memory would chain every step to the store before it.
        var last = base[0]
        var lastCount = 1
        target[0] = last
        counts[0] = 1
        // The sum of the squared counts: a count going from c - 1 to c adds 2c - 1.
        var sum = 1
        var unique = 1
        var index = 1
        while index < count {
            let value = base[index]
            if value >= last {
                // Equal: rewrite the last place with its count plus one; above: a new place.
                let repeats = value == last
                let place = repeats ? unique &- 1 : unique
                lastCount = repeats ? lastCount &+ 1 : 1
                sum &+= lastCount &* 2 &- 1
                counts[place] = Float(lastCount)
                target[place] = value
                last = value
                unique = place &+ 1
            } else {
                var place = unique &- 1
                while place > 0 && target[place &- 1] >= value { place &-= 1 }
                if target[place] == value {
                    counts[place] += 1
                    sum &+= Int(counts[place]) &* 2 &- 1
                } else {
                    var move = unique
                    while move > place {
                        target[move] = target[move &- 1]
                        counts[move] = counts[move &- 1]
                        move &-= 1
                    }
                    target[place] = value
                    counts[place] = 1
                    sum &+= 1
                    unique &+= 1
                }
            }
            index &+= 1
        }
        squares = sum
        return unique
    }

    /// The sum of the squares of `values`, exactly as a plain left-to-right `Float` sum gives it.
    ///
    /// That sum chains every addition to the one before (3 to 4 cycles each). When the values
    /// are whole numbers (counts, binary) and their squares add up to less than 2^24, every
    /// partial sum is a whole number a `Float` holds exactly, in any order; so four
    /// independent sums, added at the end, give the same bits. Otherwise, or when that total
    /// is not below 2^24, the plain sum decides.
    @inline(__always)
    static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int, integral: Bool) -> Float {
        if integral {
            var sums: (Float, Float, Float, Float) = (0, 0, 0, 0)
            var index = 0
            while index &+ 4 <= count {
                sums.0 += values[index] * values[index]
                sums.1 += values[index &+ 1] * values[index &+ 1]
                sums.2 += values[index &+ 2] * values[index &+ 2]
                sums.3 += values[index &+ 3] * values[index &+ 3]
                index &+= 4
            }
            while index < count {
                sums.0 += values[index] * values[index]
                index &+= 1
            }
            let total = (sums.0 + sums.1) + (sums.2 + sums.3)
            if total < 16_777_216 { return total }
        }
        var sum: Float = 0
        for index in 0..<count { sum += values[index] * values[index] }
        return sum
    }

    /// `squares`, when given, is the sum of the squares of the counts in `values`.
    private func applyWeighting(_ values: UnsafeMutablePointer<Float>, count: Int, squares: Int?) {
        switch config.weighting {
        case .counts:
            break
        case .binary:
            for index in 0..<count { values[index] = 1 }
        case .logTF:
            for index in 0..<count where values[index] > 1 { values[index] = 1 + logf(values[index]) }
        }
        guard config.l2Normalize, count > 0 else { return }
        let sum: Float
        // Below 2^24 every partial sum is a whole number a `Float` holds exactly, so the
        // integer total converts to the bits `sumOfSquares` gives (binary weights are all 1).
        if let squares, config.weighting != .logTF, squares < 16_777_216 {
            sum = Float(config.weighting == .binary ? count : squares)
        } else {
            sum = Self.sumOfSquares(values, count: count, integral: config.weighting != .logTF)
        }
        let scale = 1 / sum.squareRoot()
        for index in 0..<count { values[index] *= scale }
    }
}
