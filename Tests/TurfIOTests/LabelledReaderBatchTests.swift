import Foundation
import Testing
import TurfCore
import TurfIO

/// JSONL files large enough to be decoded in parallel slices: order, line numbers, and which
/// error is reported when several lines are bad.
@Suite struct LabelledReaderBatchTests {
    private func withFile<T>(_ content: String, _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "turfwatch-labelled-batch-\(UUID().uuidString).jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: Data(content.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    private static func lines(_ count: Int, bad: Set<Int> = []) -> String {
        (1...count).map { number in
            if bad.contains(number) { return "{\"text\": \"broken\" \"label\": \"x\"}" }
            if number % 500 == 0 { return "   " }
            let text = number % 3 == 0 ? "Крым \\u0416 \(number)" : "post \(number) 😀"
            return "{\"text\": \"\(text)\", \"label\": \"\(["FAVOR", "AGAINST"][number % 2])\", \"n\": \(number)}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func manyLinesKeepFileOrderAndLineNumbers() throws {
        let posts = try withFile(Self.lines(5000)) { try LabelledReader(path: $0, format: .jsonl).read() }
        #expect(posts.count == 4990)
        var expected = 0
        for post in posts {
            expected += 1
            if expected % 500 == 0 { expected += 1 }
            #expect(post.line == expected)
            #expect(post.fields["n"] == "\(expected)")
            #expect(post.text == (expected % 3 == 0 ? "Крым Ж \(expected)" : "post \(expected) 😀"))
            #expect(post.labels == [["FAVOR", "AGAINST"][expected % 2]])
        }
    }

    @Test func theFirstBadLineInFileOrderIsReported() throws {
        // Lines 3100 and 4900 fall in later slices than 1400; 1400 must win.
        let message = try withFile(Self.lines(5000, bad: [4900, 1400, 3100])) { path -> String in
            do {
                _ = try LabelledReader(path: path, format: .jsonl).read()
                return "accepted"
            } catch let error as InputError {
                return "\(error.line): \(error.reason)"
            }
        }
        #expect(message == "1400: expected ',' or '}' after \"text\"")
    }

    @Test func aBadLineBeforeAnOverlongLineIsReportedFirst() throws {
        var content = Self.lines(3000, bad: [20])
        content += "{\"text\": \"" + String(repeating: "a", count: 300) + "\", \"label\": \"x\"}\n"
        let message = try withFile(content) { path -> String in
            var reader = LabelledReader(path: path, format: .jsonl)
            reader.maximumRecordLength = 200
            do {
                _ = try reader.read()
                return "accepted"
            } catch let error as InputError {
                return "\(error.line): \(error.reason)"
            }
        }
        #expect(message == "20: expected ',' or '}' after \"text\"")
    }

    /// Over 8 MB: the first batch fills and is decoded inside the reading loop, the rest after
    /// it. Lines stay in order across the boundary, and a bad line in the second batch is
    /// reported with its own line number (the full first batch decoded once, cleanly).
    @Test func filesLargerThanOneBatchCrossTheBoundary() throws {
        let count = 200_000
        let posts = try withFile(Self.lines(count)) { try LabelledReader(path: $0, format: .jsonl).read() }
        #expect(posts.count == count - count / 500)
        #expect(posts.last?.line == count - 1)
        #expect(posts.last?.fields["n"] == "\(count - 1)")
        #expect(zip(posts, posts.dropFirst()).allSatisfy { $0.line < $1.line })
        let bad = count - 10
        do {
            _ = try withFile(Self.lines(count, bad: [bad])) { try LabelledReader(path: $0, format: .jsonl).read() }
            Issue.record("expected the bad line \(bad) to be reported")
        } catch let error as InputError {
            #expect(error.line == bad)
        }
    }
}
