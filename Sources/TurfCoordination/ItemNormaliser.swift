/// Canonical forms of the items posts share, so trivially different spellings match.
enum ItemNormaliser {
    /// A hashtag case-folded (ASCII and basic Cyrillic), without a leading `#`.
    static func hashtag(_ tag: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(tag.utf8.count)
        var bytes = tag.utf8[...]
        if bytes.first == 0x23 { bytes = bytes.dropFirst() }
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte >= 0x41, byte <= 0x5A {
                out.append(byte | 0x20)
            } else if byte == 0xD0, let next = iterator.next() {
                if next >= 0x90, next <= 0x9F { out.append(0xD0); out.append(next + 0x20) }
                else if next >= 0xA0, next <= 0xAF { out.append(0xD1); out.append(next - 0x20) }
                else if next == 0x81 { out.append(0xD1); out.append(0x91) }
                else { out.append(0xD0); out.append(next) }
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A URL without scheme, `www.`, fragment and trailing slash, its host lower-cased;
    /// `nil` when nothing is left.
    static func url(_ url: String) -> (url: String, domain: String)? {
        var bytes = Array(url.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] <= 0x20 { start += 1 }
        if let colon = firstIndex(of: 0x3A, in: bytes, from: start, limit: 12),
           colon + 2 < bytes.count, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F {
            start = colon + 3
        }
        if start + 4 <= bytes.count, bytes[start] | 0x20 == 0x77, bytes[start + 1] | 0x20 == 0x77,
           bytes[start + 2] | 0x20 == 0x77, bytes[start + 3] == 0x2E {
            start += 4
        }
        var end = bytes.count
        if let hash = firstIndex(of: 0x23, in: bytes, from: start, limit: .max) { end = hash }
        var hostEnd = start
        while hostEnd < end, bytes[hostEnd] != 0x2F, bytes[hostEnd] != 0x3F, bytes[hostEnd] != 0x3A { hostEnd += 1 }
        for index in start..<hostEnd where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        while end > hostEnd, bytes[end - 1] == 0x2F { end -= 1 }
        guard hostEnd > start else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), String(decoding: bytes[start..<hostEnd], as: UTF8.self))
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start
        while index < bytes.count, index - start <= limit {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
