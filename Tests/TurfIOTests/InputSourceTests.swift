import Foundation
import Testing
import TurfCore
import TurfIO

@Suite struct InputSourceTests {
    static let lines = #"{"id": "1", "text": "Крым", "author_id": "7"}"# + "\n" + #"{"id": "2", "text": "second", "author_id": "7"}"# + "\n"

    private func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-f", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func readsGzipByItsMagicBytes() throws {
        let path = Fixture.write(Self.lines)
        try gzip(path)
        defer { try? FileManager.default.removeItem(atPath: path + ".gz") }
        let outcome = try Fixture.read(path + ".gz")
        #expect(outcome.posts.map(\.text) == ["Крым", "second"])
    }

    @Test func readsConcatenatedGzipMembers() throws {
        let first = Fixture.write(Self.lines)
        try gzip(first)
        let gz = try Data(contentsOf: URL(fileURLWithPath: first + ".gz"))
        let both = Fixture.write(Array(gz) + Array(gz), suffix: ".gz")
        defer {
            try? FileManager.default.removeItem(atPath: first + ".gz")
            try? FileManager.default.removeItem(atPath: both)
        }
        #expect(try Fixture.read(both).posts.map(\.id) == ["1", "2", "1", "2"])
    }

    @Test func truncatedGzipIsAnInputError() throws {
        let path = Fixture.write(String(repeating: Self.lines, count: 200))
        try gzip(path)
        let gz = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        let cut = Fixture.write(Array(gz.prefix(gz.count - 12)), suffix: ".gz")
        defer {
            try? FileManager.default.removeItem(atPath: path + ".gz")
            try? FileManager.default.removeItem(atPath: cut)
        }
        #expect(throws: InputError.self) { try Fixture.read(cut) }
    }

    @Test func readsStandardInput() throws {
        let path = Fixture.write(Self.lines)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = dup(0)
        let file = open(path, O_RDONLY)
        dup2(file, 0)
        close(file)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        let reader = try PostReader(path: "-")
        var ids: [String] = []
        try reader.forEach { ids.append($0.id) } skipped: { error, _ in Issue.record("\(error)") }
        #expect(ids == ["1", "2"])
        #expect(reader.source.size == Int64(Self.lines.utf8.count))
    }

    @Test func dropsAUTF8ByteOrderMarkBeforeTheCSVHeader() throws {
        let csv = [0xEF, 0xBB, 0xBF] + Array("tweetid,userid,tweet_text,tweet_time\n5,6,hi,2017-01-01 00:00\n".utf8)
        let outcome = try Fixture.read(Fixture.write(csv))
        #expect(outcome.format == .ioArchive)
        #expect(outcome.posts.map(\.id) == ["5"])
    }

    @Test func reportsCp1252AndReadsItWithTheEncodingFlag() throws {
        // "“Don’t” vote" as Windows-1252: 0x93 and 0x92 are curly quotes there, invalid in UTF-8.
        let row = Array("id,text\n1,".utf8) + [0x93] + Array("Don".utf8) + [0x92] + Array("t".utf8) + [0x94] + Array(" vote\n2,plain\n".utf8)
        let path = Fixture.write(row)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Fixture.read(path)
        #expect(outcome.posts.map(\.id) == ["2"])
        #expect(outcome.errors == ["F:2: not UTF-8 (byte 0x93 at column 3); looks like cp1252: rerun with --encoding cp1252 (or latin1)"])
        let fixed = try Fixture.read(path, encoding: .cp1252)
        #expect(fixed.posts.map(\.text) == ["“Don’t” vote", "plain"])
    }

    @Test func guessesGB18030AndDecodesIt() throws {
        // "中文测试" in GB18030.
        let chinese: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4]
        let path = Fixture.write(Array("id,text\n1,".utf8) + chinese + [0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Fixture.read(path)
        #expect(outcome.errors == ["F:2: not UTF-8 (byte 0xD6 at column 3); looks like GB18030: rerun with --encoding gb18030"])
        #expect(try Fixture.read(path, encoding: .gb18030).posts.map(\.text) == ["中文测试"])
    }

    @Test func readsUTF16WithAByteOrderMarkAndRejectsItWithout() throws {
        let text = "id,text\n1,Жжж 😀\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = Fixture.write(little)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try PostReader(path: path)
        var texts: [String] = []
        try reader.forEach { texts.append($0.text) } skipped: { error, _ in Issue.record("\(error)") }
        #expect(texts == ["Жжж 😀"])
        #expect(reader.source.notes == ["\(path): UTF-16 byte-order mark found; reading as UTF-16LE"])

        let bare = Fixture.write(Array(little.dropFirst(2)))
        defer { try? FileManager.default.removeItem(atPath: bare) }
        do {
            _ = try Fixture.read(bare)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.description == "\(bare):1: looks like UTF-16 without a byte-order mark; rerun with --encoding utf-16le")
        }
        #expect(try Fixture.read(bare, encoding: .utf16le).posts.map(\.text) == ["Жжж 😀"])
    }

    @Test func readsSpreadsheetUnicodeTextTabSeparatedUTF16() throws {
        let text = "tweetid\tuserid\ttweet_text\ttweet_time\n5\t6\t\"Крым, наш\"\t2017-01-01 00:00\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = Fixture.write(little)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Fixture.read(path)
        #expect(outcome.format == .ioArchive)
        #expect(outcome.posts.map(\.text) == ["Крым, наш"])
    }

    @Test func encodingNamesParse() throws {
        #expect(try TextEncoding(name: "Windows-1252") == .cp1252)
        #expect(try TextEncoding(name: "UTF8") == .utf8)
        #expect(try TextEncoding(name: "GBK") == .gb18030)
        #expect(throws: UsageError.self) { try TextEncoding(name: "ebcdic") }
    }

    @Test func emptyInputsGiveNoPosts() throws {
        #expect(try Fixture.read(text: "").posts.isEmpty)
        #expect(try Fixture.read(text: "\n\n  \n").posts.isEmpty)
        #expect(throws: InputError.self) { try Fixture.read(text: "", format: .csv) }
    }

    @Test func recordsLongerThanTheReadBufferSurvive() throws {
        let long = String(repeating: "жЖ😀 ", count: 200_000)
        let line = #"{"id": "9", "text": "\#(long)"}"#
        let outcome = try Fixture.read(text: "\(line)\n\(line)")
        #expect(outcome.posts.map(\.text) == [long, long])
    }
}
