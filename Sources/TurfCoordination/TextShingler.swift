/// Turns a post's text into word-token hashes for near-duplicate detection.
///
/// Normalisation works on UTF-8 bytes: ASCII and basic Cyrillic letters are lower-cased, links
/// (`http...`), mentions (`@name`) and a leading `RT` are dropped, `#` is removed from hashtags,
/// and ASCII punctuation, Latin-1 punctuation (U+00A0-U+00BF) and general punctuation
/// (U+2000-U+206F: dashes, curly quotes, ellipsis) separate words. Other bytes (letters of other
/// scripts, emoji) are part of words.
struct TextShingler {
    /// Token hashes of the last `tokens(of:)` call; reused so no call allocates after the first.
    private(set) var tokens: [UInt64] = []
    private var word: [UInt8] = []

    /// Fills `tokens` with the hashes of `text`'s words.
    mutating func tokenize(_ text: String) {
        tokens.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if word.isEmpty, byte | 0x20 == 0x68, startsWithLink(bytes, at: index) {
                        index = skipToSpace(bytes, from: index)
                    } else if word.isEmpty, byte == 0x40 {
                        index = skipWord(bytes, from: index + 1)
                    } else if isWordByte(byte) {
                        word.append(lowerASCII(byte))
                        index += 1
                    } else {
                        flush()
                        index += 1
                    }
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0xA0, bytes[index + 1] <= 0xBF {
                    flush()
                    index += 2
                } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    flush()
                    index += 3
                } else if byte == 0xD0, index + 1 < count {
                    let next = bytes[index + 1]
                    if next >= 0x90, next <= 0x9F {
                        word.append(0xD0); word.append(next + 0x20)
                    } else if next >= 0xA0, next <= 0xAF {
                        word.append(0xD1); word.append(next - 0x20)
                    } else if next == 0x81 {
                        word.append(0xD1); word.append(0x91)
                    } else {
                        word.append(0xD0); word.append(next)
                    }
                    index += 2
                } else {
                    word.append(byte)
                    index += 1
                }
            }
        }
        flush()
        if tokens.first == Self.retweetMarker { tokens.removeFirst() }
    }

    private static let retweetMarker = Hashing.hash(Array("rt".utf8), seed: 0x7E47)

    private mutating func flush() {
        guard !word.isEmpty else { return }
        tokens.append(Hashing.hash(word, seed: 0x7E47))
        word.removeAll(keepingCapacity: true)
    }

    /// Whether `http://` or `https://` (any case) starts at `index`.
    private func startsWithLink(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let scheme: [UInt8] = [0x68, 0x74, 0x74, 0x70]
        guard index + 7 <= bytes.count else { return false }
        for offset in 0..<4 where bytes[index + offset] | 0x20 != scheme[offset] { return false }
        var cursor = index + 4
        if bytes[cursor] | 0x20 == 0x73 { cursor += 1 }
        return cursor + 3 <= bytes.count && bytes[cursor] == 0x3A && bytes[cursor + 1] == 0x2F && bytes[cursor + 2] == 0x2F
    }

    /// The index of the next ASCII whitespace (or the end).
    private func skipToSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] > 0x20 { index += 1 }
        return index
    }

    /// Skips a mention's or link's remaining word bytes.
    private func skipWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] >= 0x80 || isWordByte(bytes[index]) { index += 1 }
        return index
    }

    @inline(__always)
    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    @inline(__always)
    private func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
