#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed JSON document as a flat "tape" of nodes over the original bytes, in the manner of
/// simdjson: containers know where their subtree ends, strings and numbers keep byte spans and
/// are decoded only when a reader asks for them.
///
/// One tape is reused for every line a thread reads, so parsing allocates nothing once the
/// tape has grown to the largest document. Readers pull out the handful of fields they need
/// and skip the rest (public metrics, context annotations) without building values for them.
/// Measured against `JSONDecoder` in docs/input-formats.md.
public struct JSONTape: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case object, array, string, number, bool, null
    }

    /// One value: its kind, its byte span (strings without quotes) and the index after its subtree.
    public struct Node: Sendable {
        /// The value's kind.
        public var kind: Kind
        /// Whether a string holds backslash escapes (and so needs decoding); `true` for `true`.
        public var flag: Bool
        /// First byte of the value (for strings, after the opening quote).
        public var start: Int32
        /// End byte (exclusive; for strings, the closing quote).
        public var end: Int32
        /// The tape index just past this node's subtree.
        public var next: Int32
    }

    /// Why a document could not be parsed, with the byte offset where parsing stopped.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// 0-based byte offset into the document.
        public var offset: Int
        /// What was expected.
        public var message: String
        /// `message at byte N` (1-based column, as editors show it).
        public var description: String { "malformed JSON: \(message) at column \(offset + 1)" }
    }

    /// The nodes; index 0 is the root once `parse` succeeds.
    public private(set) var nodes: [Node] = []
    /// Objects and arrays nested deeper than this are a syntax error: real exports nest fewer
    /// than ten levels, and a line of 16 MiB of `[` should not grow the tape's stack to match.
    public var maximumDepth = 512
    private var stack: [Int32] = []
    private var scratch: [UInt8] = []

    /// Creates an empty tape.
    public init() {}

    /// Parses one input record for a post reader: the bytes must be UTF-8 and one JSON value,
    /// else the `RecordError` for bytes that are not UTF-8 or for `malformed JSON`.
    mutating func parseRecord(_ record: UnsafeBufferPointer<UInt8>) throws(RecordError) {
        try FieldText.requireUTF8(record)
        do {
            try parse(record)
        } catch {
            throw RecordError(kind: "malformed JSON", message: error.description)
        }
    }

    /// Parses `bytes` (one complete JSON value, surrounding whitespace allowed) into the tape.
    /// The node spans refer to `bytes`, which must stay alive while the tape is read.
    /// - Complexity: O(n) in the document's length, one pass.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) {
        nodes.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw SyntaxError(offset: 0, message: "empty line")
        }
        let count = bytes.count
        var index = 0
        @inline(__always) func skipSpace() {
            while index < count {
                let byte = base[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 } else { break }
            }
        }
        // Each loop turn reads one value, then the separators after it.
        var expectingKey = false
        while true {
            skipSpace()
            guard index < count else { throw SyntaxError(offset: index, message: "unexpected end of line") }
            let byte = base[index]
            if expectingKey {
                guard byte == 0x22 else { throw SyntaxError(offset: index, message: "expected a key") }
            }
            switch byte {
            case 0x7B, 0x5B: // { [
                guard stack.count < maximumDepth else {
                    throw SyntaxError(offset: index, message: "nested deeper than \(maximumDepth) levels")
                }
                stack.append(Int32(nodes.count))
                nodes.append(Node(kind: byte == 0x7B ? .object : .array, flag: false, start: Int32(index), end: 0, next: 0))
                index += 1
                skipSpace()
                let close: UInt8 = byte == 0x7B ? 0x7D : 0x5D
                if index < count, base[index] == close {
                    index += 1
                    closeContainer(at: index)
                } else {
                    expectingKey = byte == 0x7B
                    continue
                }
            case 0x22:
                let start = index + 1
                var cursor = start
                var escaped = false
                let raw = UnsafeRawPointer(base)
                while true {
                    // Eight bytes at a time while none is a quote, a backslash or a control character.
                    while cursor + 8 <= count {
                        let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                        if Self.hasSpecialByte(word) { break }
                        cursor += 8
                    }
                    guard cursor < count else { throw SyntaxError(offset: index, message: "unterminated string") }
                    let c = base[cursor]
                    if c == 0x22 { break }
                    if c == 0x5C {
                        escaped = true
                        cursor += 2
                        continue
                    }
                    if c < 0x20 { throw SyntaxError(offset: cursor, message: "control character in string") }
                    cursor += 1
                }
                let position = Int32(nodes.count)
                nodes.append(Node(kind: .string, flag: escaped, start: Int32(start), end: Int32(cursor), next: position + 1))
                index = cursor + 1
                if expectingKey {
                    skipSpace()
                    guard index < count, base[index] == 0x3A else { throw SyntaxError(offset: index, message: "expected ':'") }
                    index += 1
                    expectingKey = false
                    continue
                }
            case 0x2D, 0x30...0x39:
                let start = index
                index += 1
                while index < count {
                    let c = base[index]
                    if (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2B || c == 0x2D {
                        index += 1
                    } else {
                        break
                    }
                }
                let position = Int32(nodes.count)
                nodes.append(Node(kind: .number, flag: false, start: Int32(start), end: Int32(index), next: position + 1))
            case 0x74, 0x66, 0x6E: // t f n
                let word: StaticString = byte == 0x74 ? "true" : byte == 0x66 ? "false" : "null"
                let length = word.utf8CodeUnitCount
                guard index + length <= count, memcmp(base + index, word.utf8Start, length) == 0 else {
                    throw SyntaxError(offset: index, message: "unexpected character")
                }
                let position = Int32(nodes.count)
                nodes.append(Node(kind: byte == 0x6E ? .null : .bool, flag: byte == 0x74, start: Int32(index), end: Int32(index + length), next: position + 1))
                index += length
            default:
                throw SyntaxError(offset: index, message: "unexpected character")
            }
            // After a value: a comma, a closing bracket, or the end of the document.
            while true {
                skipSpace()
                guard let open = stack.last else {
                    guard index == count else { throw SyntaxError(offset: index, message: "text after the value") }
                    return
                }
                guard index < count else { throw SyntaxError(offset: index, message: "unexpected end of line") }
                let c = base[index]
                let isObject = nodes[Int(open)].kind == .object
                if c == 0x2C {
                    index += 1
                    expectingKey = isObject
                    break
                }
                if c == (isObject ? 0x7D : 0x5D) {
                    index += 1
                    closeContainer(at: index)
                    continue
                }
                throw SyntaxError(offset: index, message: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// Whether any byte of `word` is `"`, `\\` or below 0x20 (it may also flag a byte after a
    /// real hit, which only sends the caller to its exact byte loop). On the benchmark tweets
    /// (short strings) it measured level with a plain byte loop, 3.16 against 3.17 µs a post
    /// decoded, and it is kept for long texts; `SIMD16<UInt8>` measured about 60 times slower.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs != 0
    }

    private mutating func closeContainer(at end: Int) {
        let open = Int(stack.removeLast())
        nodes[open].end = Int32(end)
        nodes[open].next = Int32(nodes.count)
    }

    // MARK: - Reading

    /// The value of `key` in the object at `object`, or `nil` when absent (or `object` is no object).
    /// - Complexity: O(members of the object); skipped values cost O(1) each.
    public func member(_ object: Int, _ key: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        key.withUTF8Buffer { member(object, key: $0, in: bytes) }
    }

    /// The value of the key spelled by `key`'s bytes in the object at `object`.
    public func member(_ object: Int, key: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard object < nodes.count, nodes[object].kind == .object else { return nil }
        let end = Int(nodes[object].next)
        var child = object + 1
        let base = bytes.baseAddress!
        guard let keyBase = key.baseAddress, !key.isEmpty else {
            while child < end {
                if nodes[child].start == nodes[child].end, !nodes[child].flag { return child + 1 }
                child = Int(nodes[child + 1].next)
            }
            return nil
        }
        let first = keyBase[0]
        while child < end {
            let name = nodes[child]
            let length = Int(name.end - name.start)
            // The first byte rules out most names before the call to memcmp.
            if length == key.count, !name.flag, base[Int(name.start)] == first, memcmp(base + Int(name.start), keyBase, length) == 0 {
                return child + 1
            }
            child = Int(nodes[child + 1].next)
        }
        return nil
    }

    /// The value at a dotted path such as `user.id`, starting from `object`.
    public func value(at path: [[UInt8]], from object: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var current = object
        for component in path {
            guard let found = component.withUnsafeBufferPointer({ member(current, key: $0, in: bytes) }) else { return nil }
            current = found
        }
        return current
    }

    /// Calls `body` with the tape index of each element of the array at `array` (nothing when it is no array).
    public func forEachElement(_ array: Int, _ body: (Int) throws -> Void) rethrows {
        guard array < nodes.count, nodes[array].kind == .array else { return }
        let end = Int(nodes[array].next)
        var child = array + 1
        while child < end {
            try body(child)
            child = Int(nodes[child].next)
        }
    }

    /// The node's kind.
    @inline(__always)
    public func kind(_ index: Int) -> Kind { nodes[index].kind }

    /// The decoded string at `index`, or `nil` when the node is no string.
    public mutating func string(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let node = nodes[index]
        guard node.kind == .string else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
        if !node.flag { return String(decoding: raw, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        JSONTape.unescape(raw, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A string as is, or a number's literal digits (ids sometimes arrive as JSON numbers;
    /// their text is kept exactly, never passed through a `Double`). `nil` for other kinds.
    public mutating func scalarText(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let node = nodes[index]
        switch node.kind {
        case .string: return string(index, in: bytes)
        case .number, .bool:
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)
        default: return nil
        }
    }

    /// Whether the string node at `index` spells `literal` exactly (escapes make it unequal).
    public func stringEquals(_ index: Int, _ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        guard node.kind == .string, !node.flag, Int(node.end - node.start) == literal.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress! + Int(node.start), literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    /// Decodes JSON string escapes (`\n`, `\"`, `\uXXXX` with surrogate pairs) into UTF-8.
    /// A lone surrogate becomes U+FFFD.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var index = 0
        let count = raw.count
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let c = raw[at + offset]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while index < count {
            let byte = raw[index]
            guard byte == 0x5C, index + 1 < count else {
                out.append(byte)
                index += 1
                continue
            }
            let code = raw[index + 1]
            index += 2
            switch code {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard var scalar = hex(index) else { out.append(contentsOf: [0xEF, 0xBF, 0xBD]); continue }
                index += 4
                if scalar >= 0xD800, scalar < 0xDC00 {
                    if index + 6 <= count, raw[index] == 0x5C, raw[index + 1] == 0x75, let low = hex(index + 2),
                       low >= 0xDC00, low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &out)
            default: out.append(code)
            }
        }
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
