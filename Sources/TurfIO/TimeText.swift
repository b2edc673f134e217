import TurfCore

/// Posting times as exports write them, to seconds since 1970 with their resolution.
///
/// Accepts ISO 8601 (`2017-02-01T12:34:56.000Z`; `2017-02-01 12:34` is minute resolution),
/// the fivethirtyeight `M/D/YYYY H:MM` (minutes), Twitter API v1.1's
/// `Wed Feb 01 12:34:56 +0000 2017`, and epoch seconds or milliseconds.
public enum TimeText {
    /// The time `text` denotes and how precise it is, or `nil` when it is no time this reads.
    public static func parse(_ text: String) -> (seconds: Int64, resolution: TimeResolution)? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` on UTF-8 bytes, allocating nothing for ISO 8601 times (the hot case).
    public static func parse(bytes text: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, resolution: TimeResolution)? {
        var start = 0
        var end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
        guard let first = bytes.first else { return nil }
        if bytes.count >= 10, bytes[4] == 0x2D { return UTCTime.parseISO8601(bytes: bytes) }
        let array = Array(bytes)
        if array.contains(0x2F) { return slashDate(array) }
        if first >= 0x30, first <= 0x39, array.count <= 18, array.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let value = array.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
            return (value > 100_000_000_000 ? value / 1000 : value, .second)
        }
        return twitterV1(array)
    }


    /// `M/D/YYYY H:MM` (minutes) or `M/D/YYYY H:MM:SS`, as the fivethirtyeight CSVs write it.
    static func slashDate(_ bytes: [UInt8]) -> (Int64, TimeResolution)? {
        var numbers: [Int64] = []
        var current: Int64 = -1
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                current = (current < 0 ? 0 : current) * 10 + Int64(byte - 0x30)
                if current > 100_000 { return nil }
            } else if byte == 0x2F || byte == 0x3A || byte == 0x20 {
                guard current >= 0 else { return nil }
                numbers.append(current)
                current = -1
            } else {
                return nil
            }
        }
        guard current >= 0 else { return nil }
        numbers.append(current)
        guard numbers.count == 5 || numbers.count == 6 else { return nil }
        let (month, day, year, hour, minute) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
        let second = numbers.count == 6 ? numbers[5] : 0
        guard (1...12).contains(month), (1...31).contains(day), year >= 1970, hour < 24, minute < 60, second < 61 else { return nil }
        let seconds = UTCTime.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return (seconds, numbers.count == 5 ? .minute : .second)
    }

    /// `Wed Feb 01 12:34:56 +0000 2017`.
    static func twitterV1(_ bytes: [UInt8]) -> (Int64, TimeResolution)? {
        guard bytes.count == 30 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let monthName = String(decoding: bytes[4..<7], as: UTF8.self)
        guard let monthIndex = months.firstIndex(of: monthName) else { return nil }
        func number(_ range: Range<Int>) -> Int64? { Int64(String(decoding: bytes[range], as: UTF8.self)) }
        guard let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
              let second = number(17..<19), let offset = number(21..<25), let year = number(26..<30)
        else { return nil }
        let sign: Int64 = bytes[20] == 0x2D ? -1 : 1
        let local = UTCTime.seconds(year: year, month: Int64(monthIndex + 1), day: day, hour: hour, minute: minute, second: second)
        return (local - sign * ((offset / 100) * 3600 + (offset % 100) * 60), .second)
    }
}

extension Post {
    /// Sets `createdAt` and `timeResolution` from an export's time text, the one way every
    /// reader does it.
    /// - Throws: `RecordError` ("bad time", naming `field`) when `text` is no time.
    mutating func setCreatedAt(_ text: String, field: String) throws(RecordError) {
        guard let (seconds, resolution) = TimeText.parse(text) else { throw RecordError.badTime(field: field, text: text) }
        createdAt = seconds
        timeResolution = resolution
    }
}
