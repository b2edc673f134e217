import CPCRE2

/// A pattern PCRE2 could not compile, with PCRE2's own message and the byte offset it points at.
public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PCRE2's message (e.g. "missing closing parenthesis"), or turfwatch's for a rejected pattern.
    public var message: String
    /// The UTF-8 byte offset in the pattern where PCRE2 stopped, when it gave one.
    public var offset: Int?

    /// Creates a pattern error.
    public init(message: String, offset: Int?) {
        self.message = message
        self.offset = offset
    }

    /// `message at offset N`, or the message alone.
    public var description: String {
        offset.map { "\(message) at offset \($0)" } ?? message
    }
}

/// Pattern flags a rules file may give, as PCRE2 compile options.
public struct PatternFlags: Hashable, Sendable {
    /// The PCRE2 option bits (without UTF and UCP, which are always on).
    public let options: UInt32
    /// Whether `i` was given: matching ignores case.
    public var caseless: Bool { options & PCRE2_CASELESS != 0 }
    /// Whether `x` was given: whitespace and `#` comments in the pattern are ignored.
    public var extended: Bool { options & PCRE2_EXTENDED != 0 }

    /// The flag letters accepted: `i` caseless, `m` multiline, `s` dot matches newline, `x` extended.
    public static let letters = "imsx"

    /// Parses flag letters such as `"i"` or `"ix"`.
    /// - Throws: `PatternError` naming the first letter that is not one of `i`, `m`, `s`, `x`.
    public init(_ letters: String) throws(PatternError) {
        var options: UInt32 = 0
        for letter in letters {
            switch letter {
            case "i": options |= PCRE2_CASELESS
            case "m": options |= PCRE2_MULTILINE
            case "s": options |= PCRE2_DOTALL
            case "x": options |= PCRE2_EXTENDED
            default: throw PatternError(message: "unknown flag '\(letter)' (expected i, m, s or x)", offset: nil)
            }
        }
        self.options = options
    }
}

/// A PCRE2 pattern compiled with UTF and UCP and JIT-compiled at once, freed when released.
///
/// Compiled code is only read after `init` returns (the JIT compile happens inside `init`), so one
/// instance may be shared by every worker thread; each thread matches with its own `PatternMatcher`.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern text as written.
    public let pattern: String
    /// The flags it was compiled with.
    public let flags: PatternFlags
    /// Whether PCRE2's JIT compiler accepted it (otherwise the interpreter runs it).
    public let isJITCompiled: Bool
    let code: OpaquePointer

    /// Compiles `pattern` with `PCRE2_UTF | PCRE2_UCP` and `flags`, then JIT-compiles it.
    /// - Throws: `PatternError` with PCRE2's message and offset for a bad pattern, or when the
    ///   pattern can match the empty string (such a rule would fire on every post).
    public init(_ pattern: String, flags: PatternFlags) throws(PatternError) {
        let bytes = Array(pattern.utf8) + [0]
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | flags.options
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, bytes.count - 1, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(message: PCRE2Message.text(for: errorCode), offset: errorOffset)
        }
        var matchesEmpty: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_MATCHEMPTY), &matchesEmpty)
        guard matchesEmpty == 0 else {
            pcre2_code_free_8(compiled)
            throw PatternError(message: "pattern matches the empty string, so it would fire on every post", offset: nil)
        }
        self.pattern = pattern
        self.flags = flags
        self.code = compiled
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit {
        pcre2_code_free_8(code)
    }
}

/// PCRE2's error texts.
enum PCRE2Message {
    /// The message PCRE2 gives for an error code (compile or match).
    static func text(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}
