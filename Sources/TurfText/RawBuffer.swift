/// A growable run of plain values behind a raw pointer, for the tokenizer's hot loops.
///
/// Unlike `Array` it has no copy-on-write or bounds checks in the loops that fill it; callers
/// `reserve` before writing. It does not free itself: its single owner (`FeatureScratch`)
/// calls `deallocate()` in `deinit`, and it is never copied while in use elsewhere.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count: Int = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    /// Makes room for at least `extra` more elements after `count`, keeping the contents.
    @inline(__always)
    mutating func reserve(extra: Int) {
        if count &+ extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one element; room must have been reserved.
    @inline(__always)
    mutating func append(_ element: Element) {
        base[count] = element
        count &+= 1
    }

    /// The filled part.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func deallocate() { base.deallocate() }
}
