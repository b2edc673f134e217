import TurfCore
import TurfIO

/// Streams `classify` output files post by post, reporting bad lines as `file:line: reason`.
public enum ClassifiedFiles {
    /// What a read saw.
    public struct Summary: Sendable, Hashable {
        /// Posts decoded.
        public var posts = 0
        /// Lines that could not be decoded (skipped unless strict).
        public var badLines = 0
        /// Blank lines (skipped silently).
        public var blankLines = 0
    }

    /// Calls `body` with each post of each file in `paths` (`-` is standard input), decoded by
    /// `ClassifiedLineDecoder` (rule hits are not read).
    ///
    /// A line that does not decode goes to `onError` and is skipped, or, when `strict`, is
    /// thrown and reading stops.
    /// - Throws: `InputError` for an unreadable file, or the first bad line when `strict`.
    public static func forEachPost(
        paths: [String], strict: Bool, onError: (InputError) -> Void, _ body: (ClassifiedPost) -> Void
    ) throws -> Summary {
        var summary = Summary()
        var decoder = ClassifiedLineDecoder()
        for path in paths {
            try LineReader(path: path).forEachLine { line, number in
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    summary.blankLines += 1
                    return true
                }
                do {
                    body(try decoder.decode(line))
                    summary.posts += 1
                } catch {
                    let problem = InputError(file: path, line: number, reason: "\(error)")
                    if strict { throw problem }
                    summary.badLines += 1
                    onError(problem)
                }
                return true
            }
        }
        return summary
    }
}
