/// Conversions between seconds since the Unix epoch and ISO 8601 UTC text.
///
/// Hand-written because Foundation's `ISO8601DateFormatter` costs microseconds a call and
/// allocates; these run in nanoseconds and accept the variants real exports contain.
public enum UTCTime {
    /// Formats `seconds` since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func iso8601(_ seconds: Int64) -> String {
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let hour = secondOfDay / 3600
        let minute = (secondOfDay % 3600) / 60
        let second = secondOfDay % 60
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    /// Parses an ISO 8601 date-time in UTC or with an offset, and the space-separated
    /// variants exports use: `2017-02-01T12:34:56Z`, `2017-02-01T12:34:56.000Z`,
    /// `2017-02-01 12:34:56+00:00`, `2017-02-01 12:34` (minutes) and `2017-02-01` (a day).
    /// Surrounding spaces are ignored. Returns `nil` for anything else.
    public static func parseISO8601(_ text: some StringProtocol) -> Int64? {
        var string = String(text)
        return string.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return parseISO8601(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))?.seconds
        }
    }

    /// Parses `YYYY-MM-DD`, optionally `[T ]HH:MM[:SS[.fraction]]` and `Z` or `±HH[:]MM`, from
    /// UTF-8 bytes without allocating; without seconds the resolution is a minute.
    public static func parseISO8601(bytes: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, resolution: TimeResolution)? {
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if index == bytes.count { return (seconds(year: year, month: month, day: day), .second) }
        guard bytes[index] == 0x54 || bytes[index] == 0x20 else { return nil }
        index += 1
        guard let hour = number(2), expect(0x3A), let minute = number(2), hour < 24, minute < 60 else { return nil }
        var second: Int64 = 0
        var resolution = TimeResolution.minute
        if expect(0x3A) {
            guard let value = number(2), value < 61 else { return nil }
            second = value
            resolution = .second
            if expect(0x2E) {
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        let local = seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if index == bytes.count || (expect(0x5A) && index == bytes.count) { return (local, resolution) }
        guard index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D else { return nil }
        let sign: Int64 = bytes[index] == 0x2B ? 1 : -1
        index += 1
        guard let offsetHours = number(2) else { return nil }
        _ = expect(0x3A)
        let offsetMinutes = number(2) ?? 0
        guard index == bytes.count else { return nil }
        return (local - sign * (offsetHours * 3600 + offsetMinutes * 60), resolution)
    }

    /// Seconds since 1970 for a civil UTC date and time; no range checks beyond arithmetic.
    public static func seconds(year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0) -> Int64 {
        days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date (year, month, day) of a day count since 1970-01-01 (H. Hinnant's
    /// algorithm); inlinable because the classify writer formats a time for every post.
    @inlinable
    public static func civil(fromDays dayCount: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = dayCount + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Floor division, correct for negative numerators.
    @inlinable
    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
