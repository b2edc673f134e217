#if canImport(Glibc)
import Glibc
#endif
import TurfCore
import TurfIO

/// Helpers every fuzz target shares: a scratch file per process and a post-reader driver.
public enum FuzzSupport {
    /// A path in /dev/shm (or /tmp) unique to this process, rewritten for every input.
    public static let scratchPath: String = {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        return "\(directory)/turfwatch-fuzz-\(getpid())"
    }()

    /// Writes the fuzzer's bytes to `scratchPath`.
    public static func writeScratch(_ start: UnsafeRawPointer, _ count: Int) {
        let descriptor = open(scratchPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot write \(scratchPath)")
        var written = 0
        while written < count {
            let result = write(descriptor, start + written, count - written)
            precondition(result > 0, "short write to \(scratchPath)")
            written += result
        }
        close(descriptor)
    }

    /// Reads the input as `format` through `PostReader`, decoding every record; errors are fine,
    /// crashes, hangs and sanitizer reports are not.
    public static func readPosts(_ start: UnsafeRawPointer, _ count: Int, format: PostFormat, mapping: FieldMapping = FieldMapping()) {
        writeScratch(start, count)
        guard let reader = try? PostReader(path: scratchPath, format: format, mapping: mapping) else { return }
        var posts = 0
        _ = try? reader.forEach({ post in
            posts += 1
            _ = post.id.utf8.count + post.text.utf8.count
        }, skipped: { error, kind in
            _ = error.description.utf8.count + kind.utf8.count
        })
    }
}
