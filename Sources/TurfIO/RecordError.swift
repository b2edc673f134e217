/// Why one record (a line or a CSV row) was skipped: a short category for the summary and a
/// one-line message for the `file:line: reason` report.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category counted in the end-of-run summary, e.g. `malformed JSON`.
    public var kind: String
    /// The full one-line reason.
    public var message: String

    /// Creates a record error.
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The record is not valid UTF-8; the message guesses the encoding and names the fix.
    static func notUTF8(_ record: UnsafeBufferPointer<UInt8>, offset: Int) -> RecordError {
        RecordError(kind: "not UTF-8", message: UTF8Check.reason(record, offset: offset))
    }

    /// An id a spreadsheet turned into a rounded number such as `9.06E+17`.
    static func mangledID(_ field: String, _ value: String) -> RecordError {
        RecordError(
            kind: "spreadsheet-mangled id",
            message: "\(field) \"\(value)\" was rounded by a spreadsheet (digits lost); re-export the ids as text"
        )
    }

    /// A required field is absent or empty.
    static func missing(_ field: String) -> RecordError {
        RecordError(kind: "missing \(field)", message: "no \(field)")
    }

    /// A time field that holds no time this reader understands.
    static func badTime(field: String, text: String) -> RecordError {
        RecordError(kind: "bad time", message: "\(field) is not a time: \(text)")
    }
}

/// Shared checks for the values readers pull out of records.
enum FieldText {
    /// Whether `value` looks like a number a spreadsheet or a float conversion produced from an
    /// id: digits with a decimal point or an exponent (`9.06E+17`, `831606548300517376.0`).
    static func looksMangled(_ value: String) -> Bool {
        var sawDigit = false
        var sawMark = false
        for byte in value.utf8 {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case 0x2E, 0x45, 0x65: sawMark = true
            case 0x2B, 0x2D: continue
            default: return false
            }
        }
        return sawDigit && sawMark
    }

    /// `value` as an id: trimmed, empty becomes `nil`, a mangled number is an error.
    static func id(_ value: String?, field: String) throws(RecordError) -> String? {
        guard var value else { return nil }
        // The common case, a plain id of digits, checked on its bytes without trimming.
        let plain = value.withUTF8 { bytes in
            !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if plain { return value }
        let trimmed = trim(value)
        if trimmed.isEmpty { return nil }
        if looksMangled(trimmed) { throw RecordError.mangledID(field, trimmed) }
        return trimmed
    }

    /// `value` without surrounding spaces and tabs.
    static func trim(_ value: String) -> String {
        let utf8 = value.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return value }
        return String(value[first...last])
    }

    /// Checks that `record` is UTF-8.
    static func requireUTF8(_ record: UnsafeBufferPointer<UInt8>) throws(RecordError) {
        if let offset = UTF8Check.firstInvalidOffset(record) { throw RecordError.notUTF8(record, offset: offset) }
    }

    /// Parses a list cell: a JSON array or a Python-list-like string (`['a', 'b']`, `[a, b]`),
    /// or a bare value. Items lose surrounding quotes and spaces; empty items are dropped.
    static func list(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        if start < end, bytes[start] == 0x5B {
            start += 1
            if end > start, bytes[end - 1] == 0x5D { end -= 1 }
        }
        var items: [String] = []
        var index = start
        while index < end {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x2C { index += 1 }
            guard index < end else { break }
            let quote = bytes[index]
            if quote == 0x27 || quote == 0x22 {
                var item: [UInt8] = []
                index += 1
                while index < end, bytes[index] != quote {
                    if bytes[index] == 0x5C, index + 1 < end {
                        index += 1
                    }
                    item.append(bytes[index])
                    index += 1
                }
                index += 1
                if !item.isEmpty { items.append(String(decoding: item, as: UTF8.self)) }
            } else {
                let itemStart = index
                while index < end, bytes[index] != 0x2C { index += 1 }
                var itemEnd = index
                while itemEnd > itemStart, bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
                if itemEnd > itemStart { items.append(String(decoding: bytes[itemStart..<itemEnd], as: UTF8.self)) }
            }
        }
        return items
    }

    /// `value` without one leading `prefix` byte (`#` of a hashtag, `@` of a mention).
    static func dropping(_ prefix: UInt8, from value: String) -> String {
        value.utf8.first == prefix ? String(value.dropFirst()) : value
    }

    /// Hashtags or mentions found in free text (for exports that carry no entity columns):
    /// `marker` (`#` or `@`) followed by letters, digits or `_`, not preceded by a word character.
    static func tokens(after marker: UInt8, in text: String) -> [String] {
        var found: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let isMarker = scalars[index].value == UInt32(marker)
            let prior = index > 0 ? scalars[index - 1] : " "
            if isMarker, !(prior.properties.isAlphabetic || prior.properties.numericType != nil || prior == "_") {
                var end = index + 1
                while end < scalars.count,
                      scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil || scalars[end] == "_" {
                    end += 1
                }
                if end > index + 1 {
                    var word = String.UnicodeScalarView()
                    word.append(contentsOf: scalars[(index + 1)..<end])
                    found.append(String(word))
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// A perceptual hash given as up to 16 hex digits (optionally `0x`-prefixed) or a decimal integer.
    static func perceptualHash(_ value: String) -> UInt64? {
        var text = trim(value)
        if text.hasPrefix("0x") || text.hasPrefix("0X") { text.removeFirst(2) }
        if text.isEmpty || text.utf8.count > 20 { return nil }
        if text.utf8.count <= 16, let hex = UInt64(text, radix: 16), text.utf8.contains(where: { $0 > 0x39 }) || text.utf8.count == 16 {
            return hex
        }
        return UInt64(text) ?? UInt64(text, radix: 16)
    }
}
