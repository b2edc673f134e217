import Dispatch

/// Fixed storage that parallel workers fill without locks, each index written by one worker only,
/// and that the caller reads once the parallel loop has returned.
///
/// It owns its elements: whatever the slots hold is released when the storage goes, so a
/// parallel stage cannot leak its results (raw buffers deallocated without deinitialising once
/// kept every decoded post of `turfwatch score` alive).
public final class WorkerSlots<Element> {
    private let storage: UnsafeMutableBufferPointer<Element>

    /// `count` slots, each holding `initial`.
    public init(count: Int, repeating initial: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// The slot at `index`, accessed in place (an array in a slot is mutated without a copy).
    public subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < storage.count, "slot index out of range")
            return UnsafePointer(storage.baseAddress! + index)
        }
        unsafeMutableAddress {
            assert(index >= 0 && index < storage.count, "slot index out of range")
            return storage.baseAddress! + index
        }
    }

    /// The slots' contents, transformed, in index order.
    public func map<Result>(_ transform: (Element) throws -> Result) rethrows -> [Result] {
        try storage.map(transform)
    }
}

/// Runs `body` for every index in `0..<count` on all cores and returns the results in index
/// order, so a parallel stage gives exactly what the serial loop would.
public func concurrentMap<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
    let slots = WorkerSlots<Value?>(count: count, repeating: nil)
    DispatchQueue.concurrentPerform(iterations: count) { slots[$0] = body($0) }
    return slots.map { $0! }
}

/// Workers may share slots only when what the slots hold may cross threads.
extension WorkerSlots: @unchecked Sendable where Element: Sendable {}
