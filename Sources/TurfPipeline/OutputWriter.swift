#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// Where classified posts go: standard output, or a file written atomically (`AtomicFile`),
/// so a run that fails halfway leaves no truncated `--out` file behind.
public final class OutputWriter {
    private let file: AtomicFile?
    private var buffer: [UInt8] = []

    /// Standard output.
    public init() {
        file = nil
    }

    /// A file at `path`, appearing only when `commit()` is called.
    /// - Throws: `InputError` when the directory is not writable.
    public init(path: String) throws {
        file = try AtomicFile(path: path)
    }

    /// Writes `bytes`.
    /// - Throws: `InputError` when writing fails.
    public func write(_ bytes: [UInt8]) throws {
        if let file {
            try file.write(bytes: bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Flushes; for a file, renames it into place.
    public func commit() throws {
        if let file { try file.commit() } else { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError(file: "-", line: 0, reason: "cannot write standard output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
