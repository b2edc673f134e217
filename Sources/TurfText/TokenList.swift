/// The tokens of one post, written back to back into one byte buffer, each followed by a
/// space, after a leading space: ` dont vote nuttall `.
///
/// Because exactly one space separates neighbours, the word n-gram `vote nuttall` is itself a
/// contiguous byte range, so hashing an n-gram needs no copy; and because each word has a
/// space on both sides, its padded form for character n-grams is contiguous too. Every token
/// reserves ten bytes beyond what it writes, and `finish` leaves sixteen bytes of capacity after
/// the last token: `FeatureHash` reads the whole 16-byte block at a token's (or a padded
/// word's) last block start, up to fifteen bytes past its end.
struct TokenList {
    var bytes = RawBuffer<UInt8>(capacity: 1024)
    /// Where each token starts; `starts.count` is the number of tokens.
    var starts = RawBuffer<Int32>(capacity: 128)
    /// Where each token ends and its kind, indexed like `starts`. Their own `count` stays 0
    /// (only `reserve` reads it): committing a token updates one count, not three.
    var ends = RawBuffer<Int32>(capacity: 128)
    var kinds = RawBuffer<UInt8>(capacity: 128)
    /// Where the token being written starts.
    var pending = 1
    // The flags below are stored in 32 bits, so the list fits in 128 bytes: the compiler
    // copies a struct that size (in and out of the scratch, once each a post) with eight
    // vector moves, a larger one with a call to `memcpy`.
    private var handleStart: Int32 = 0
    /// Below `handleStart` when there is no handle.
    private var handleEnd: Int32 = -1
    var foldedConfusables = false
    private var targetsMasked: Int32 = 0
    private var invalidCount: Int32 = 0

    /// Byte range of a leading `RT @handle:` handle in the normalised text, if any.
    var retweetedHandle: Range<Int>? {
        get { handleEnd < handleStart ? nil : Int(handleStart)..<Int(handleEnd) }
        set {
            handleStart = Int32(truncatingIfNeeded: newValue?.lowerBound ?? 0)
            handleEnd = Int32(truncatingIfNeeded: newValue?.upperBound ?? -1)
        }
    }
    /// Target names masked in the post.
    var maskedTargets: Int {
        get { Int(targetsMasked) }
        set { targetsMasked = Int32(truncatingIfNeeded: newValue) }
    }
    /// Invalid UTF-8 sequences replaced in the post.
    var invalidSequences: Int {
        get { Int(invalidCount) }
        set { invalidCount = Int32(truncatingIfNeeded: newValue) }
    }

    /// Forgets the previous post, keeping the memory, and makes room for the tokens of a
    /// normalised text of `textCount` bytes. Every token consumes at least one byte of the
    /// text (a mention's handle, a link's domain and a hashtag's words come from bytes the
    /// `@user`, `url:` and `#tag` tokens do not use up), so `textCount + 2` entries suffice and
    /// `commit` needs no capacity check.
    mutating func reset(textCount: Int) {
        starts.count = 0
        starts.reserve(extra: textCount &+ 2)
        ends.count = 0
        ends.reserve(extra: textCount &+ 2)
        kinds.count = 0
        kinds.reserve(extra: textCount &+ 2)
        bytes.count = 1
        bytes.base[0] = 0x20
        pending = 1
        retweetedHandle = nil
        foldedConfusables = false
        maskedTargets = 0
        invalidSequences = 0
    }

    /// The number of tokens.
    var count: Int { starts.count }

    /// Makes sure sixteen bytes of capacity follow the last token, whatever its own reserve
    /// left (an emoji sequence reserves as it grows), so the hashing may read whole words past
    /// any token's end without each token path having to guarantee it.
    @inline(__always)
    mutating func finish() { bytes.reserve(extra: 16) }

    /// Starts a token that will write at most `maximumBytes` bytes.
    @inline(__always)
    mutating func begin(maximumBytes: Int) {
        bytes.reserve(extra: maximumBytes &+ 10)
        pending = bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        (bytes.base + bytes.count).update(from: source, count: count)
        bytes.count &+= count
    }

    @inline(__always)
    mutating func appendScalar(_ scalar: UInt32) {
        bytes.count &+= UTF8Writer.write(scalar, to: bytes.base + bytes.count)
    }

    /// Drops the token being written.
    @inline(__always)
    mutating func abandon() { bytes.count = pending }

    /// The bytes of the token being written.
    @inline(__always)
    var pendingBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.base + pending, count: bytes.count - pending)
    }

    /// Finishes the token being written (an empty one is dropped).
    @inline(__always)
    mutating func commit(_ kind: TokenKind) {
        let end = bytes.count
        guard end > pending else { return }
        bytes.append(0x20)
        let index = starts.count
        starts.append(Int32(truncatingIfNeeded: pending))
        ends.base[index] = Int32(truncatingIfNeeded: end)
        kinds.base[index] = kind.rawValue
        pending = bytes.count
    }

    /// The bytes of token `index`.
    @inline(__always)
    func token(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(starts.base[index])
        return UnsafeBufferPointer(start: bytes.base + start, count: Int(ends.base[index]) - start)
    }

    /// Removes the last `number` tokens.
    mutating func removeLast(_ number: Int) {
        let first = starts.count - number
        bytes.count = Int(starts.base[first])
        starts.count = first
        pending = bytes.count
    }

    /// Releases the memory; called once by the owner.
    func deallocate() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
        kinds.deallocate()
    }
}
