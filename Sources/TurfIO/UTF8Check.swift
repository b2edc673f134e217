/// Fast UTF-8 validation of raw records, and a guess at what a non-UTF-8 record really is.
///
/// Exports re-saved by spreadsheets arrive in Windows-1252, Chinese collections in GB18030;
/// reading either as UTF-8 would silently garble text the model then scores, so records are
/// checked before decoding and a failure names the likely encoding and the `--encoding` fix.
public enum UTF8Check {
    /// The offset of the first byte that breaks UTF-8, or `nil` when `bytes` is valid UTF-8
    /// (overlong forms, surrogates and code points past U+10FFFF are invalid).
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index < count {
            // 32 ASCII bytes at a time, then 8, then one.
            if index + 32 <= count {
                let any = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 == 0 {
                    index += 32
                    continue
                }
            }
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = base[index + 1]
            guard second >= low, second <= high else { return index }
            for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// A short guess at the encoding of non-UTF-8 bytes, for the error message:
    /// `GB18030` when high bytes come in GBK-shaped pairs, otherwise `cp1252`.
    public static func guessEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var pairs = 0
        var singles = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            if byte >= 0x81, byte <= 0xFE, index + 1 < bytes.count, bytes[index + 1] >= 0x40, bytes[index + 1] != 0x7F,
               bytes[index + 1] <= 0xFE {
                pairs += 1
                index += 2
            } else {
                singles += 1
                index += 1
            }
        }
        return pairs >= 2 && pairs > singles * 2 ? "GB18030" : "cp1252"
    }

    /// The one-line reason reported for a record that is not UTF-8.
    public static func reason(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> String {
        let guess = guessEncoding(bytes)
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        let fix = guess == "GB18030" ? "--encoding gb18030" : "--encoding cp1252 (or latin1)"
        return "not UTF-8 (byte 0x\(byte) at column \(offset + 1)); looks like \(guess): rerun with \(fix)"
    }
}
