#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// One result slot per iteration of a parallel loop, filled under a lock and read in index
/// order afterwards, so parallel work gives the same result as serial work.
final class ParallelSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private var mutex = pthread_mutex_t()

    /// Creates `count` empty slots.
    init(count: Int) {
        storage = [Value?](repeating: nil, count: count)
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    /// Stores the result of iteration `index`.
    func set(_ index: Int, _ value: Value) {
        pthread_mutex_lock(&mutex)
        storage[index] = value
        pthread_mutex_unlock(&mutex)
    }

    /// All results in index order; every slot must have been set.
    var values: [Value] { storage.map { $0! } }

    /// Runs `body` for `0..<count` on all cores and returns the results in index order.
    static func map(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let slots = ParallelSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
        return slots.values
    }
}
