import Foundation
import Testing
import TurfCore

@Suite struct AtomicFileTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "turfwatch-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func fileAppearsOnlyOnCommit() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/out.jsonl"
        let file = try AtomicFile(path: path)
        try file.write("first\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.jsonl"])
    }

    @Test func abandonedWriteKeepsThePreviousFile() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/out.csv"
        try AtomicFile.write("old\n", to: path)
        do {
            let file = try AtomicFile(path: path)
            try file.write(bytes: Array(repeating: UInt8(ascii: "x"), count: 3 << 20))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test func unwritableDirectoryNamesThePath() {
        #expect(throws: InputError.self) { try AtomicFile(path: "/nonexistent-dir/x.csv") }
    }
}
