import TurfCore

/// A post with its stance labels, as users supply training and test data.
///
/// An empty `labels` means "no stance". `fields` keeps every other column or JSON field
/// (JSON values other than strings as their JSON text), so nothing the user gave is lost.
public struct LabelledPost: Hashable, Sendable {
    /// The post text.
    public var text: String
    /// The stance labels (one for multi-class data).
    public var labels: [String]
    /// The other fields, by name.
    public var fields: [String: String]
    /// The 1-based line where the record starts.
    public var line: Int

    /// Creates a labelled post.
    public init(text: String, labels: [String], fields: [String: String] = [:], line: Int = 0) {
        self.text = text
        self.labels = labels
        self.fields = fields
        self.line = line
    }
}

/// Reads labelled posts from JSONL or CSV files.
///
/// JSONL: one object a line with `text` and either `label` (a string: multi-class) or `labels`
/// (an array of strings: multi-label). CSV: a header row, then one post a row; the text and label
/// columns are chosen by name, and a label cell may hold several labels separated by `;`.
/// Blank lines are skipped. A bad row is an `InputError` naming the file and line.
public struct LabelledReader {
    /// The input format.
    public enum Format: Hashable, Sendable {
        /// One JSON object a line.
        case jsonl
        /// Comma-separated values with a header row.
        case csv(textColumn: String, labelColumn: String)

        /// CSV for paths ending in `.csv`, JSONL otherwise.
        public static func guess(path: String, textColumn: String = "text", labelColumn: String = "label") -> Format {
            path.lowercased().hasSuffix(".csv") ? .csv(textColumn: textColumn, labelColumn: labelColumn) : .jsonl
        }
    }

    /// The path (`-` for standard input).
    public var path: String
    /// The format.
    public var format: Format
    /// A line, or a CSV record spanning lines, longer than this many bytes is an error rather
    /// than unbounded memory.
    public var maximumRecordLength = 16 << 20

    /// Creates a reader.
    public init(path: String, format: Format) {
        self.path = path
        self.format = format
    }

    /// Reads every record.
    /// - Throws: `InputError` for an unreadable file or a bad record.
    /// - Complexity: O(bytes); one pass, line by line.
    public func read() throws -> [LabelledPost] {
        switch format {
        case .jsonl: try readJSONL()
        case .csv(let textColumn, let labelColumn): try readCSV(textColumn: textColumn, labelColumn: labelColumn)
        }
    }

    /// Reads every record's text and labels into blocks of texts stored back to back, for
    /// training: no `String` per post, and other fields are checked but not kept. The blocks
    /// hold exactly the texts and labels `read()` gives, in order, and a bad record is the same
    /// error.
    /// - Throws: `InputError` for an unreadable file or a bad record.
    /// - Complexity: O(bytes); one pass.
    public func readBlocks() throws -> [LabelledTextBlock] {
        switch format {
        case .jsonl:
            var blocks: [LabelledTextBlock] = []
            try readJSONL(collect: { blocks.append($0) }) { lines, bytes in
                var block = LabelledTextBlock()
                block.reserveCapacity(texts: lines, bytes: bytes)
                return block
            } decodeLine: { scanner, _, shared, block, scratch in
                try scanner.labelledText(shared: &shared, scratch: &scratch, into: &block)
            }
            return blocks
        case .csv(let textColumn, let labelColumn):
            let posts = try readCSV(textColumn: textColumn, labelColumn: labelColumn)
            return posts.isEmpty ? [] : LabelledTextBlock.blocks(of: posts, text: \.text, labels: \.labels)
        }
    }

    // MARK: JSONL

    private func readJSONL() throws -> [LabelledPost] {
        var posts: [LabelledPost] = []
        try readJSONL(collect: { posts.append(contentsOf: $0) }) { lines, _ in
            var part: [LabelledPost] = []
            part.reserveCapacity(lines)
            return part
        } decodeLine: { scanner, number, shared, part, _ in
            part.append(try scanner.labelledPost(line: number, shared: &shared))
        }
        return posts
    }

