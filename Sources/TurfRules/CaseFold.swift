/// The case folding the literal prefilter uses, on UTF-8 bytes.
///
/// It folds ASCII, the basic Cyrillic block (U+0400–U+042F to U+0430–U+045F) and the few other
/// characters PCRE2's caseless matching treats as the same letter as one of those (KELVIN SIGN,
/// LONG S, the Cyrillic small letter variants U+1C80–U+1C88). Other characters are copied as they
/// are; `canFoldLiteral` tells the literal extractor which characters it may keep in a caseless
/// literal, so that folded text contains a folded literal whenever PCRE2 could match it.
enum CaseFold {
    /// Calls `emit` with each byte of `bytes` (valid UTF-8) folded.
    /// - Complexity: O(n) in the byte count; a compare and an add a byte for ASCII.
    @inline(__always)
    static func forEachFoldedByte(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                emit(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                index &+= 1
                continue
            }
            if byte == 0xD0, index + 1 < count {
                let next = bytes[index + 1]
                switch next {
                case 0x80...0x8F: emit(0xD1); emit(next + 0x10)
                case 0x90...0x9F: emit(0xD0); emit(next + 0x20)
                case 0xA0...0xAF: emit(0xD1); emit(next - 0x20)
                default: emit(0xD0); emit(next)
                }
                index += 2
                continue
            }
            if byte == 0xC5, index + 1 < count, bytes[index + 1] == 0xBF {
                emit(0x73)
                index += 2
                continue
            }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
                emit(0x6B)
                index += 3
                continue
            }
            if byte == 0xE1, index + 2 < count, bytes[index + 1] == 0xB2, (0x80...0x88).contains(bytes[index + 2]) {
                let folded = cyrillicVariants[Int(bytes[index + 2] - 0x80)]
                for scalarByte in Unicode.Scalar(folded)!.utf8 { emit(scalarByte) }
                index += 3
                continue
            }
            emit(byte)
            index += 1
        }
    }

    /// Appends `bytes` (valid UTF-8) folded to `output`.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        forEachFoldedByte(bytes) { output.append($0) }
    }

    /// What U+1C80–U+1C88 fold to (Unicode CaseFolding.txt).
    private static let cyrillicVariants: [UInt32] = [0x0432, 0x0434, 0x043E, 0x0441, 0x0442, 0x0442, 0x044A, 0x0463, 0xA64B]

    /// `text` folded, as bytes.
    static func fold(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { fold($0, into: &output) }
        return output
    }

    /// The folded UTF-8 bytes of `scalar` when a caseless literal may contain it, or nil when
    /// PCRE2 might match it against a character `fold` does not map to the same bytes.
    static func foldedLiteral(_ scalar: Unicode.Scalar, caseless: Bool) -> [UInt8]? {
        let value = scalar.value
        if value < 0x80 || (0x0400...0x045F).contains(value) {
            return fold(String(Character(scalar)))
        }
        if caseless && scalar.properties.changesWhenCaseMapped { return nil }
        return Array(String(Character(scalar)).utf8)
    }
}
