#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears at its path only when complete.
///
/// Output goes to a temporary file beside the destination and is renamed over it by `commit()`,
/// so a run killed halfway leaves the previous file or none, never a truncated one. Dropping
/// the writer without committing removes the temporary file.
public final class AtomicFile {
    /// The destination path.
    public let path: String
    /// The temporary path being written.
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    private static let bufferLimit = 1 << 20

    /// Creates the temporary file beside `path`.
    /// - Throws: `InputError` naming `path` when the directory is not writable.
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw InputError(file: path, line: 0, reason: "cannot create output file: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        buffer.reserveCapacity(Self.bufferLimit)
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    /// Appends text.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Flushes, syncs and renames the temporary file over the destination.
    public func commit() throws {
        try flush()
        fchmod(descriptor, 0o644)
        fsync(descriptor)
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            throw InputError(file: path, line: 0, reason: "cannot rename output into place: \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, line: 0, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `text` to `path` atomically in one call.
    public static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }
}
