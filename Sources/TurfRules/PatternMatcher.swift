import CPCRE2

/// The result of looking for a pattern's first match in a subject.
public enum MatchOutcome: Hashable, Sendable {
    /// A match at this UTF-8 byte range of the subject.
    case match(Range<Int>)
    /// No match.
    case noMatch
    /// PCRE2 gave up: `code` is its negative error code (e.g. -47, match limit exceeded).
    case failed(code: Int32)
}

/// One thread's PCRE2 match state: match data, a match context carrying the limits, and a JIT stack.
///
/// Create one per worker thread and reuse it for every match: PCRE2's match data is not safe
/// to share between threads, and allocating it per match would dominate the cost.
public final class PatternMatcher {
    /// The most backtracking steps one match may take (`pcre2_set_match_limit`; bounds the JIT too).
    public let matchLimit: UInt32
    /// The deepest backtracking nesting the interpreter may reach (`pcre2_set_depth_limit`).
    public let depthLimit: UInt32
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    /// PCRE2's code for "match limit exceeded".
    public static let matchLimitCode: Int32 = -47
    /// PCRE2's code for "no match".
    static let noMatchCode: Int32 = -1

    /// Allocates match data for one pair of offsets, a match context with the limits and a
    /// JIT stack of up to 1 MiB.
    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        matchData = pcre2_match_data_create_8(1, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// Finds the first match of `pattern` in `subject`, a valid UTF-8 buffer.
    ///
    /// `subject.baseAddress` must not be nil (pass a buffer with a spare byte after an empty text).
    /// - Complexity: bounded by `matchLimit` steps, whatever the pattern.
    public func firstMatch(_ pattern: CompiledPattern, in subject: UnsafeBufferPointer<UInt8>) -> MatchOutcome {
        let rc = pcre2_match_8(pattern.code, subject.baseAddress, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        if rc >= 0 {
            let ovector = pcre2_get_ovector_pointer_8(matchData)!
            return .match(ovector[0]..<ovector[1])
        }
        return rc == Self.noMatchCode ? .noMatch : .failed(code: rc)
    }

    /// Finds the first match of `pattern` in `text`.
    public func firstMatch(_ pattern: CompiledPattern, in text: String) -> MatchOutcome {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { firstMatch(pattern, in: UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }
}
