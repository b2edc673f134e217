import Foundation
import TurfCore
import TurfIO

/// Classifies posts from any number of inputs, streaming: a reading thread cuts the inputs
/// into batches of raw records, every core decodes, classifies and encodes its share of a
/// batch, and a writing thread writes the results in input order while the next batch is classified.
///
/// Memory stays flat whatever the input size: at most two batches wait between the stages.
/// The classifier is injected: `makeWorker` is called once per worker slot, and a slot's
/// closure is only ever run by one thread at a time, so it may keep per-thread state (rule
/// matchers' match data, scratch buffers).
public struct ClassifyPipeline: Sendable {
    /// A classifier: a post in, its stance scores out.
    public typealias Classifier = (Post) -> StanceScores

    /// Each batch is cut into this many shares a thread, taken by whichever thread is free, so
    /// a thread that drew slower posts (or lost its core to the reader) does not hold the others
    /// at the batch's end. With 1 share a thread, 1M posts took 3.77-4.14 s on 2 threads; with 4,
    /// 3.67-3.80 s (docs/classify.md).
    static let sharesPerThread = 4

    /// How to read, write and fail.
    public let options: ClassifyOptions
    private let makeWorker: @Sendable () -> Classifier

    /// Creates a pipeline that classifies with closures made by `makeWorker`.
    public init(options: ClassifyOptions, makeWorker: @escaping @Sendable () -> Classifier) {
        self.options = options
        self.makeWorker = makeWorker
    }

    /// Classifies every post in `inputs` (paths; `-` is standard input) and writes them to `output`.
    ///
    /// Bad records go to `report` as `file:line: reason` and are counted and skipped; with
    /// `strict` the run stops at the first and the summary's `stopped` says why.
    /// - Parameter progress: whether to draw a progress line on standard error.
    /// - Returns: the counts for the end-of-run summary.
    /// - Throws: `UsageError` when an input cannot be read with the given mapping; errors of `output`.
    public func run(inputs: [String], output: OutputWriter, progress: Bool = false, report: (String) -> Void) throws -> ClassifyRun {
        let queue = BatchQueue<Item>(capacity: 2)
        let recycled = BatchQueue<RecordBatch>(capacity: 4)
        let options = self.options
        let totalBytes = Self.totalSize(of: inputs)
        let reader = Thread { Self.read(inputs: inputs, options: options, into: queue, recycling: recycled) }
        reader.stackSize = 8 << 20
        reader.start()

        let slots = (0..<options.threads * Self.sharesPerThread).map { _ in Slot(classify: makeWorker()) }
        var run = ClassifyRun()
        var reported: [String: Int] = [:]
        var line = progress ? ProgressLine(totalBytes: totalBytes) : nil
        let started = ProgressLine.now()
        if options.outputFormat == .csv { try output.write(ClassifiedPostCSV.header(stances: options.stances)) }
        let writer = WriterThread(output: output, capacity: 2 * slots.count)

        func skip(_ kind: String, _ message: String) {
            run.summary.skipped[kind, default: 0] += 1
            let count = reported[kind, default: 0] + 1
            reported[kind] = count
            if options.strict || count <= options.reportLimit {
                report(message)
            } else if count == options.reportLimit + 1 {
                report("(further '\(kind)' records are counted in the summary, not shown)")
            }
        }

        loop: while true {
            switch queue.take() {
            case .end:
                break loop
            case .opened:
                run.summary.files += 1
            case .notes(let notes):
                notes.forEach(report)
            case .usage(let error):
                queue.cancel()
                try writer.finish()
                throw error
            case .failed(let error):
                skip("unreadable input", error.description)
                if options.strict {
                    run.stopped = error
                    queue.cancel()
                    break loop
                }
            case .batch(let work):
                run.summary.records += work.batch.count
                run.summary.bytes = work.bytesSoFar
                process(work, slots: slots)
                for slot in slots {
                    writer.write(slot.output)
                    slot.output = writer.spareBuffer()
                    run.summary.classified += slot.classified
                    for (lineNumber, error) in slot.errors {
                        let failure = InputError(file: work.path, line: lineNumber, reason: error.message)
                        skip(error.kind, failure.description)
                        if options.strict {
                            run.stopped = failure
                            break
                        }
                    }
                    if run.stopped != nil { break }
                }
                if run.stopped != nil || writer.error != nil {
                    queue.cancel()
                    break loop
                }
                line?.update(posts: run.summary.classified, bytes: work.bytesSoFar)
                _ = recycled.offer(work.batch)
            }
        }
        try writer.finish()
        line?.finish()
        run.summary.seconds = ProgressLine.now() - started
        return run
    }

