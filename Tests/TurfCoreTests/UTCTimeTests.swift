import Testing
@testable import TurfCore

@Suite struct UTCTimeTests {
    @Test func formatsTheEpochAndALeapDay() {
        #expect(UTCTime.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(UTCTime.iso8601(1_487_000_000) == "2017-02-13T15:33:20Z")
        #expect(UTCTime.iso8601(-1) == "1969-12-31T23:59:59Z")
    }

    @Test func parsesTheVariantsExportsUse() {
        #expect(UTCTime.parseISO8601("2017-02-13T15:33:20Z") == 1_487_000_000)
        #expect(UTCTime.parseISO8601("2017-02-13T15:33:20.000Z") == 1_487_000_000)
        #expect(UTCTime.parseISO8601("2017-02-13 15:33:20") == 1_487_000_000)
        #expect(UTCTime.parseISO8601("2017-02-13T16:33:20+01:00") == 1_487_000_000)
        #expect(UTCTime.parseISO8601("2017-02-13 15:33") == 1_486_999_980)
        #expect(UTCTime.parseISO8601("2017-02-13") == 1_486_944_000)
    }

    @Test func rejectsWhatIsNotATime() {
        #expect(UTCTime.parseISO8601("") == nil)
        #expect(UTCTime.parseISO8601("2017-13-01") == nil)
        #expect(UTCTime.parseISO8601("2017-02-13T25:00") == nil)
        #expect(UTCTime.parseISO8601("2017-02-13T15:33:20Zjunk") == nil)
        #expect(UTCTime.parseISO8601("yesterday") == nil)
    }

    @Test func roundTripsAcrossCenturies() {
        for seconds in stride(from: Int64(-5_000_000_000), to: 5_000_000_000, by: 123_456_789) {
            #expect(UTCTime.parseISO8601(UTCTime.iso8601(seconds)) == seconds)
        }
    }
}

@Suite struct UTCTimeResolutionTests {
    private func parse(_ text: String) -> (seconds: Int64, resolution: TimeResolution)? {
        var text = text
        return text.withUTF8 { UTCTime.parseISO8601(bytes: $0) }
    }

    @Test func minutesWithoutSecondsAreMinuteResolution() {
        #expect(parse("2017-02-13 15:33")?.resolution == .minute)
        #expect(parse("2017-02-13 15:33")?.seconds == 1_486_999_980)
        #expect(parse("2017-02-13T15:33:20.123Z")?.resolution == .second)
        #expect(parse("2017-02-13T15:33:20.123Z")?.seconds == 1_487_000_000)
        #expect(parse("2017-02-13T15:33+03:00")?.seconds == 1_486_989_180)
        #expect(parse("13/02/2017") == nil)
    }
}
