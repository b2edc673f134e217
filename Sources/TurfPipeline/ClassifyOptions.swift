#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfIO

/// How `classify` reads, where it writes and how hard it fails.
public struct ClassifyOptions: Sendable {
    /// The output encoding of classified posts.
    public enum OutputFormat: String, Sendable, CaseIterable {
        /// One JSON object a line, the output contract (DESIGN.md).
        case jsonl
        /// One CSV row a post (`ClassifiedPostCSV`).
        case csv
    }

    /// The input format (`auto` sniffs each file).
    public var format: PostFormat = .auto
    /// Field mapping for generic JSON Lines and CSV.
    public var mapping = FieldMapping()
    /// The input encoding.
    public var encoding: TextEncoding = .utf8
    /// The output encoding.
    public var outputFormat: OutputFormat = .jsonl
    /// The stance names in output order (the CSV header's probability columns).
    public var stances: [String] = []
    /// Stop at the first bad record instead of skipping it.
    public var strict = false
    /// Records a batch holds: the unit of parallel work and of memory.
    public var batchSize = 8192
    /// Worker threads; each gets its own classifier from `makeWorker`.
    public var threads: Int
    /// Bad records reported per reason before the rest are only counted.
    public var reportLimit = 100

    /// Options with defaults: auto format, UTF-8, JSON Lines out, one thread per core.
    public init(threads: Int = ProcessorCount.active) {
        self.threads = max(1, threads)
    }
}

/// The number of cores this process may run on.
public enum ProcessorCount {
    /// Online processors (what `nproc` prints without restrictions).
    public static var active: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 1
    }
}
