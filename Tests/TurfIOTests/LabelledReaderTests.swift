import Foundation
import Testing
import TurfCore
import TurfIO

@Suite struct LabelledReaderTests {
    private func read(_ content: String, format: LabelledReader.Format = .jsonl) throws -> [LabelledPost] {
        try read(bytes: Array(content.utf8), format: format)
    }

    private func read(bytes: [UInt8], format: LabelledReader.Format) throws -> [LabelledPost] {
        let path = NSTemporaryDirectory() + "turfwatch-labelled-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try LabelledReader(path: path, format: format).read()
    }

    private func failure(_ content: String, format: LabelledReader.Format = .jsonl) -> String {
        do {
            _ = try read(content, format: format)
            return "accepted"
        } catch let error as InputError {
            return "\(error.line): \(error.reason)"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsJSONLWithSingleAndMultipleLabelsAndKeepsOtherFields() throws {
        let posts = try read("""
        {"id": "1", "text": "Stop the \\"war\\" \\ud83d\\ude00 \\u0416", "label": "AGAINST", "score": 0.5, "meta": {"a": [1, 2]}}

        {"text":"Крым наш 🇷🇺","labels":["pro_kremlin","anti_ukraine","pro_kremlin"]}
        {"text": "nothing", "labels": []}
        """)
        #expect(posts.count == 3)
        #expect(posts[0].text == "Stop the \"war\" 😀 Ж")
        #expect(posts[0].labels == ["AGAINST"])
        #expect(posts[0].fields == ["id": "1", "score": "0.5", "meta": "{\"a\": [1, 2]}"])
        #expect(posts[0].line == 1)
        #expect(posts[1].labels == ["pro_kremlin", "anti_ukraine"])
        #expect(posts[1].text == "Крым наш 🇷🇺")
        #expect(posts[1].line == 3)
        #expect(posts[2].labels == [])
    }

    @Test func numericLabelsAreKeptAsText() throws {
        #expect(try read(#"{"text": "a", "label": 2}"#)[0].labels == ["2"])
    }

    @Test func badJSONLinesNameTheLine() {
        #expect(failure("{\"text\": \"a\", \"label\": \"X\"}\n{\"text\": \"b\"}\n") == "2: missing \"label\" or \"labels\"")
        #expect(failure(#"{"label": "X"}"#) == "1: missing \"text\"")
        #expect(failure(#"{"text": "a", "label": "X""#) == "1: expected ',' or '}' after \"label\"")
        #expect(failure(#"{"text": 5, "label": "X"}"#) == "1: \"text\" must be a string")
        #expect(failure(#"{"text": "a", "labels": "X"}"#) == "1: \"labels\" must be an array of strings")
        #expect(failure(#"{"text": "a", "label": ""}"#) == "1: \"label\" is empty")
        #expect(failure(#"{"text": "a\ud800", "label": "X"}"#) == "1: lone surrogate in \\u escape")
        #expect(failure(#"[1, 2]"#) == "1: expected a JSON object")
        #expect(failure(#"{"text": "a", "label": "X"} trailing"#) == "1: unexpected text after the JSON object")
    }

    @Test func invalidUTF8IsAnError() {
        var bytes = Array(#"{"text": "ab"#.utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array(#"", "label": "X"}"#.utf8))
        do {
            _ = try read(bytes: bytes, format: .jsonl)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 1 && error.reason == "not valid UTF-8")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func readsCSVWithQuotesEmbeddedNewlinesAndSeveralLabels() throws {
        let csv = "\u{FEFF}id,tweet,stance\n1,\"hello, \"\"world\"\"\",FAVOR\n\n2,\"two\nlines\",pro_kremlin; anti_ukraine\n3,none,\n"
        let posts = try read(csv, format: .csv(textColumn: "tweet", labelColumn: "stance"))
        #expect(posts.map(\.text) == ["hello, \"world\"", "two\nlines", "none"])
        #expect(posts.map(\.labels) == [["FAVOR"], ["pro_kremlin", "anti_ukraine"], []])
        #expect(posts.map(\.line) == [2, 4, 6])
        #expect(posts[0].fields == ["id": "1"])
    }

    @Test func badCSVRowsNameTheLine() throws {
        let format = LabelledReader.Format.csv(textColumn: "text", labelColumn: "label")
        #expect(failure("text,label\na,X\nb,X,extra\n", format: format) == "3: expected 2 fields as in the header, found 3")
        #expect(failure("body,label\na,X\n", format: format) == "1: no column named \"text\" in the header (use --text-column)")
        #expect(failure("text,label\n\"open,X\n", format: format) == "2: quoted field is never closed")
        #expect(failure("", format: format) == "0: empty CSV file: no header row")
        #expect(try read("text,labels\na,X;Y\n", format: format)[0].labels == ["X", "Y"])
    }

    @Test func formatIsGuessedFromTheExtension() {
        #expect(LabelledReader.Format.guess(path: "a/b.CSV") == .csv(textColumn: "text", labelColumn: "label"))
        #expect(LabelledReader.Format.guess(path: "a/b.jsonl") == .jsonl)
    }

    @Test func unreadableFileIsAnInputError() {
        #expect(throws: InputError.self) { try LabelledReader(path: "/nonexistent/x.jsonl", format: .jsonl).read() }
    }

    /// Quotes, backslashes, control characters and non-ASCII bytes at every offset of the
    /// eight-byte steps the string scanner takes are found exactly where they are.
    @Test func specialBytesAtEveryOffsetOfAWordAreFound() throws {
        for offset in 0..<17 {
            let pad = String(repeating: "a", count: offset)
            let posts = try read(#"{"text": "\#(pad)q\"b\\c", "label": "\#(pad)Жж"}"# + "\n")
            #expect(posts.first?.text == pad + "q\"b\\c")
            #expect(posts.first?.labels == [pad + "Жж"])
            let control = failure(#"{"text": "\#(pad)\#u{01}x", "label": "A"}"# + "\n")
            #expect(control.contains("control character in a string"), "offset \(offset): \(control)")
            #expect(failure(#"{"text": "\#(pad)"# + "\n").contains("unterminated string"), "offset \(offset)")
        }
    }
}
