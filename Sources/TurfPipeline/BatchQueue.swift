import Foundation

/// A bounded first-in first-out hand-over between the reading thread and the classifying
/// thread: `put` blocks when `capacity` items wait, so memory stays flat however fast the
/// input is read.
final class BatchQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds `item`, waiting while the queue is full; returns `false` once the queue is cancelled.
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the oldest item, waiting while the queue is empty.
    func take() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Adds `item` unless the queue is full; returns whether it was added. Never waits.
    func offer(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard items.count < capacity, !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the oldest item if there is one. Never waits.
    func poll() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        guard !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    /// Wakes a blocked `put` and makes further puts fail (the consumer stopped early).
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