    /// Lines are gathered into batches of a few megabytes and each batch is decoded in
    /// `JSONLBatch.parts` parallel slices, so decoding uses every core: each slice starts a part
    /// with `makePart` (given its line and byte counts), `decodeLine` adds a line's record to it,
    /// and the parts go to `collect` in file order. The first bad line in file order
    /// is the one reported.
    private func readJSONL<Part: Sendable>(
        collect: (Part) -> Void,
        makePart: @escaping @Sendable (Int, Int) -> Part,
        decodeLine: @escaping @Sendable (inout JSONObjectScanner, Int, inout SharedLabels, inout Part, inout [UInt8]) throws -> Void
    ) throws {
        var batch = JSONLBatch()
        do {
            try LineReader(path: path, maximumLineLength: maximumRecordLength).forEachLine { line, number in
                var bytes = line
                if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
                batch.append(bytes, line: number)
                if batch.bytes.count >= JSONLBatch.capacity {
                    // Emptied in place (even after a bad line) once decoded, so the next batch
                    // fills memory already mapped instead of page-faulting in a fresh buffer.
                    defer { batch.removeAll() }
                    try decode(batch, collect: collect, makePart: makePart, decodeLine: decodeLine)
                }
                return true
            }
        } catch {
            // A bad line already gathered comes before the reader's own error (a later line);
            // after a batch's own bad line the batch is already empty and this adds nothing.
            try decode(batch, collect: collect, makePart: makePart, decodeLine: decodeLine)
            throw error
        }
        try decode(batch, collect: collect, makePart: makePart, decodeLine: decodeLine)
    }

    /// Decodes a batch in parallel slices and hands their parts to `collect` in order.
    private func decode<Part: Sendable>(
        _ batch: JSONLBatch, collect: (Part) -> Void, makePart: @escaping @Sendable (Int, Int) -> Part,
        decodeLine: @escaping @Sendable (inout JSONObjectScanner, Int, inout SharedLabels, inout Part, inout [UInt8]) throws -> Void
    ) throws {
        let count = batch.lines.count
        guard count > 0 else { return }
        let sliceCount = count < 1024 ? 1 : JSONLBatch.parts
        let slices = concurrentMap(sliceCount) { slice in
            batch.bytes.withUnsafeBufferPointer { bytes -> JSONLSlice<Part> in
                var shared = SharedLabels()
                let lines = (count * slice / sliceCount)..<(count * (slice + 1) / sliceCount)
                var decoded = makePart(lines.count, batch.lines[lines.upperBound - 1].range.upperBound - batch.lines[lines.lowerBound].range.lowerBound)
                var scratch: [UInt8] = []
                for index in lines {
                    let line = batch.lines[index]
                    var scanner = JSONObjectScanner(bytes: UnsafeBufferPointer(rebasing: bytes[line.range]))
                    do {
                        try decodeLine(&scanner, line.number, &shared, &decoded, &scratch)
                    } catch let problem as JSONProblem {
                        return .failure(line: line.number, reason: problem.reason)
                    } catch {
                        return .failure(line: line.number, reason: "\(error)")
                    }
                }
                return .success(decoded)
            }
        }
        for slice in slices {
            switch slice {
            case .success(let decoded): collect(decoded)
            case .failure(let line, let reason): throw InputError(file: path, line: line, reason: reason)
            }
        }
    }

    // MARK: CSV

