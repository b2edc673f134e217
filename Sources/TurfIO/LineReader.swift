#if canImport(Glibc)
import Glibc
#endif
import TurfCore

/// Streams a file (or standard input, named `-`) line by line without loading it whole.
///
/// Lines are handed out as byte buffers valid only during the callback, so reading costs no
/// allocation per line. A final line without a newline is still delivered; a trailing `\r`
/// is removed (files saved on Windows).
public struct LineReader {
    /// The path as the user gave it (`-` for standard input).
    public let path: String
    /// Lines longer than this are reported as errors instead of growing memory without bound.
    public var maximumLineLength: Int

    /// Creates a reader for `path`.
    public init(path: String, maximumLineLength: Int = 16 << 20) {
        self.path = path
        self.maximumLineLength = maximumLineLength
    }

    /// Calls `body` with each line and its 1-based number. Return `false` from `body` to stop.
    /// - Throws: `InputError` when the file cannot be opened or read, or a line is too long;
    ///   rethrows what `body` throws.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) throws {
        let descriptor: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(file: path, line: 0, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        let chunkSize = 1 << 20
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var lineNumber = 0
        var finished = false
        while !finished {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, line: lineNumber, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                var start = 0
                // memchr finds each newline many bytes at a time, where a byte loop took one step a byte.
                while start < count, let found = memchr(base + start, 0x0A, count - start) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    let keepGoing: Bool
                    if pending.isEmpty {
                        keepGoing = try deliver(UnsafeBufferPointer(rebasing: buffer[start..<index]), lineNumber, body)
                    } else {
                        pending.append(contentsOf: buffer[start..<index])
                        keepGoing = try pending.withUnsafeBufferPointer { try deliver($0, lineNumber, body) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    if !keepGoing { finished = true; return }
                    start = index + 1
                }
                if start < count {
                    pending.append(contentsOf: buffer[start..<count])
                    if pending.count > maximumLineLength {
                        throw InputError(file: path, line: lineNumber + 1, reason: "line longer than \(maximumLineLength) bytes")
                    }
                }
            }
        }
        if !finished, !pending.isEmpty {
            lineNumber += 1
            _ = try pending.withUnsafeBufferPointer { try deliver($0, lineNumber, body) }
        }
    }

    private func deliver(
        _ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool
    ) throws -> Bool {
        if line.count > maximumLineLength {
            throw InputError(file: path, line: number, reason: "line longer than \(maximumLineLength) bytes")
        }
        if let last = line.last, last == 0x0D {
            return try body(UnsafeBufferPointer(rebasing: line.dropLast()), number)
        }
        return try body(line, number)
    }
}
