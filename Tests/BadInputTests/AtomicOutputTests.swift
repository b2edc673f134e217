#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Kills a real `turfwatch` run with SIGKILL while it writes `--out` and checks that the output
/// it was replacing is still there, byte for byte: `AtomicFile` writes a hidden temporary file
/// and renames it over the destination only when complete.
///
/// `turfwatch simulate` is the long-running command used: it writes `posts.jsonl`,
/// `classified.jsonl` and `truth.csv` through `AtomicFile`, as `classify` and `score` do.
@Suite(.serialized) struct AtomicOutputTests {
    /// The `turfwatch` executable built beside the test bundle.
    static var turfwatch: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("turfwatch").path
    }

    private func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.turfwatch)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Size of the largest hidden `.NAME.tmp-*` file in `directory`.
    private func temporaryBytes(in directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.contains(".tmp-") }.map { name in
            ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size] as? Int) ?? 0
        }.max() ?? 0
    }

    @Test func sigkillMidRunLeavesThePreviousOutput() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.turfwatch), "build turfwatch first")
        let directory = NSTemporaryDirectory() + "turfwatch-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let first = try run(["simulate", "--scenario", "small", "--seed", "1", "--out", directory])
        first.waitUntilExit()
        try #require(first.terminationStatus == 0)
        let names = ["posts.jsonl", "classified.jsonl", "truth.csv"]
        let before = names.map { FileManager.default.contents(atPath: directory + "/" + $0) }
        #expect(before.allSatisfy { ($0?.count ?? 0) > 0 })

        // A run big enough to take many seconds; kill it once a temporary file holds data.
        let second = try run(["simulate", "--accounts", "200000", "--days", "60", "--seed", "2", "--out", directory])
        let deadline = Date().addingTimeInterval(120)
        while temporaryBytes(in: directory) < 1 << 20, second.isRunning, Date() < deadline { usleep(20_000) }
        let wasRunning = second.isRunning
        let written = temporaryBytes(in: directory)
        kill(second.processIdentifier, SIGKILL)
        second.waitUntilExit()
        #expect(wasRunning, "the second run ended before it could be killed")
        #expect(second.terminationReason == .uncaughtSignal)
        #expect(written >= 1 << 20, "the killed run had written \(written) bytes to its temporary file")

        let after = names.map { FileManager.default.contents(atPath: directory + "/" + $0) }
        for (index, name) in names.enumerated() {
            #expect(after[index] == before[index], "\(name) changed although its run was killed")
        }
    }

    @Test func sigkillBeforeAnyOutputLeavesNone() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.turfwatch), "build turfwatch first")
        let directory = NSTemporaryDirectory() + "turfwatch-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try run(["simulate", "--accounts", "200000", "--days", "60", "--seed", "3", "--out", directory])
        let deadline = Date().addingTimeInterval(120)
        while temporaryBytes(in: directory) == 0, run.isRunning, Date() < deadline { usleep(20_000) }
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        let visible = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }
        #expect(visible == [], "a killed first run left \(visible)")
    }
}