    private func readCSV(textColumn: String, labelColumn: String) throws -> [LabelledPost] {
        var posts: [LabelledPost] = []
        var header: [String]?
        var textIndex = 0
        var labelIndex = 0
        var record = CSVRecord()
        try LineReader(path: path, maximumLineLength: maximumRecordLength).forEachLine { line, number in
            var bytes = line
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            if !record.inQuotes, bytes.isEmpty { return true }
            record.feed(bytes, line: number)
            if record.inQuotes, record.byteCount > maximumRecordLength {
                throw InputError(file: path, line: record.startLine, reason: "record longer than \(maximumRecordLength) bytes (an unclosed quote?)")
            }
            guard !record.inQuotes else { return true }
            let start = record.startLine
            let cells = try record.finish().map { try decode($0, line: start) }
            guard let names = header else {
                guard let text = cells.firstIndex(of: textColumn) else {
                    throw InputError(file: path, line: start, reason: "no column named \"\(textColumn)\" in the header (use --text-column)")
                }
                var label = cells.firstIndex(of: labelColumn)
                if label == nil, labelColumn == "label" { label = cells.firstIndex(of: "labels") }
                guard let label else {
                    throw InputError(file: path, line: start, reason: "no column named \"\(labelColumn)\" in the header (use --label-column)")
                }
                header = cells
                textIndex = text
                labelIndex = label
                return true
            }
            guard cells.count == names.count else {
                throw InputError(file: path, line: start, reason: "expected \(names.count) fields as in the header, found \(cells.count)")
            }
            var fields: [String: String] = [:]
            for (index, name) in names.enumerated() where index != textIndex && index != labelIndex { fields[name] = cells[index] }
            let labels = cells[labelIndex].split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            posts.append(LabelledPost(text: cells[textIndex], labels: labels, fields: fields, line: start))
            return true
        }
        if record.inQuotes {
            throw InputError(file: path, line: record.startLine, reason: "quoted field is never closed")
        }
        if header == nil { throw InputError(file: path, line: 0, reason: "empty CSV file: no header row") }
        return posts
    }

    private func decode(_ bytes: [UInt8], line: Int) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, line: line, reason: "not valid UTF-8")
        }
        return text
    }
}

/// JSONL lines copied out of the reader's buffer, to be decoded in parallel.
private struct JSONLBatch {
    /// Bytes gathered before a batch is decoded.
    static let capacity = 8 << 20
    /// Slices a batch is decoded in (a constant, so results never depend on the core count).
    static let parts = 4

    var bytes: [UInt8] = []
    var lines: [(range: Range<Int>, number: Int)] = []

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, line number: Int) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append((start..<bytes.count, number))
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }
}

/// The outcome of decoding one slice of a batch.
private enum JSONLSlice<Part: Sendable>: Sendable {
    case success(Part)
    case failure(line: Int, reason: String)
}

/// Accumulates one CSV record, which may span several lines inside quotes (RFC 4180).
private struct CSVRecord {
    var cells: [[UInt8]] = []
    var cell: [UInt8] = []
    var inQuotes = false
    var quoteSeen = false
    var startLine = 0
    /// Bytes held by the record so far.
    var byteCount: Int { cells.reduce(cell.count) { $0 + $1.count } }

    mutating func feed(_ line: UnsafeBufferPointer<UInt8>, line number: Int) {
        if !inQuotes { startLine = number } else { cell.append(0x0A) }
        for byte in line {
            if inQuotes {
                if byte == 0x22 { inQuotes = false; quoteSeen = true } else { cell.append(byte) }
            } else if byte == 0x22 {
                if quoteSeen { cell.append(0x22) }
                inQuotes = true
            } else if byte == 0x2C {
                cells.append(cell)
                cell.removeAll(keepingCapacity: true)
                quoteSeen = false
            } else {
                quoteSeen = false
                cell.append(byte)
            }
        }
    }