    /// Decodes, classifies and encodes one batch, a contiguous share per slot, on all cores.
    private func process(_ work: Work, slots: [Slot]) {
        let count = work.batch.count
        let shares = slots.count
        let strict = options.strict
        let csv = options.outputFormat == .csv
        let stances = options.stances
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let slot = slots[share]
            slot.reset(for: work)
            let range = (count * share / shares)..<(count * (share + 1) / shares)
            work.batch.bytes.withUnsafeBufferPointer { all in
                for index in range {
                    slot.posts.removeAll(keepingCapacity: true)
                    let failure: RecordError? = {
                        do throws(RecordError) {
                            try slot.decoder!.decode(work.batch.record(index, in: all), into: &slot.posts)
                            return nil
                        } catch {
                            return error
                        }
                    }()
                    if let failure {
                        slot.errors.append((work.batch.lines[index], failure))
                        if strict { return }
                        continue
                    }
                    for post in slot.posts {
                        let classified = ClassifiedPost(post: post, scores: slot.classify(post))
                        if csv {
                            ClassifiedPostCSV.appendRow(classified, stances: stances, to: &slot.output)
                        } else {
                            ClassifiedPostCodec.appendJSONLine(classified, to: &slot.output)
                        }
                        slot.classified += 1
                    }
                }
            }
        }
    }

    private static func totalSize(of inputs: [String]) -> Int64? {
        var total: Int64 = 0
        for path in inputs {
            guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? NSNumber
            else { return nil }
            total += size.int64Value
        }
        return total
    }

    /// The reading thread: opens each input in turn and hands its batches over.
    private static func read(inputs: [String], options: ClassifyOptions, into queue: BatchQueue<Item>, recycling: BatchQueue<RecordBatch>) {
        var bytesBefore: Int64 = 0
        for (index, path) in inputs.enumerated() {
            do {
                let reader = try PostReader(path: path, format: options.format, mapping: options.mapping, encoding: options.encoding)
                guard queue.put(.opened) else { return }
                if !reader.source.notes.isEmpty, !queue.put(.notes(reader.source.notes)) { return }
                var notesSent = reader.source.notes.count
                var batch = recycling.poll() ?? RecordBatch()
                while try reader.nextBatch(maxRecords: options.batchSize, into: &batch) {
                    if reader.source.notes.count > notesSent {
                        guard queue.put(.notes(Array(reader.source.notes[notesSent...]))) else { return }
                        notesSent = reader.source.notes.count
                    }
                    let work = Work(batch: batch, file: index, path: path, decoder: reader.decoder, bytesSoFar: bytesBefore + reader.source.consumed)
                    guard queue.put(.batch(work)) else { return }
                    // A batch the classifier is done with, its storage reused (no page faults).
                    batch = recycling.poll() ?? RecordBatch()
                }
                bytesBefore += reader.source.consumed
            } catch let error as InputError {
                guard queue.put(.failed(error)) else { return }
            } catch let error as UsageError {
                _ = queue.put(.usage(error))
                return
            } catch {
                guard queue.put(.failed(InputError(file: path, line: 0, reason: "\(error)"))) else { return }
            }
        }
        _ = queue.put(.end)
    }

    /// One batch of raw records and what is needed to decode them.
    struct Work: Sendable {
        var batch: RecordBatch
        var file: Int
        var path: String
        var decoder: any PostDecoder
        var bytesSoFar: Int64
    }

    /// What the reading thread hands over.
    enum Item: Sendable {
        case opened
        case notes([String])
        case batch(Work)
        case failed(InputError)
        case usage(UsageError)
        case end
    }

    /// One worker's classifier and scratch state; only one thread uses a slot at a time.
    final class Slot: @unchecked Sendable {
        let classify: Classifier
        var decoder: (any PostDecoder)?
        var file = -1
        var posts: [Post] = []
        var output: [UInt8] = []
        var errors: [(Int, RecordError)] = []
        var classified = 0

        init(classify: @escaping Classifier) {
            self.classify = classify
        }

        func reset(for work: Work) {
            if file != work.file {
                file = work.file
                decoder = work.decoder
            }
            output.removeAll(keepingCapacity: true)
            errors.removeAll(keepingCapacity: true)
            classified = 0
        }
    }
}

/// The outcome of a `classify` run: the summary, and the error a `--strict` run stopped at.
public struct ClassifyRun: Sendable {
    /// Counts for the end-of-run line.
    public var summary = ClassifySummary()
    /// The first bad record when `strict` stopped the run; `nil` when it ran to the end.
    public var stopped: InputError?
}
