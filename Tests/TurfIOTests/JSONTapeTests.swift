import Testing
@testable import TurfIO

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