    mutating func finish() -> [[UInt8]] {
        cells.append(cell)
        defer {
            cells.removeAll(keepingCapacity: true)
            cell.removeAll(keepingCapacity: true)
            quoteSeen = false
        }
        return cells
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

/// Single-label arrays shared between posts: a million posts with three distinct labels then
/// hold three arrays, not a million, which saves an allocation when reading each post and a
/// deallocation when the posts go.
private struct SharedLabels {
    private var arrays: [[String]] = []

    /// `[label]`, the same array each time for the first 64 distinct labels.
    mutating func single(_ label: String) -> [String] {
        for array in arrays where array[0] == label { return array }
        let array = [label]
        if arrays.count < 64 { arrays.append(array) }
        return array
    }
}

/// Why a JSON line was rejected.
private struct JSONProblem: Error {
    var reason: String
}

/// A single-pass scanner over one JSON object: top-level string fields are decoded, other values
/// are kept as their JSON text. Written on bytes because `JSONDecoder` costs microseconds a line
/// and cannot keep unknown fields.
private struct JSONObjectScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The line's post, with every other field kept.
    mutating func labelledPost(line: Int, shared: inout SharedLabels) throws -> LabelledPost {
        var text = ""
        var fields: [String: String] = [:]
        let labels = try record(shared: &shared, fields: &fields, keepFields: true) { text = String(decoding: $0, as: UTF8.self) }
        return LabelledPost(text: text, labels: labels, fields: fields, line: line)
    }

    /// Appends the line's text and labels to `block`, checking the other fields without keeping
    /// them; `scratch` holds the text until the whole line is known to be good.
    mutating func labelledText(shared: inout SharedLabels, scratch: inout [UInt8], into block: inout LabelledTextBlock) throws {
        var fields: [String: String] = [:]
        let labels = try record(shared: &shared, fields: &fields, keepFields: false) { text in
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: text)
        }
        scratch.withUnsafeBufferPointer { block.append($0, labels: labels) }
    }

    /// Scans the object: hands the text's UTF-8 to `text` (again for a repeated key: the last
    /// wins), stores other fields in `fields` when `keepFields`, and returns the labels.
    private mutating func record(
        shared: inout SharedLabels, fields: inout [String: String], keepFields: Bool, text: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws -> [String] {
        skipSpace()
        try expect(0x7B, "expected a JSON object")
        var sawText = false
        var labels: [String]?
        skipSpace()
        if peek() == 0x7D { index += 1 } else {
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(0x3A, "expected ':' after \"\(key)\"")
                skipSpace()
                switch key {
                case "text":
                    guard peek() == 0x22 else { throw JSONProblem(reason: "\"text\" must be a string") }
                    try withString(text)
                    sawText = true
                case "label":
                    if peek() == 0x22 {
                        let label = try string()
                        guard !label.isEmpty else { throw JSONProblem(reason: "\"label\" is empty") }
                        labels = shared.single(label)
                    } else if peek() == 0x6E {
                        try literal("null")
                        labels = labels ?? []
                    } else {
                        let start = index
                        try skipValue()
                        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                        guard raw.first.map({ $0 == "-" || $0.isNumber }) == true else {
                            throw JSONProblem(reason: "\"label\" must be a string")
                        }
                        labels = [raw]
                    }
                case "labels":
                    guard peek() == 0x5B else { throw JSONProblem(reason: "\"labels\" must be an array of strings") }
                    index += 1
                    var list: [String] = []
                    skipSpace()
                    if peek() == 0x5D { index += 1 } else {
                        while true {
                            skipSpace()
                            guard peek() == 0x22 else { throw JSONProblem(reason: "\"labels\" must be an array of strings") }
                            let label = try string()
                            if !label.isEmpty, !list.contains(label) { list.append(label) }
                            skipSpace()
                            if peek() == 0x2C { index += 1; continue }
                            try expect(0x5D, "expected ',' or ']' in \"labels\"")
                            break
                        }
                    }
                    labels = list
                default:
                    if peek() == 0x22 {
                        if keepFields { fields[key] = try string() } else { try withString { _ in } }
                    } else {
                        let start = index
                        try skipValue()
                        if keepFields { fields[key] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                    }
                }
                skipSpace()
                if peek() == 0x2C { index += 1; continue }
                try expect(0x7D, "expected ',' or '}' after \"\(key)\"")
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw JSONProblem(reason: "unexpected text after the JSON object") }
        guard sawText else { throw JSONProblem(reason: "missing \"text\"") }
        guard let labels else { throw JSONProblem(reason: "missing \"label\" or \"labels\"") }
        return labels
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
    }

    /// `reason` is built only on failure: an interpolated message per key and line would
    /// otherwise cost two string allocations on every line read.
    private mutating func expect(_ byte: UInt8, _ reason: @autoclosure () -> String) throws {
        guard peek() == byte else { throw JSONProblem(reason: reason()) }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw JSONProblem(reason: "malformed JSON value") }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] {
            throw JSONProblem(reason: "malformed JSON value")
        }
        index += length
    }

