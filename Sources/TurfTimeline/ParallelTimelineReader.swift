import Dispatch
import Foundation
import TurfCore
import TurfIO

/// Builds timelines from `classify` output files with several threads decoding lines, since
/// decoding JSON costs far more than adding a post to a timeline.
///
/// The calling thread reads lines and deals them out in batches, batch `k` to worker
/// `k mod workers`; each worker decodes its batches into its own `TimelineBuilder`, numbering
/// posts by their place in the input; the builders are merged, which restores input order.
public struct ParallelTimelineReader {
    /// The timeline configuration (`workers` threads decode).
    public var config: TimelineConfig
    /// Stop at the first malformed line instead of skipping it.
    public var strict: Bool
    /// Lines per batch handed to a worker.
    public var batchLines = 4096

    /// Creates a reader.
    public init(config: TimelineConfig, strict: Bool = false) {
        self.config = config
        self.strict = strict
    }

    /// Reads `paths` (`-` is standard input) and returns the finished timelines.
    ///
    /// Malformed lines go to `onError` in input order, after reading, and are skipped; with
    /// `strict` the first one is thrown instead and nothing is built.
    /// - Throws: `InputError` for an unreadable file or, when `strict`, the first bad line.
    public func read(paths: [String], onError: (InputError) -> Void) throws -> (TimelineSet, ClassifiedFiles.Summary) {
        let workers = max(1, config.workers)
        let channels = (0..<workers).map { _ in BatchChannel(capacity: 2) }
        let results = WorkerResults()
        let group = DispatchGroup()
        let config = self.config
        for worker in 0..<workers {
            let channel = channels[worker]
            DispatchQueue.global().async(group: group) {
                var builder = TimelineBuilder(config: config)
                var outcome = WorkerOutcome()
                while let batch = channel.pop() {
                    batch.decode(into: &builder, outcome: &outcome)
                }
                results.store(worker: worker, builder: builder, outcome: outcome)
            }
        }
        var readFailure: (any Error)?
        do {
            var batch = Batch()
            var dealt = 0
            var sequence = 0
            for (fileIndex, path) in paths.enumerated() {
                try LineReader(path: path).forEachLine { line, number in
                    if batch.lineCount == 0 {
                        batch.fileIndex = fileIndex
                        batch.path = path
                        batch.firstSequence = sequence
                    }
                    batch.append(line, number: number)
                    sequence += 1
                    if batch.lineCount >= batchLines {
                        channels[dealt % workers].push(batch)
                        dealt += 1
                        batch = Batch()
                    }
                    return true
                }
                if batch.lineCount > 0 {
                    channels[dealt % workers].push(batch)
                    dealt += 1
                    batch = Batch()
                }
            }
        } catch {
            readFailure = error
        }
        for channel in channels { channel.close() }
        group.wait()
        if let readFailure { throw readFailure }
        let (builders, outcome) = results.take()
        let problems = outcome.problems.sorted { ($0.fileIndex, $0.error.line) < ($1.fileIndex, $1.error.line) }.map(\.error)
        if strict, let first = problems.first { throw first }
        problems.forEach(onError)
        var merged = builders[0]
        for other in builders.dropFirst() { merged.merge(other) }
        let summary = ClassifiedFiles.Summary(posts: outcome.posts, badLines: problems.count, blankLines: outcome.blankLines)
        return (merged.finish(), summary)
    }
}

/// What one worker saw besides posts.
private struct WorkerOutcome: Sendable {
    var posts = 0
    var blankLines = 0
    var problems: [(fileIndex: Int, error: InputError)] = []

    mutating func absorb(_ other: WorkerOutcome) {
        posts += other.posts
        blankLines += other.blankLines
        problems += other.problems
    }
}

/// Consecutive lines of one file, copied out of the reader's buffer.
private struct Batch: Sendable {
    var path = ""
    var fileIndex = 0
    var firstSequence = 0
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var numbers: [Int] = []

    var lineCount: Int { ends.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
        numbers.append(number)
    }

    func decode(into builder: inout TimelineBuilder, outcome: inout WorkerOutcome) {
        var decoder = ClassifiedLineDecoder()
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (index, end) in ends.enumerated() {
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    outcome.blankLines += 1
                    continue
                }
                do {
                    let post = try decoder.decode(line)
                    builder.sequence = firstSequence + index
                    builder.add(post)
                    outcome.posts += 1
                } catch {
                    outcome.problems.append((fileIndex, InputError(file: path, line: numbers[index], reason: "\(error)")))
                }
            }
        }
    }
}

/// A bounded queue of batches from the reading thread to one worker.
private final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits while the queue is full, then enqueues.
    func push(_ batch: Batch) {
        condition.lock()
        while queue.count >= capacity { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or `nil` once closed and drained.
    func pop() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The workers' builders and outcomes, collected under a lock.
private final class WorkerResults: @unchecked Sendable {
    private let lock = NSLock()
    private var builders: [Int: TimelineBuilder] = [:]
    private var outcome = WorkerOutcome()

    func store(worker: Int, builder: TimelineBuilder, outcome: WorkerOutcome) {
        lock.lock()
        builders[worker] = builder
        self.outcome.absorb(outcome)
        lock.unlock()
    }

    func take() -> ([TimelineBuilder], WorkerOutcome) {
        lock.lock()
        defer { lock.unlock() }
        return (builders.keys.sorted().compactMap { builders[$0] }, outcome)
    }
}
