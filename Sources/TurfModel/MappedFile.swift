#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// A read-only memory mapping of a whole file, unmapped when the last owner lets go.
///
/// Model weights are read straight from the mapping: loading a model costs a page-table setup,
/// not a copy, and several processes classifying with one model share its pages.
final class MappedFile: @unchecked Sendable {
    /// Start of the mapping (nil for an empty file).
    let base: UnsafeRawPointer?
    /// File size in bytes.
    let size: Int

    /// Maps `path`.
    /// - Throws: `InputError` when the file cannot be opened or mapped.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(file: path, line: 0, reason: "cannot open model: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputError(file: path, line: 0, reason: "cannot stat model: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(file: path, line: 0, reason: "not a regular file")
        }
        size = Int(status.st_size)
        guard size > 0 else {
            base = nil
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw InputError(file: path, line: 0, reason: "cannot map model: \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(address)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), size) }
    }

    /// The bytes in `range` (which must lie inside the file).
    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