    /// Steps over string bytes eight at a time while none is a quote, a backslash or a control
    /// character (clearing `ascii` at a byte of 0x80 or more), leaving the byte loop only the
    /// word that holds the next special byte.
    @inline(__always)
    private mutating func skipPlainBytes(ascii: inout Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while index &+ 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            if special & highs != 0 { return }
            if word & highs != 0 { ascii = false }
            index &+= 8
        }
    }

    /// Decodes a JSON string at `index`, checking UTF-8 and escapes.
    private mutating func string() throws -> String {
        try withString { String(decoding: $0, as: UTF8.self) }
    }

    /// Decodes a JSON string at `index`, checking escapes and UTF-8, and hands its UTF-8 bytes
    /// (valid only during the call) to `body`.
    private mutating func withString<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        try expect(0x22, "expected a string")
        var out: [UInt8] = []
        var start = index
        var ascii = true
        while true {
            skipPlainBytes(ascii: &ascii)
            guard index < bytes.count else { throw JSONProblem(reason: "unterminated string") }
            let byte = bytes[index]
            if byte == 0x22 { break }
            if byte < 0x20 { throw JSONProblem(reason: "control character in a string") }
            if byte >= 0x80 { ascii = false }
            if byte != 0x5C { index += 1; continue }
            out.append(contentsOf: bytes[start..<index])
            index += 1
            guard index < bytes.count else { throw JSONProblem(reason: "unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw JSONProblem(reason: "lone surrogate in \\u escape")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw JSONProblem(reason: "lone surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw JSONProblem(reason: "lone surrogate in \\u escape")
                }
                appendUTF8(scalar, to: &out)
            default: throw JSONProblem(reason: "bad escape in a string")
            }
            start = index
        }
        let end = index
        index += 1
        if out.isEmpty {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // ASCII needs no validation; escapes decode to valid UTF-8, so only raw non-ASCII bytes are checked.
            guard ascii || UTF8Check.firstInvalidOffset(raw) == nil else { throw JSONProblem(reason: "not valid UTF-8") }
            return try body(raw)
        }
        out.append(contentsOf: bytes[start..<end])
        return try out.withUnsafeBufferPointer { decoded in
            guard ascii || UTF8Check.firstInvalidOffset(decoded) == nil else { throw JSONProblem(reason: "not valid UTF-8") }
            return try body(decoded)
        }
    }

    /// Appends the UTF-8 encoding of a scalar (below 0x110000, not a surrogate).
    private func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONProblem(reason: "bad \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x37)
            case 0x61...0x66: digit = UInt32(byte - 0x57)
            default: throw JSONProblem(reason: "bad \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Skips any JSON value, checking its structure.
    private mutating func skipValue(depth: Int = 0) throws {
        guard depth < 512 else { throw JSONProblem(reason: "JSON nested too deeply") }
        skipSpace()
        guard let byte = peek() else { throw JSONProblem(reason: "missing JSON value") }
        switch byte {
        case 0x22: try withString { _ in }
        case 0x7B, 0x5B:
            let close: UInt8 = byte == 0x7B ? 0x7D : 0x5D
            index += 1
            skipSpace()
            if peek() == close { index += 1; return }
            while true {
                skipSpace()
                if byte == 0x7B {
                    try withString { _ in }
                    skipSpace()
                    try expect(0x3A, "expected ':' in an object")
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == 0x2C { index += 1; continue }
                try expect(close, "expected ',' or a closing bracket")
                return
            }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default:
            let start = index
            while index < bytes.count, [0x2D, 0x2B, 0x2E, 0x45, 0x65].contains(bytes[index]) || (0x30...0x39).contains(bytes[index]) {
                index += 1
            }
            guard index > start else { throw JSONProblem(reason: "malformed JSON value") }
        }
    }
}
