import Foundation

/// Writes encoded batches to an `OutputWriter` on a thread of its own, in the order they are
/// handed over, so the workers classify the next batch while the last one is being written.
///
/// Writing (the copy into the kernel's page cache) is about a tenth of a run's CPU time; done
/// on the classifying thread it left the other core idle at every batch's end. Buffers come
/// back through `spareBuffer()` with their capacity kept, so steady state allocates nothing.
final class WriterThread: @unchecked Sendable {
    private let output: OutputWriter
    private let pending: BatchQueue<[UInt8]?>
    private let spare: BatchQueue<[UInt8]>
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    /// Starts the thread; at most `capacity` buffers wait to be written.
    init(output: OutputWriter, capacity: Int) {
        self.output = output
        pending = BatchQueue(capacity: capacity)
        spare = BatchQueue(capacity: capacity + 2)
        let thread = Thread { [self] in drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues `bytes` for writing after everything queued before; blocks while the queue is full.
    func write(_ bytes: [UInt8]) {
        _ = pending.put(bytes)
    }

    /// An empty buffer to encode the next batch into (a written one when available).
    func spareBuffer() -> [UInt8] {
        spare.poll() ?? []
    }

    /// The first write error so far, if any.
    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// Waits until everything queued is written; throws the first write error.
    func finish() throws {
        _ = pending.put(nil)
        done.wait()
        if let error { throw error }
    }

    private func drain() {
        while let item = pending.take() {
            var bytes = item
            if error == nil {
                do {
                    try output.write(bytes)
                } catch {
                    lock.lock()
                    failure = error
                    lock.unlock()
                }
            }
            bytes.removeAll(keepingCapacity: true)
            _ = spare.offer(bytes)
        }
        done.signal()
    }
}
