/// Classification and folding of single Unicode scalars (as `UInt32`), written as range
/// checks so the tokenizer's hot loop needs no table lookups for Latin, Cyrillic and Greek.
enum CharacterClass {
    /// The writing system of a letter, for mixed-script confusable detection.
    enum Script: UInt8 {
        case other, latin, cyrillic, greek
    }

    /// ASCII letter or digit.
    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte &- 0x30) < 10 || ((byte | 0x20) &- 0x61) < 26
    }

    /// ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { (byte &- 0x30) < 10 }

    /// Part of a word: a letter, mark or digit of any script (`_` excluded).
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32) -> Bool {
        if (scalar &- 0x0410) < 0x40 { return true }  // А to я, the common case after ASCII
        return isWordScalarSlow(scalar)
    }

    private static func isWordScalarSlow(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIAlphanumeric(UInt8(scalar)) }
        if scalar < 0x0530 {
            // Latin-1 letters (not × ÷), Latin Extended, IPA, combining marks, Greek, Cyrillic.
            if scalar < 0xC0 { return scalar == 0xAA || scalar == 0xB5 || scalar == 0xBA }
            if scalar == 0xD7 || scalar == 0xF7 { return false }
            if scalar >= 0x02C2 && scalar < 0x0300 { return false }
            if scalar == 0x0375 || scalar == 0x037E || scalar == 0x0384 || scalar == 0x0385 || scalar == 0x0387 {
                return false
            }
            if scalar == 0x0482 { return false }
            return true
        }
        if scalar >= 0x1E00 && scalar < 0x2000 { return true }
        if isEmojiStart(scalar) || isEmojiComponent(scalar) { return false }
        guard let unicode = Unicode.Scalar(scalar) else { return false }
        let properties = unicode.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// A scalar that starts an emoji grapheme.
    @inline(__always)
    static func isEmojiStart(_ scalar: UInt32) -> Bool {
        if scalar >= 0x1F000 { return scalar <= 0x1FAFF && !(0x1F3FB...0x1F3FF).contains(scalar) }
        if scalar < 0x2000 { return scalar == 0xA9 || scalar == 0xAE }
        switch scalar {
        case 0x203C, 0x2049, 0x2122, 0x2139, 0x2194...0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328,
             0x23CF, 0x23E9...0x23F3, 0x23F8...0x23FA, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25C0,
             0x25FB...0x25FE, 0x2600...0x27BF, 0x2934, 0x2935, 0x2B05...0x2B07, 0x2B1B, 0x2B1C,
             0x2B50, 0x2B55, 0x3030, 0x303D, 0x3297, 0x3299:
            return true
        default:
            return false
        }
    }

    /// A scalar that only continues an emoji grapheme: skin tones, tags, keycap, ZWJ.
    @inline(__always)
    static func isEmojiComponent(_ scalar: UInt32) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar) || (0xE0020...0xE007F).contains(scalar) || scalar == 0x20E3
            || scalar == 0x200D
    }

    /// A regional indicator letter; two make a flag.
    @inline(__always)
    static func isRegionalIndicator(_ scalar: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar) }

    /// A Fitzpatrick skin-tone modifier, folded away.
    @inline(__always)
    static func isSkinTone(_ scalar: UInt32) -> Bool { (0x1F3FB...0x1F3FF).contains(scalar) }

    /// The script of a letter (by its code point before folding).
    @inline(__always)
    static func script(_ scalar: UInt32) -> Script {
        if scalar < 0x80 { return ((UInt8(scalar) | 0x20) &- 0x61) < 26 ? .latin : .other }
        if scalar >= 0xC0 && scalar < 0x0250 { return scalar == 0xD7 || scalar == 0xF7 ? .other : .latin }
        if scalar >= 0x0370 && scalar < 0x0400 { return .greek }
        if scalar >= 0x0400 && scalar < 0x0530 { return .cyrillic }
        if scalar >= 0x1E00 && scalar < 0x1F00 { return .latin }
        return .other
    }

    /// Simple case folding for Latin, Greek and Cyrillic (plus `ё` to `е` when asked); other
    /// scalars are returned unchanged.
    @inline(__always)
    static func fold(_ scalar: UInt32, foldYo: Bool) -> UInt32 {
        if scalar < 0x80 { return (scalar &- 0x41) < 26 ? scalar | 0x20 : scalar }
        if (scalar &- 0x0430) < 0x20 { return scalar }
        if (scalar &- 0x0410) < 0x20 { return scalar &+ 32 }
        return foldNonASCII(scalar, foldYo: foldYo)
    }

    static func foldNonASCII(_ s: UInt32, foldYo: Bool) -> UInt32 {
        switch s {
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x0100...0x012F, 0x0132...0x0137, 0x014A...0x0177: return s | 1
        case 0x0130: return 0x69
        case 0x0139...0x0148, 0x0179...0x017E: return s & 1 == 1 ? s + 1 : s
        case 0x0178: return 0xFF
        case 0x017F: return 0x73
        case 0x0386: return 0x03AC
        case 0x0388...0x038A: return s + 37
        case 0x038C: return 0x03CC
        case 0x038E, 0x038F: return s + 63
        case 0x0391...0x03AB where s != 0x03A2: return s + 32
        case 0x03C2: return 0x03C3
        case 0x03D8...0x03EF: return s | 1
        case 0x0400...0x040F: return foldYo && s == 0x0401 ? 0x0435 : s + 80
        case 0x0410...0x042F: return s + 32
        case 0x0451: return foldYo ? 0x0435 : s
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x052F: return s | 1
        case 0x04C0: return 0x04CF
        case 0x04C1...0x04CE: return s & 1 == 1 ? s + 1 : s
        case 0x1E00...0x1E95, 0x1EA0...0x1EFF: return s | 1
        default: return s
        }
    }

    /// The Latin letter a Cyrillic or Greek letter imitates, if it imitates one.
    static func latinLookAlike(_ s: UInt32) -> UInt32? {
        switch s {
        // Cyrillic capitals and small letters.
        case 0x0410, 0x0430: return 0x61  // А а
        case 0x0412: return 0x62  // В
        case 0x0415, 0x0435: return 0x65  // Е е
        case 0x041A: return 0x6B  // К
        case 0x041C: return 0x6D  // М
        case 0x041D, 0x04BB, 0x04BA: return 0x68  // Н һ Һ
        case 0x041E, 0x043E: return 0x6F  // О о
        case 0x0420, 0x0440: return 0x70  // Р р
        case 0x0421, 0x0441: return 0x63  // С с
        case 0x0422: return 0x74  // Т
        case 0x0423, 0x0443, 0x04AE, 0x04AF: return 0x79  // У у Ү ү
        case 0x0425, 0x0445: return 0x78  // Х х
        case 0x0405, 0x0455: return 0x73  // Ѕ ѕ
        case 0x0406, 0x0456: return 0x69  // І і
        case 0x0408, 0x0458: return 0x6A  // Ј ј
        case 0x0500, 0x0501: return 0x64  // Ԁ ԁ
        case 0x04C0, 0x04CF: return 0x6C  // Ӏ ӏ
        case 0x051A, 0x051B: return 0x71  // Ԛ ԛ
        case 0x051C, 0x051D: return 0x77  // Ԝ ԝ
        // Greek capitals and small letters.
        case 0x0391, 0x03B1: return 0x61  // Α α
        case 0x0392: return 0x62  // Β
        case 0x0395: return 0x65  // Ε
        case 0x0396: return 0x7A  // Ζ
        case 0x0397: return 0x68  // Η
        case 0x0399, 0x03B9: return 0x69  // Ι ι
        case 0x039A, 0x03BA: return 0x6B  // Κ κ
        case 0x039C: return 0x6D  // Μ
        case 0x039D, 0x03BD: return 0x6E  // Ν ν (ν as n in look-alike spellings)
        case 0x039F, 0x03BF: return 0x6F  // Ο ο
        case 0x03A1, 0x03C1: return 0x70  // Ρ ρ
        case 0x03A4, 0x03C4: return 0x74  // Τ τ
        case 0x03A5, 0x03C5: return 0x75  // Υ υ
        case 0x03A7, 0x03C7: return 0x78  // Χ χ
        default: return nil
        }
    }

    /// The (folded) Cyrillic letter a Latin letter imitates, if it imitates one.
    static func cyrillicLookAlike(_ s: UInt32) -> UInt32? {
        switch s {
        case 0x41, 0x61: return 0x0430
        case 0x42: return 0x0432
        case 0x45, 0x65: return 0x0435
        case 0x48: return 0x043D
        case 0x4B: return 0x043A
        case 0x4D: return 0x043C
        case 0x4F, 0x6F: return 0x043E
        case 0x50, 0x70: return 0x0440
        case 0x43, 0x63: return 0x0441
        case 0x54: return 0x0442
        case 0x59, 0x79: return 0x0443
        case 0x58, 0x78: return 0x0445
        default: return nil
        }
    }
}
