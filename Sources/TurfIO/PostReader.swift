import TurfCore

/// Reads posts from one input (a file, a `.gz` file or `-` for standard input) in any format,
/// as batches of raw records that decoders turn into posts, so callers can decode in parallel.
///
/// Opening sniffs the format when it is `auto` and reads a CSV header.
public final class PostReader {
    /// The path as given.
    public let path: String
    /// The resolved format (never `auto`).
    public let format: PostFormat
    /// A decoder for this input; copy it once per thread.
    public let decoder: any PostDecoder
    /// The underlying input, for progress (`size`, `consumed`) and `notes`.
    public let source: InputSource
    private let splitter: RecordSplitter
    private var pending: RecordBatch?

    /// Opens `path` and works out its format. A record (a line, or a CSV record spanning
    /// lines) longer than `maximumRecordLength` bytes stops the input with an `InputError`
    /// instead of growing memory without bound.
    /// - Throws: `InputError` when the file cannot be read or its header is unusable;
    ///   `UsageError` when a generic CSV lacks the mapped columns.
    public init(path: String, format: PostFormat = .auto, mapping: FieldMapping = FieldMapping(), encoding: TextEncoding = .utf8,
                maximumRecordLength: Int = 16 << 20) throws {
        self.path = path
        source = try InputSource(path: path, encoding: encoding)
        splitter = RecordSplitter(source: source, csv: format.isCSV ?? false, maximumRecordLength: maximumRecordLength)
        var resolved = format
        if format == .auto {
            splitter.csv = !PostFormat.looksLikeJSON(try splitter.peek())
        }
        var header: CSVHeader?
        if splitter.csv {
            guard let first = try splitter.nextBatch(maxRecords: 1) else {
                throw InputError(file: path, line: 0, reason: "empty input: no CSV header")
            }
            let parsed: Result<CSVHeader, RecordError> = first.bytes.withUnsafeBufferPointer { all in
                do throws(RecordError) { return .success(try CSVHeader(record: first.record(0, in: all))) } catch { return .failure(error) }
            }
            switch parsed {
            case .success(let value): header = value
            case .failure(let error): throw InputError(file: path, line: first.lines[0], reason: "header: \(error.message)")
            }
            if format == .auto { resolved = PostFormat.sniffCSV(header!) }
        } else if format == .auto {
            pending = try splitter.nextBatch()
            resolved = pending.map { batch in batch.bytes.withUnsafeBufferPointer { PostFormat.sniffJSON(batch.record(0, in: $0)) } } ?? .twarc2
        }
        self.format = resolved
        decoder = try resolved.makeDecoder(header: header, mapping: mapping)
    }

    /// The next batch of up to `maxRecords` raw records, or `nil` at the end.
    /// - Throws: `InputError` on read failures and unclosed CSV quotes.
    public func nextBatch(maxRecords: Int = 8192) throws -> RecordBatch? {
        var batch = RecordBatch()
        return try nextBatch(maxRecords: maxRecords, into: &batch) ? batch : nil
    }

    /// Fills `batch` with the next records, reusing its storage; returns `false` at the end.
    /// - Throws: `InputError` on read failures and unclosed CSV quotes.
    public func nextBatch(maxRecords: Int = 8192, into batch: inout RecordBatch) throws -> Bool {
        if let first = pending {
            pending = nil
            batch = first
            return true
        }
        return try splitter.nextBatch(maxRecords: maxRecords, into: &batch)
    }

    /// Reads every post in order on the calling thread: `body` gets each post, `skipped` each
    /// record that could not be read (as `file:line: reason`, with its category).
    /// - Throws: `InputError` for failures that stop the whole input; rethrows from the closures.
    public func forEach(_ body: (Post) throws -> Void, skipped: (InputError, String) throws -> Void) throws {
        var decoder = self.decoder
        var posts: [Post] = []
        var batch = RecordBatch()
        while try nextBatch(into: &batch) {
            for index in 0..<batch.count {
                posts.removeAll(keepingCapacity: true)
                let failure: RecordError? = batch.bytes.withUnsafeBufferPointer { all in
                    do throws(RecordError) {
                        try decoder.decode(batch.record(index, in: all), into: &posts)
                        return nil
                    } catch {
                        return error
                    }
                }
                if let failure {
                    try skipped(InputError(file: path, line: batch.lines[index], reason: failure.message), failure.kind)
                    continue
                }
                for post in posts { try body(post) }
            }
        }
    }
}
