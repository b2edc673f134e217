import Dispatch
import Synchronization
import Testing
import TurfCore

@Suite struct WorkerSlotsTests {
    /// Counts its own deinitialisations, so a test can see that slots release what they hold.
    final class Tracked: Sendable {
        static let released = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) { self.value = value }
        deinit { Self.released.add(1, ordering: .relaxed) }
    }

    @Test func releasesEveryElementWhenItGoes() {
        let before = Tracked.released.load(ordering: .relaxed)
        var values: [Int] = []
        do {
            let slots = WorkerSlots<Tracked?>(count: 1000, repeating: nil)
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                for index in stride(from: worker, to: 1000, by: 4) { slots[index] = Tracked(index) }
            }
            values = slots.map { $0!.value }
        }
        #expect(values == Array(0..<1000))
        #expect(Tracked.released.load(ordering: .relaxed) - before == 1000)
    }

    @Test func mutatesAnArrayInPlace() {
        let slots = WorkerSlots<[Int]>(count: 2, repeating: [])
        slots[1].append(contentsOf: [3, 4])
        var taken = [9]
        swap(&taken, &slots[0])
        #expect(slots.map { $0 } == [[9], [3, 4]])
        #expect(taken == [])
    }

    @Test func concurrentMapKeepsIndexOrder() {
        #expect(concurrentMap(10_000) { $0 * $0 } == (0..<10_000).map { $0 * $0 })
        #expect(concurrentMap(0) { String($0) } == [])
    }
}
