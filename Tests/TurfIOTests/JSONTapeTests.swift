import Testing
@testable import TurfIO
import TurfCore

@Suite struct JSONTapeTests {
    private func withTape<R>(_ json: String, _ body: (inout JSONTape, UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var text = json
        return try text.withUTF8 { bytes in
            var tape = JSONTape()
            try tape.parse(bytes)
            return try body(&tape, bytes)
        }
    }

    @Test func findsMembersAndSkipsNestedValues() throws {
        let json = #"{"skip": {"a": [1, 2, {"id": "no"}]}, "id": "831606548300517376", "n": 906000000000000001, "ok": true, "z": null}"#
        try withTape(json) { tape, bytes in
            let id = try #require(tape.member(0, "id", in: bytes))
            #expect(tape.string(id, in: bytes) == "831606548300517376")
            let number = try #require(tape.member(0, "n", in: bytes))
            #expect(tape.scalarText(number, in: bytes) == "906000000000000001")
            let null = try #require(tape.member(0, "z", in: bytes))
            #expect(tape.kind(null) == .null)
            #expect(tape.member(0, "missing", in: bytes) == nil)
            let nested = try #require(tape.value(at: [Array("skip".utf8), Array("a".utf8)], from: 0, in: bytes))
            var count = 0
            tape.forEachElement(nested) { _ in count += 1 }
            #expect(count == 3)
        }
    }

    @Test func matchesWholeKeysOnly() throws {
        let json = #"{"idx": 1, "ix": 2, "i\u0064": 3, "": 4, "id": 5, "Id": 6}"#
        try withTape(json) { tape, bytes in
            let id = try #require(tape.member(0, "id", in: bytes))
            #expect(tape.scalarText(id, in: bytes) == "5")
            let upper = try #require(tape.member(0, "Id", in: bytes))
            #expect(tape.scalarText(upper, in: bytes) == "6")
            let empty = try #require(tape.member(0, "", in: bytes))
            #expect(tape.scalarText(empty, in: bytes) == "4")
            #expect(tape.member(0, "i", in: bytes) == nil)
        }
    }

    @Test func findsTheFirstNonUTF8ByteAtAnyOffset() {
        for offset in [0, 7, 8, 31, 32, 33, 64, 100] {
            var bytes = [UInt8](repeating: 0x61, count: 128)
            bytes[offset] = 0xFF
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) } == offset)
            bytes[offset] = 0x61
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) } == nil)
        }
        let mixed = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя 😀 ok".utf8) + [0xC3]
        #expect(mixed.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) } == mixed.count - 1)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let json = #"{"t": "RT \"quote\"\n\u0416\ud83c\uddec\ud83c\udde7 \ud800 tab\t\\"}"#
        try withTape(json) { tape, bytes in
            let node = try #require(tape.member(0, "t", in: bytes))
            #expect(tape.string(node, in: bytes) == "RT \"quote\"\nЖ🇬🇧 \u{FFFD} tab\t\\")
        }
    }

    @Test func reportsWhereMalformedJSONStops() {
        let cases: [(String, String)] = [
            (#"{"id": "1", "text": "cut"#, "malformed JSON: unterminated string at column 21"),
            (#"{"id": "1",}"#, "malformed JSON: expected a key at column 12"),
            (#"{"id" "1"}"#, "malformed JSON: expected ':' at column 7"),
            (#"{"id": "1"} x"#, "malformed JSON: text after the value at column 13"),
            (#"{"a": [1, 2}"#, "malformed JSON: expected ',' or ']' at column 12"),
            ("", "malformed JSON: empty line at column 1"),
        ]
        for (json, message) in cases {
            do {
                try withTape(json) { _, _ in }
                Issue.record("accepted \(json)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test func parsesEmptyContainersAndDeepNesting() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        try withTape(#"{"a": {}, "b": [], "c": \#(deep)}"#) { tape, bytes in
            let a = try #require(tape.member(0, "a", in: bytes))
            let c = try #require(tape.member(0, "c", in: bytes))
            #expect(tape.kind(a) == .object)
            #expect(tape.kind(c) == .array)
        }
    }
}

@Suite struct TimeTextTests {
    @Test func formatsTimesExactlyAsUTCTime() {
        for seconds: Int64 in [0, 1_487_103_302, -1, -86_400, 951_782_400, 4_102_444_799, 253_402_300_799] {
            var out: [UInt8] = []
            JSONText.appendISO8601(seconds, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\"\(UTCTime.iso8601(seconds))\"")
        }
    }

    @Test func parsesTheVariantsExportsUse() {
        let cases: [(String, Int64?, TimeResolution)] = [
            ("2017-02-14T20:15:02.000Z", 1_487_103_302, .second),
            ("2017-02-14 20:15", 1_487_103_300, .minute),
            (" 2017-02-14T21:15:02+01:00 ", 1_487_103_302, .second),
            ("2017-02-14", 1_487_030_400, .second),
            ("2/14/2017 20:15", 1_487_103_300, .minute),
            ("Tue Feb 14 20:15:02 +0000 2017", 1_487_103_302, .second),
            ("1487103302", 1_487_103_302, .second),
            ("1487103302000", 1_487_103_302, .second),
            ("2017-13-01T00:00:00Z", nil, .second),
            ("2017-02-14T20:15:02Zjunk", nil, .second),
            ("yesterday", nil, .second),
            ("", nil, .second),
        ]
        for (text, seconds, resolution) in cases {
            let parsed = TimeText.parse(text)
            #expect(parsed?.seconds == seconds, "\(text)")
            if seconds != nil { #expect(parsed?.resolution == resolution, "\(text)") }
        }
    }
}
