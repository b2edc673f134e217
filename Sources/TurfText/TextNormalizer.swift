/// The first pass over a post's bytes: makes them valid, clean UTF-8 for the scanner.
///
/// Invalid UTF-8 becomes U+FFFD; HTML entities (`&amp;`, `&#39;`, `&#x1F600;`) are decoded once;
/// full-width ASCII forms become ASCII; Unicode spaces, tabs and line breaks become one
/// ASCII space each; zero-width characters, variation selectors, bidi marks and other control
/// characters are dropped (a zero-width joiner survives only after an emoji, where it joins
/// a sequence). The output never exceeds three bytes per input byte.
enum TextNormalizer {
    /// The result of one pass.
    struct Outcome {
        /// Bytes written.
        var count: Int
        /// Invalid UTF-8 sequences replaced by U+FFFD.
        var invalidSequences: Int
    }

    /// Normalises `count` bytes at `source` into `destination`, which must hold `3 * count` bytes;
    /// `wordWide` (off only in tests) copies plain text eight bytes at a time and emoji of
    /// U+1F000-U+1FFFF four bytes at a time.
    /// - Complexity: O(count)
    static func normalize(
        _ source: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt8>, wordWide: Bool = true
    ) -> Outcome {
        var input = 0
        var output = 0
        var invalid = 0
        var previousWasEmoji = false
        while input < count {
            // Eight bytes at a time while they are plain ASCII (no control, DEL or `&`) or whole
            // two-byte Cyrillic letters (leads 0xD0-0xD3, U+0400-U+04FF), which need no change.
            while wordWide && input &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(source + input).loadUnaligned(as: UInt64.self))
                let plain = plainPrefix(word)
                if plain == 0 { break }
                UnsafeMutableRawPointer(destination + output).storeBytes(of: word.littleEndian, as: UInt64.self)
                input &+= plain
                output &+= plain
                previousWasEmoji = false
            }
            guard input < count else { break }
            let byte = source[input]
            if byte >= 0x20 && byte < 0x7F && byte != 0x26 {
                destination[output] = byte
                output &+= 1
                input &+= 1
                previousWasEmoji = false
                continue
            }
            if wordWide && byte == 0xF0 && input &+ 4 <= count {
                // U+1F000-U+1FFFF (emoji, skin tones, regional indicators): always valid, never
                // dropped or folded, so the four bytes are copied without decoding and classifying.
                let four = UInt32(littleEndian: UnsafeRawPointer(source + input).loadUnaligned(as: UInt32.self))
                if four & 0xC0C0_FFFF == 0x8080_9FF0 {
                    UnsafeMutableRawPointer(destination + output).storeBytes(of: four.littleEndian, as: UInt32.self)
                    // In this block the emoji starts and components (skin tones) are exactly
                    // U+1F000-U+1FAFF (`CharacterClass.isEmojiStart`, `isEmojiComponent`).
                    previousWasEmoji = (four &>> 10 & 0xFC0) | (four &>> 24 & 0x3F) <= 0xAFF
                    input &+= 4
                    output &+= 4
                    continue
                }
            }
            var scalar: UInt32
            if byte < 0x80 {
                input &+= 1
                if byte == 0x26 {
                    if let (decoded, length) = decodeEntity(source + input, available: count - input) {
                        scalar = decoded
                        input &+= length
                    } else {
                        scalar = 0x26
                    }
                } else {
                    scalar = UInt32(byte)
                }
            } else if byte >= 0xC2 && byte < 0xE0 && input &+ 1 < count && source[input &+ 1] & 0xC0 == 0x80
                && (byte > 0xC2 || source[input &+ 1] >= 0xAE) && !(byte == 0xCD && source[input &+ 1] == 0x8F)
            {
                // A two-byte letter (Latin-1 and beyond, Greek, Cyrillic) needs no change.
                destination[output] = byte
                destination[output &+ 1] = source[input &+ 1]
                output &+= 2
                input &+= 2
                previousWasEmoji = false
                continue
            } else {
                let (decoded, length) = decodeUTF8(source + input, available: count - input)
                input &+= length
                if let decoded {
                    scalar = decoded
                } else {
                    scalar = 0xFFFD
                    invalid &+= 1
                }
            }
            // Classify the scalar: drop, turn into a space, fold, or keep.
            switch scalar {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
                 0x205F, 0x3000:
                scalar = 0x20
            case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x034F, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E,
                 0x2060...0x2064, 0x2066...0x2069, 0xFE00...0xFE0F, 0xFEFF, 0xE0001:
                continue
            case 0x200D:
                if !previousWasEmoji { continue }
            case 0xFF01...0xFF5E:
                scalar -= 0xFEE0
            default:
                break
            }
            if scalar < 0x80 {
                destination[output] = UInt8(scalar)
                output &+= 1
                previousWasEmoji = false
            } else {
                output &+= UTF8Writer.write(scalar, to: destination + output)
                previousWasEmoji = scalar != 0x200D
                    && (CharacterClass.isEmojiStart(scalar) || CharacterClass.isEmojiComponent(scalar))
            }
        }
        return Outcome(count: output, invalidSequences: invalid)
    }

    /// How many of the eight bytes of `word` (little-endian) the normaliser copies unchanged:
    /// 8 when all are plain text, 7 when only the last is (the lead of a two-byte letter whose
    /// continuation lies beyond), else 0. Plain text is printable ASCII other than `&`, and
    /// complete two-byte sequences with a lead of 0xD0 to 0xD3 (Cyrillic, U+0400 to U+04FF,
    /// none of which is dropped or folded here). The word must start at a character boundary.
    @inline(__always)
    static func plainPrefix(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ByteMask.high
        let nonASCII = word & high
        if nonASCII == 0 {
            // A byte below 0x20 borrows, 0x7F carries into its high bit, `&` (zero after the
            // xor) borrows; the lowest such byte is always caught, so nothing slips through.
            let ampersands = word ^ (0x26 &* ones)
            let special = ((word &- 0x20 &* ones) | (word &+ ones) | (ampersands &- ones)) & ~word & high
            return special == 0 ? 8 : 0
        }
        let continuations = ByteMask.zero((word & (0xC0 &* ones)) ^ high)
        let leads = ByteMask.zero((word & (0xFC &* ones)) ^ (0xD0 &* ones))
        // Every non-ASCII byte is a lead or a continuation, and each continuation follows a
        // lead (a lead in the last byte has its continuation in the next word).
        guard nonASCII == continuations | leads, continuations == leads &<< 8 else { return 0 }
        // The ASCII bytes must be plain too: test them with the non-ASCII bytes made spaces.
        let marks = nonASCII &>> 7
        let ascii = (word & ~(marks &* 0xFF)) | (marks &* 0x20)
        let ampersands = ascii ^ (0x26 &* ones)
        let special = ((ascii &- 0x20 &* ones) | (ascii &+ ones) | (ampersands &- ones)) & ~ascii & high
        guard special == 0 else { return 0 }
        return 8 &- Int(truncatingIfNeeded: leads &>> 63)
    }

    /// Decodes one UTF-8 sequence starting with a byte >= 0x80, rejecting overlong forms,
    /// surrogates and values past U+10FFFF. Returns the scalar (nil when invalid) and the bytes
    /// consumed (at least 1; an invalid sequence consumes its longest valid prefix).
    @inline(__always)
    static func decodeUTF8(_ p: UnsafePointer<UInt8>, available: Int) -> (UInt32?, Int) {
        let b0 = p[0]
        @inline(__always) func continuation(_ index: Int) -> UInt32? {
            guard index < available else { return nil }
            let byte = p[index]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if b0 < 0xC2 { return (nil, 1) }
        if b0 < 0xE0 {
            guard let c1 = continuation(1) else { return (nil, 1) }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 < 0xF0 {
            guard let c1 = continuation(1) else { return (nil, 1) }
            if (b0 == 0xE0 && c1 < 0x20) || (b0 == 0xED && c1 >= 0x20) { return (nil, 1) }
            guard let c2 = continuation(2) else { return (nil, 2) }
            return ((UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2, 3)
        }
        if b0 < 0xF5 {
            guard let c1 = continuation(1) else { return (nil, 1) }
            if (b0 == 0xF0 && c1 < 0x10) || (b0 == 0xF4 && c1 >= 0x10) { return (nil, 1) }
            guard let c2 = continuation(2) else { return (nil, 2) }
            guard let c3 = continuation(3) else { return (nil, 3) }
            return ((UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4)
        }
        return (nil, 1)
    }

    /// Decodes an HTML entity whose `&` has been consumed; returns the scalar and the bytes after
    /// `&` it used (through `;`), or nil when the text is not an entity we know.
    static func decodeEntity(_ p: UnsafePointer<UInt8>, available: Int) -> (UInt32, Int)? {
        let limit = min(available, 10)
        var end = 0
        while end < limit && p[end] != 0x3B { end += 1 }
        guard end < limit, end > 0 else { return nil }
        if p[0] == 0x23 {
            var value: UInt32 = 0
            var index = 1
            let hex = end > 1 && (p[1] | 0x20) == 0x78
            if hex { index = 2 }
            guard index < end else { return nil }
            while index < end {
                let byte = p[index]
                let digit: UInt32
                if CharacterClass.isDigit(byte) {
                    digit = UInt32(byte - 0x30)
                } else if hex, ((byte | 0x20) &- 0x61) < 6 {
                    digit = UInt32((byte | 0x20) - 0x61 + 10)
                } else {
                    return nil
                }
                value = value * (hex ? 16 : 10) + digit
                if value > 0x10FFFF { return nil }
                index += 1
            }
            if value == 0 || (0xD800...0xDFFF).contains(value) { return (0xFFFD, end + 1) }
            return (value, end + 1)
        }
        let name = UnsafeBufferPointer(start: p, count: end)
        for (entity, scalar) in namedEntities where entity.count == end && entity.elementsEqual(name) {
            return (scalar, end + 1)
        }
        return nil
    }

    /// The named entities that occur in exported posts.
    private static let namedEntities: [([UInt8], UInt32)] = [
        ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27), ("nbsp", 0xA0),
        ("hellip", 0x2026), ("mdash", 0x2014), ("ndash", 0x2013), ("lsquo", 0x2018), ("rsquo", 0x2019),
        ("ldquo", 0x201C), ("rdquo", 0x201D), ("laquo", 0xAB), ("raquo", 0xBB), ("copy", 0xA9),
        ("reg", 0xAE), ("trade", 0x2122), ("euro", 0x20AC), ("pound", 0xA3),
    ].map { (Array($0.0.utf8), $0.1) }
}

/// Writes Unicode scalars as UTF-8.
enum UTF8Writer {
    /// Writes `scalar` at `p` and returns the byte count (1 to 4).
    @inline(__always)
    static func write(_ scalar: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            p[0] = UInt8(scalar)
            return 1
        }
        if scalar < 0x800 {
            p[0] = UInt8(0xC0 | (scalar >> 6))
            p[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        }
        if scalar < 0x10000 {
            p[0] = UInt8(0xE0 | (scalar >> 12))
            p[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            p[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        }
        p[0] = UInt8(0xF0 | (scalar >> 18))
        p[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        p[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        p[3] = UInt8(0x80 | (scalar & 0x3F))
        return 4
    }

    /// Decodes the valid UTF-8 scalar at `p`; returns it and its length.
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>) -> (UInt32, Int) {
        let b0 = p[0]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 { return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[1] & 0x3F) << 6) | UInt32(p[2] & 0x3F), 3)
        }
        return (
            (UInt32(b0 & 0x07) << 18) | (UInt32(p[1] & 0x3F) << 12) | (UInt32(p[2] & 0x3F) << 6)
                | UInt32(p[3] & 0x3F), 4
        )
    }
}
