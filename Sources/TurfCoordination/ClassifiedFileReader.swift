import Dispatch
import Foundation
import TurfCore
import TurfIO

/// Streams `classify` output files into a `CoordinationCorpus`, decoding and extracting
/// batches of lines on `config.threads` threads while keeping input order.
public struct ClassifiedFileReader {
    /// Stop at the first bad line instead of counting and skipping it.
    public var strict: Bool
    /// Lines decoded and extracted per parallel batch.
    public var batchSize: Int

    /// Creates a reader.
    public init(strict: Bool = false, batchSize: Int = 4096) {
        self.strict = strict
        self.batchSize = batchSize
    }

    /// Reads every file of `paths` (`-` for standard input) into `corpus`. Blank lines are
    /// skipped; each bad line is passed to `onError` as `file:line: reason` and skipped.
    /// - Returns: the number of bad lines.
    /// - Throws: `InputError` when a file cannot be read, or at the first bad line when `strict`.
    /// `visit`, when given, sees every decoded post in input order (e.g. to build stance
    /// timelines in the same pass).
    public func read(
        paths: [String], into corpus: inout CoordinationCorpus, visit: ((ClassifiedPost) -> Void)? = nil,
        onError: (InputError) -> Void
    ) throws -> Int {
        var log: PostStanceLog?
        return try read(paths: paths, into: &corpus, visit: visit, log: &log, onError: onError)
    }

    /// Reads like `read(paths:into:visit:onError:)` and also logs every post's stance data into
    /// `stances`, to build timelines after reading (`PostStanceLog.replay`) with far less
    /// memory than building them beside the corpus.
    public func read(
        paths: [String], into corpus: inout CoordinationCorpus, stances: inout PostStanceLog,
        onError: (InputError) -> Void
    ) throws -> Int {
        var log: PostStanceLog? = stances
        stances = PostStanceLog()
        defer { stances = log ?? PostStanceLog() }
        return try read(paths: paths, into: &corpus, visit: nil, log: &log, onError: onError)
    }

    private func read(
        paths: [String], into corpus: inout CoordinationCorpus, visit: ((ClassifiedPost) -> Void)?,
        log: inout PostStanceLog?, onError: (InputError) -> Void
    ) throws -> Int {
        var errors = 0
        let config = corpus.config
        for path in paths {
            var lines: [[UInt8]] = []
            var numbers: [Int] = []
            func drain(_ corpus: inout CoordinationCorpus) throws {
                let decoded = Self.decode(lines, config: config, keepPosts: visit != nil, keepStances: log != nil)
                for (offset, outcome) in decoded.enumerated() {
                    switch outcome {
                    case .success(let (post, extracted)):
                        if let post, let visit { visit(post) }
                        log?.append(time: extracted.time, stances: extracted.stances, probabilities: extracted.probabilities, labels: extracted.labels)
                        corpus.add(extracted: extracted)
                    case .failure(let message):
                        let error = InputError(file: path, line: numbers[offset], reason: message.description)
                        if strict { throw error }
                        errors += 1
                        onError(error)
                    }
                }
                lines.removeAll(keepingCapacity: true)
                numbers.removeAll(keepingCapacity: true)
            }
            try LineReader(path: path).forEachLine { line, number in
                if line.contains(where: { $0 > 0x20 }) {
                    lines.append(Array(line))
                    numbers.append(number)
                    if lines.count >= batchSize { try drain(&corpus) }
                }
                return true
            }
            try drain(&corpus)
        }
        return errors
    }

    /// Why one line could not be used.
    struct LineFailure: Error, CustomStringConvertible {
        var description: String
    }

    private static func decode(_ lines: [[UInt8]], config: CoordinationConfig, keepPosts: Bool, keepStances: Bool) -> [Result<(ClassifiedPost?, ExtractedPost), LineFailure>] {
        let workers = max(1, min(config.threads, lines.count / 64))
        let output = WorkerSlots<Result<(ClassifiedPost?, ExtractedPost), LineFailure>?>(count: lines.count, repeating: nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var shingler = TextShingler()
            var decoder = ClassifiedLineDecoder()
            for index in (lines.count * worker / workers)..<(lines.count * (worker + 1) / workers) {
                do {
                    let post = try lines[index].withUnsafeBufferPointer { try decoder.decode($0) }
                    var extracted = ExtractedPost(post, config: config, shingler: &shingler, hasher: .shared)
                    if keepStances {
                        extracted.stances = post.scores.stances
                        extracted.probabilities = post.scores.probabilities.map { Float($0) }
                    }
                    output[index] = .success((keepPosts ? post : nil, extracted))
                } catch {
                    output[index] = .failure(LineFailure(description: "\(error)"))
                }
            }
        }
        return output.map { $0! }
    }

    /// Reads stance switches written by `turfwatch timeline` (`switches.jsonl`: `account_id`,
    /// `time`, `from`, `to`, `confidence`), skipping bad lines like `read(paths:)`.
    public func readSwitches(path: String, onError: (InputError) -> Void) throws -> [SwitchEvent] {
        struct Record: Decodable {
            var account_id: String
            var time: String
            var from: String?
            var to: String
            var confidence: Double?
        }
        var events: [SwitchEvent] = []
        let decoder = JSONDecoder()
        try LineReader(path: path).forEachLine { line, number in
            guard line.contains(where: { $0 > 0x20 }) else { return true }
            let problem: String
            if let record = try? decoder.decode(Record.self, from: Data(line)) {
                if let time = UTCTime.parseISO8601(record.time) {
                    events.append(SwitchEvent(accountID: record.account_id, time: time, from: record.from ?? "", to: record.to, confidence: record.confidence ?? 1))
                    return true
                }
                problem = "time is not an ISO 8601 time: \(record.time)"
            } else {
                problem = "not a switch record (account_id, time, to are required)"
            }
            let error = InputError(file: path, line: number, reason: problem)
            if strict { throw error }
            onError(error)
            return true
        }
        return events
    }
}
