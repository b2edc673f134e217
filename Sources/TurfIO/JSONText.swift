import TurfCore

/// Minimal JSON text building for the hot output paths, where `JSONEncoder` costs too much.
public enum JSONText {
    /// Appends `value` as a JSON string literal (quoted and escaped) to `out`.
    /// - Complexity: O(n); runs of bytes that need no escaping are copied whole.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
            // Most values (ids, handles, plain texts) need no escape: eight bytes at a time
            // find that, and the whole value is then one append.
            var clean = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while clean + 8 <= bytes.count, !JSONTape.hasSpecialByte(raw.loadUnaligned(fromByteOffset: clean, as: UInt64.self)) {
                    clean += 8
                }
                while clean < bytes.count, bytes[clean] >= 0x20, bytes[clean] != 0x22, bytes[clean] != 0x5C { clean += 1 }
            }
            if clean == bytes.count {
                out.append(contentsOf: bytes)
                return
            }
            var runStart = 0
            for index in clean..<bytes.count {
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

    /// Appends `seconds` since 1970 as a quoted `"YYYY-MM-DDTHH:MM:SSZ"`, as `UTCTime.iso8601`
    /// formats it but straight into bytes: the output path formats a time for every post.
    public static func appendISO8601(_ seconds: Int64, to out: inout [UInt8]) {
        let days = UTCTime.floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = UTCTime.civil(fromDays: days)
        guard (0...9999).contains(year) else {
            appendString(UTCTime.iso8601(seconds), to: &out)
            return
        }
        func two(_ value: Int64) {
            out.append(0x30 + UInt8(value / 10))
            out.append(0x30 + UInt8(value % 10))
        }
        out.append(0x22)
        two(year / 100)
        two(year % 100)
        out.append(0x2D)
        two(month)
        out.append(0x2D)
        two(day)
        out.append(0x54)
        two(secondOfDay / 3600)
        out.append(0x3A)
        two(secondOfDay % 3600 / 60)
        out.append(0x3A)
        two(secondOfDay % 60)
        out.append(0x5A)
        out.append(0x22)
    }

    /// Appends a JSON string or `null`.
    public static func appendOptionalString(_ value: String?, to out: inout [UInt8]) {
        if let value { appendString(value, to: &out) } else { appendRaw("null", to: &out) }
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
            out.append(contentsOf: value.description.utf8)
        } else {
            appendRaw("null", to: &out)
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
