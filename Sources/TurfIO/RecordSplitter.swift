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
///   byte loop that tracks quoting.
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
        while batch.count < maxRecords {
            guard let (start, end, next, newlines) = try findRecord() else { break }
            if end - start > maximumRecordLength {
                throw InputError(file: source.path, line: lineNumber + 1, reason: "record longer than \(maximumRecordLength) bytes")
            }
            let firstLine = lineNumber + 1
            lineNumber += newlines
            position = next
            var trimmedEnd = end
            if trimmedEnd > start, buffer[trimmedEnd - 1] == 0x0D { trimmedEnd -= 1 }
            if isBlank(start, trimmedEnd) { continue }
            batch.starts.append(batch.bytes.count)
            batch.bytes.append(contentsOf: buffer[start..<trimmedEnd])
            batch.ends.append(batch.bytes.count)
            batch.lines.append(firstLine)
        }
        return batch.count == 0 ? nil : batch
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        for index in start..<end where buffer[index] != 0x20 && buffer[index] != 0x09 { return false }
        return true
    }

    /// Finds the record at `position`: its span, where the next begins and how many lines it used.
    private func findRecord() throws -> (Int, Int, Int, Int)? {
        var scanFrom = position
        var quoted = false
        var newlines = 0
        while true {
            if csv {
                let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                    var index = scanFrom
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == 0x22 { quoted.toggle() } else if byte == 0x0A {
                            newlines += 1
                            if !quoted { return index }
                        }
                        index += 1
                    }
                    return nil
                }
                if let found { return (position, found, found + 1, newlines) }
            } else {
                let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                    guard scanFrom < bytes.count else { return nil }
                    let hit = memchr(bytes.baseAddress! + scanFrom, 0x0A, bytes.count - scanFrom)
                    return hit.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! }
                }
                if let found { return (position, found, found + 1, 1) }
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                if csv && quoted {
                    throw InputError(file: source.path, line: lineNumber + 1, reason: "quoted field never closed (runs to the end of the input)")
                }
                return (position, buffer.count, buffer.count, csv ? newlines + 1 : 1)
            }
            let scanned = buffer.count - position
            if scanned > maximumRecordLength {
                throw InputError(file: source.path, line: lineNumber + 1, reason: "record longer than \(maximumRecordLength) bytes\(csv && quoted ? " (an unclosed quote?)" : "")")
            }
            // Keep the unfinished record, drop what was consumed, read more.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            if !(try source.read(into: &buffer)) { exhausted = true }
            scanFrom = scanned
        }
    }
}
