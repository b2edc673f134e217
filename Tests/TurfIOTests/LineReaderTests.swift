import Foundation
import Testing
import TurfCore
import TurfIO

@Suite struct LineReaderTests {
    private func lines(of content: [UInt8], maximum: Int = 1 << 20) throws -> [String] {
        let path = NSTemporaryDirectory() + "turfwatch-lines-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: Data(content))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var result: [String] = []
        try LineReader(path: path, maximumLineLength: maximum).forEachLine { line, number in
            result.append("\(number):\(String(decoding: line, as: UTF8.self))")
            return true
        }
        return result
    }

    @Test func splitsOnNewlinesAndKeepsAnUnterminatedLastLine() throws {
        #expect(try lines(of: Array("a\r\nb\n\nc".utf8)) == ["1:a", "2:b", "3:", "4:c"])
        #expect(try lines(of: []) == [])
    }

    @Test func handlesLinesSpanningChunks() throws {
        let long = String(repeating: "ж", count: 1_500_000)
        #expect(try lines(of: Array("x\n\(long)\ny\n".utf8), maximum: 4 << 20) == ["1:x", "2:\(long)", "3:y"])
    }

    @Test func newlinesAndCarriageReturnsAtTheReadBufferEdge() throws {
        // The reader takes 1 MB at a time: a CRLF split across two reads, a newline as a read's
        // last byte followed by an empty line, and a final line ending in a bare CR.
        let fill = String(repeating: "a", count: (1 << 20) - 1)
        #expect(try lines(of: Array("\(fill)\r\nb\r".utf8), maximum: 4 << 20) == ["1:\(fill)", "2:b"])
        #expect(try lines(of: Array("\(fill)\n\nb".utf8), maximum: 4 << 20) == ["1:\(fill)", "2:", "3:b"])
        #expect(try lines(of: Array("\(fill)a\n\r\n".utf8), maximum: 4 << 20) == ["1:\(fill)a", "2:"])
    }

    @Test func reportsATooLongLineWithItsNumber() throws {
        do {
            _ = try lines(of: Array("ok\ntoo long\n".utf8), maximum: 4)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 2)
            #expect(error.reason == "line longer than 4 bytes")
        }
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError.self) {
            try LineReader(path: "/no/such/file.jsonl").forEachLine { _, _ in true }
        }
    }
}
