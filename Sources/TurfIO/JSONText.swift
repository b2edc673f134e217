/// Minimal JSON text building for the hot output paths, where `JSONEncoder` costs too much.
public enum JSONText {
    /// Appends `value` as a JSON string literal (quoted and escaped) to `out`.
    /// - Complexity: O(n); runs of bytes that need no escaping are copied whole.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default:
                    appendRaw("\\u00", to: &out)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0xF))
                }
            }
            if bytes.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
        out.append(0x22)
    }

    /// Appends a JSON string or `null`.
    public static func appendOptionalString(_ value: String?, to out: inout [UInt8]) {
        if let value { appendString(value, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
    }

    /// Appends a JSON array of strings.
    public static func appendStrings(_ values: [String], to out: inout [UInt8]) {
        out.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendString(value, to: &out)
        }
        out.append(0x5D)
    }

    /// Appends a number; non-finite values become `null`, which JSON requires.
    public static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value.isFinite {
            out.append(contentsOf: Array(String(describing: value).utf8))
        } else {
            out.append(contentsOf: Array("null".utf8))
        }
    }

    /// Appends a raw ASCII fragment such as `,"key":`.
    @inline(__always)
    public static func appendRaw(_ fragment: StaticString, to out: inout [UInt8]) {
        fragment.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }
}
