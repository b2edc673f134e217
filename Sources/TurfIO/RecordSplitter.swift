#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// A run of consecutive raw records (lines, or CSV records that may span lines) copied out of
/// the input, so that workers can decode them while the next batch is read.
public struct RecordBatch: Sendable {
    /// The records' bytes, back to back.
    public var bytes: [UInt8] = []
    /// Each record's start offset in `bytes`.
    public var starts: [Int] = []
    /// Each record's end offset (exclusive, newline and carriage return removed).
    public var ends: [Int] = []
    /// Each record's 1-based line number in the input (its first line for a multi-line CSV record).
    public var lines: [Int] = []

    /// The number of records.
    public var count: Int { starts.count }

    /// Creates an empty batch.
    public init() {}

    /// Empties the batch, keeping its storage for the next one.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    /// Record `index` within `all`, which must be `bytes`' buffer (from `bytes.withUnsafeBufferPointer`).
    @inline(__always)
    public func record(_ index: Int, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[starts[index]..<ends[index]])
    }
}

/// Cuts an `InputSource` into records: lines for JSON Lines, or RFC 4180 CSV records, where
/// a quoted field may hold commas, doubled quotes and newlines.
///
/// Blank lines are skipped but counted, so reported line numbers match what an editor shows.
/// - Complexity: one pass over the bytes; lines are found with `memchr`, CSV records with a
///   byte loop that tracks quoting. Complete records are copied into a batch in one block.
public final class RecordSplitter {
    /// The input being split.
    public let source: InputSource
    /// Whether records are CSV records (quote-aware) rather than lines; settable until the
    /// first batch is taken, so a format can be sniffed from `peek()`.
    public var csv: Bool
    /// Records longer than this are reported instead of growing memory without bound.
    public let maximumRecordLength: Int

    private var buffer: [UInt8] = []
    private var position = 0
    private var lineNumber = 0
    private var exhausted = false
    // Scan state of the record being looked for, kept across refills.
    private var scanOffset = 0
    private var quoted = false
    private var newlines = 0

    /// Creates a splitter over `source`.
    public init(source: InputSource, csv: Bool, maximumRecordLength: Int = 16 << 20) {
        self.source = source
        self.csv = csv
        self.maximumRecordLength = maximumRecordLength
        buffer.reserveCapacity(2 << 20)
    }

    /// The first bytes of the input (up to one read's worth), without consuming them.
    /// - Throws: `InputError` on a read failure.
    public func peek() throws -> ArraySlice<UInt8> {
        while buffer.count - position < 4096, !exhausted {
            if !(try source.read(into: &buffer)) { exhausted = true }
        }
        return buffer[position...]
    }

    /// The next batch of up to `maxRecords` records, or `nil` at the end of the input.
    /// - Throws: `InputError` for read failures, a record longer than the limit, or a quoted
    ///   CSV field still open at the end of the input.
    public func nextBatch(maxRecords: Int = 8192) throws -> RecordBatch? {
        var batch = RecordBatch()
        return try nextBatch(maxRecords: maxRecords, into: &batch) ? batch : nil
    }

    /// Fills `batch` (emptied first, its storage reused) with up to `maxRecords` records;
    /// returns `false` at the end of the input.
    /// - Throws: as `nextBatch(maxRecords:)`.
    public func nextBatch(maxRecords: Int = 8192, into batch: inout RecordBatch) throws -> Bool {
        batch.removeAll()
        var regionStart = position
        var rebaseFrom = 0
        // Records found so far hold buffer offsets; copy their region and rebase them.
        func flush() {
            let delta = batch.bytes.count - regionStart
            batch.bytes.append(contentsOf: buffer[regionStart..<position])
            for index in rebaseFrom..<batch.count {
                batch.starts[index] += delta
                batch.ends[index] += delta
            }
            rebaseFrom = batch.count
            regionStart = position
        }
        while batch.count < maxRecords {
            guard let (end, next) = scan() else {
                if exhausted {
                    guard position < buffer.count else { break }
                    if csv && quoted {
                        throw InputError(file: source.path, line: lineNumber + 1, reason: "quoted field never closed (runs to the end of the input)")
                    }
                    newlines = csv ? newlines + 1 : 1
                    try take(end: buffer.count, next: buffer.count, into: &batch)
                    continue
                }
                if buffer.count - position > maximumRecordLength {
                    throw InputError(file: source.path, line: lineNumber + 1, reason: "record longer than \(maximumRecordLength) bytes\(csv && quoted ? " (an unclosed quote?)" : "")")
                }
                flush()
                // Keep the unfinished record, drop what was consumed, read more.
                if position > 0 {
                    scanOffset -= position
                    buffer.removeSubrange(0..<position)
                    position = 0
                    regionStart = 0
                }
                if !(try source.read(into: &buffer)) { exhausted = true }
                continue
            }
            try take(end: end, next: next, into: &batch)
        }
        flush()
        return batch.count > 0
    }

    /// Records the record from `position` to `end` (its terminator ends at `next`) unless it is blank.
    private func take(end: Int, next: Int, into batch: inout RecordBatch) throws {
        let start = position
        if end - start > maximumRecordLength {
            throw InputError(file: source.path, line: lineNumber + 1, reason: "record longer than \(maximumRecordLength) bytes")
        }
        let firstLine = lineNumber + 1
        lineNumber += newlines
        position = next
        scanOffset = next
        newlines = 0
        quoted = false
        var trimmedEnd = end
        if trimmedEnd > start, buffer[trimmedEnd - 1] == 0x0D { trimmedEnd -= 1 }
        if isBlank(start, trimmedEnd) { return }
        batch.starts.append(start)
        batch.ends.append(trimmedEnd)
        batch.lines.append(firstLine)
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        for index in start..<end where buffer[index] != 0x20 && buffer[index] != 0x09 { return false }
        return true
    }

    /// Looks for the end of the record at `position` in the buffered bytes: the newline's offset
    /// and where the next record starts, or `nil` when more input is needed.
    private func scan() -> (Int, Int)? {
        if scanOffset < position { scanOffset = position }
        if csv {
            var quoted = self.quoted
            var newlines = self.newlines
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                var index = scanOffset
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x22 {
                        quoted.toggle()
                    } else if byte == 0x0A {
                        newlines += 1
                        if !quoted { return index }
                    }
                    index += 1
                }
                return nil
            }
            self.quoted = quoted
            self.newlines = newlines
            scanOffset = buffer.count
            return found.map { ($0, $0 + 1) }
        }
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard scanOffset < bytes.count else { return nil }
            let hit = memchr(bytes.baseAddress! + scanOffset, 0x0A, bytes.count - scanOffset)
            return hit.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! }
        }
        scanOffset = buffer.count
        guard let found else { return nil }
        newlines = 1
        return (found, found + 1)
    }
}
