/// Bad input, reported as `file:line: reason` so a person can open the file at that line.
///
/// `line` is 1-based; 0 means the problem concerns the whole file (e.g. it cannot be opened).
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it (`-` for standard input).
    public var file: String
    /// 1-based line number, or 0 for the whole file.
    public var line: Int
    /// What is wrong, in one line.
    public var reason: String

    /// Creates an input error.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, or `file: reason` when the error concerns the whole file.
    public var description: String {
        line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}

/// A mistake in how turfwatch was called (a bad flag value, a missing file argument).
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message shown to the user as written.
    public var message: String

    /// Creates a usage error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
