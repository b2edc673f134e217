import Foundation
import Testing
import TurfCore
import TurfIO

/// `LabelledReader.readBlocks`, the training path's reader: the same texts, labels and errors as
/// `read()`, without a `String` per post.
@Suite struct LabelledBlockReaderTests {
    private func withFile<T>(_ bytes: [UInt8], suffix: String = ".jsonl", _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "turfwatch-blocks-\(UUID().uuidString)\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// Texts and labels from both readers, after checking that their texts agree byte for byte
    /// (`String` equality would accept a precomposed accent for a decomposed one).
    private func both(_ bytes: [UInt8], format: LabelledReader.Format = .jsonl) throws
        -> (posts: [(String, [String])], blocks: [(String, [String])]) {
        try withFile(bytes) { path in
            let reader = LabelledReader(path: path, format: format)
            let read = try reader.read()
            let readBlocks = try reader.readBlocks()
            #expect(read.map { Array($0.text.utf8) } == readBlocks.flatMap { block in (0..<block.count).map { Array(block.bytes[block.range($0)]) } })
            let posts = read.map { ($0.text, $0.labels) }
            let blocks = readBlocks.flatMap { block in (0..<block.count).map { (block.text($0), block.labels[$0]) } }
            return (posts, blocks)
        }
    }

    /// The error of each reader, as `line: reason`.
    private func failures(_ bytes: [UInt8]) throws -> (String, String) {
        try withFile(bytes) { path in
            let reader = LabelledReader(path: path, format: .jsonl)
            func failure(_ body: () throws -> Void) -> String {
                do {
                    try body()
                    return "accepted"
                } catch let error as InputError {
                    return "\(error.line): \(error.reason)"
                } catch {
                    return "\(error)"
                }
            }
            return (failure { _ = try reader.read() }, failure { _ = try reader.readBlocks() })
        }
    }

    @Test func escapesCyrillicEmojiCRLFAndEmptyTextsMatchTheStringReader() throws {
        let file = """
        {"id": "1", "text": "q\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end", "label": "AGAINST", "score": 0.5, "meta": {"a": [1, "\\u00e9"]}}\r
        {"text": "Ж\\u0416 \\u00e9 \\u20ac \\ud83d\\ude00 Крым наш 🇷🇺 👍🏽", "labels": ["pro_kremlin", "anti_ukraine", "pro_kremlin"]}\r

        {"text": "", "label": "NONE"}
        {"text": "first", "text": "second wins", "label": null}
        {"text": "\\u0000 nul", "label": 2}
        {"labels": [], "text": "no stance"}
        {"text": "cafe\\u0301 caf\u{E9}", "label": "FAVOR"}
        """
        let (posts, blocks) = try both(Array(file.utf8))
        let expected: [(String, [String])] = [
            ("q\" b\\ s/ \u{08}\u{0C}\n\r\t end", ["AGAINST"]),
            ("ЖЖ é € 😀 Крым наш 🇷🇺 👍🏽", ["pro_kremlin", "anti_ukraine"]),
            ("", ["NONE"]),
            ("second wins", []),
            ("\u{0} nul", ["2"]),
            ("no stance", []),
            ("cafe\u{301} caf\u{E9}", ["FAVOR"]),
        ]
        // Bytes, not `String` equality: the decomposed and precomposed accents must stay as written.
        #expect(blocks.map { Array($0.0.utf8) } == expected.map { Array($0.0.utf8) })
        #expect(blocks.map(\.1) == expected.map(\.1))
        #expect(posts.map(\.0) == expected.map(\.0))
        #expect(posts.map(\.1) == expected.map(\.1))
    }

    @Test func invalidUTF8AndBadLinesAreTheSameErrors() throws {
        func line(_ text: [UInt8], field: [UInt8] = Array("x".utf8)) -> [UInt8] {
            Array(#"{"text": "ok", "label": "X"}"#.utf8) + [0x0A] + Array(#"{"text": ""#.utf8) + text
                + Array(#"", "other": ""#.utf8) + field + Array(#"", "label": "X"}"#.utf8) + [0x0A]
        }
        let cases: [([UInt8], String)] = [
            (line([0x61, 0xFF]), "2: not valid UTF-8"),
            (line([0xC0, 0xAF]), "2: not valid UTF-8"),                       // overlong '/'
            (line([0xED, 0xA0, 0x80]), "2: not valid UTF-8"),                 // encoded surrogate
            (line([0xC3] + Array(#"\n"#.utf8)), "2: not valid UTF-8"),        // sequence cut by an escape
            (line([0xF0, 0x9F, 0x98]), "2: not valid UTF-8"),                 // truncated emoji
            (line(Array("fine".utf8), field: [0xFE]), "2: not valid UTF-8"),  // in a field the blocks do not keep
            (line(Array(#"\ud800"#.utf8)), "2: lone surrogate in \\u escape"),
            (line(Array(#"\x"#.utf8)), "2: bad escape in a string"),
            (Array("{\"text\": \"a\", \"label\": \"X\"}\n{\"text\": \"b\"}\n".utf8), "2: missing \"label\" or \"labels\""),
            (Array(#"{"text": "a", "label": "X""#.utf8), "1: expected ',' or '}' after \"label\""),
        ]
        for (bytes, expected) in cases {
            let (posts, blocks) = try failures(bytes)
            #expect(posts == expected)
            #expect(blocks == expected)
        }
        #expect(try both(line([0xD0, 0x96, 0xF0, 0x9F, 0x98, 0x80])).blocks.map(\.0) == ["ok", "Ж😀"])
    }

    @Test func largeFilesGiveTheSameTextsInOrderAndTheFirstBadLine() throws {
        func lines(bad: Set<Int>) -> [UInt8] {
            Array((1...5000).map { number -> String in
                if bad.contains(number) { return "{\"text\": \"broken\" \"label\": \"x\"}" }
                if number % 700 == 0 { return " " }
                let text = number % 3 == 0 ? "Крым \\u0416 \(number)" : "post \(number) 😀"
                return "{\"text\": \"\(text)\", \"label\": \"\(["FAVOR", "AGAINST"][number % 2])\", \"n\": \(number)}"
            }.joined(separator: "\n").utf8)
        }
        let (posts, blocks) = try both(lines(bad: []))
        #expect(blocks.count == 4993)
        #expect(blocks.map(\.0) == posts.map(\.0))
        #expect(blocks.map(\.1) == posts.map(\.1))
        #expect(blocks[2].0 == "Крым Ж 3")
        let blockCount = try withFile(lines(bad: [])) { try LabelledReader(path: $0, format: .jsonl).readBlocks().count }
        #expect(blockCount == 4)
        let (postError, blockError) = try failures(lines(bad: [4900, 1400, 3100]))
        #expect(postError == "1400: expected ',' or '}' after \"text\"")
        #expect(blockError == postError)
    }

    @Test func csvBlocksHoldTheCSVReadersTexts() throws {
        let csv = "\u{FEFF}id,tweet,stance\n1,\"hello, \"\"world\"\"\",FAVOR\n\n2,\"two\nlines\",pro_kremlin; anti_ukraine\n3,,\n"
        let (posts, blocks) = try both(Array(csv.utf8), format: .csv(textColumn: "tweet", labelColumn: "stance"))
        #expect(blocks.map(\.0) == ["hello, \"world\"", "two\nlines", ""])
        #expect(blocks.map(\.1) == [["FAVOR"], ["pro_kremlin", "anti_ukraine"], []])
        #expect(posts.map(\.0) == blocks.map(\.0))
    }

    @Test func anEmptyFileHasNoBlocks() throws {
        #expect(try withFile([]) { try LabelledReader(path: $0, format: .jsonl).readBlocks() }.isEmpty)
        #expect(try withFile(Array("\n  \n".utf8)) { try LabelledReader(path: $0, format: .jsonl).readBlocks() }.isEmpty)
    }
}
