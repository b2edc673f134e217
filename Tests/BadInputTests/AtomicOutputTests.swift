#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TurfModel
import TurfText
import TurfwatchTestSupport

/// Kills a real `turfwatch` run with SIGKILL while it writes `--out` and checks that the output
/// it was replacing is still there, byte for byte: `AtomicFile` writes a hidden temporary file
/// and renames it over the destination only when complete.
///
/// `turfwatch classify --out` is killed while classifying a large export, once over an earlier
/// output (which must survive unchanged) and once writing a new path (which must not appear).
@Suite(.serialized) struct AtomicOutputTests {
    /// Size of the largest hidden `.NAME.tmp-*` file in `directory`.
    private func temporaryBytes(in directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.contains(".tmp-") }.map { name in
            ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size] as? Int) ?? 0
        }.max() ?? 0
    }

    /// A small valid model (zero weights) written with the library, so the test needs no training run.
    private func writeModel(to path: String) throws {
        let config = FeatureConfig(hashBits: 10)
        let json = String(decoding: try JSONEncoder().encode(config), as: UTF8.self)
        let metadata = ModelMetadata(featureConfigJSON: json, labels: ["pro_kremlin", "anti_candidate"], thresholds: [0.5, 0.5],
                                     isMultiClass: false, link: .sigmoid, algorithm: .nb, hyperparameters: Hyperparameters(),
                                     trainingSHA256: "", trainingExamples: 0, crossValidation: "", createdAt: "2026-11-29T00:00:00Z")
        let weights = LinearWeights(dimension: 1024, labels: 2, weights: [Double](repeating: 0.01, count: 2048), bias: [0, 0], link: .sigmoid)
        try StanceModel(weights: weights, metadata: metadata).write(to: path)
    }

    @Test func sigkillDuringClassifyLeavesThePreviousOutput() throws {
        try #require(TurfwatchProcess.isBuilt, "build turfwatch first")
        let directory = NSTemporaryDirectory() + "turfwatch-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = directory + "/model.safetensors"
        try writeModel(to: model)
        let simulate = try TurfwatchProcess.start(["simulate", "--scenario", "small", "--seed", "4", "--formats", "posts", "--out", directory])
        simulate.waitUntilExit()
        try #require(simulate.terminationStatus == 0)
        let small = directory + "/posts.jsonl"
        let posts = try #require(FileManager.default.contents(atPath: small))

        let out = directory + "/classified.jsonl"
        let first = try TurfwatchProcess.start(["classify", "--model", model, "--out", out, small])
        first.waitUntilExit()
        try #require(first.terminationStatus == 0)
        let before = try #require(FileManager.default.contents(atPath: out))
        #expect(before.count > 0)

        // The same posts many times over: a run of many seconds, killed once it has written a megabyte.
        let large = directory + "/large.jsonl"
        _ = FileManager.default.createFile(atPath: large, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: large))
        var written = 0
        while written < 60 << 20 {
            try handle.write(contentsOf: posts)
            written += posts.count
        }
        try handle.close()
        try killMidRun(["classify", "--model", model, "--threads", "1", "--out", out, large], writingIn: directory)
        #expect(FileManager.default.contents(atPath: out) == before, "classified.jsonl changed although its run was killed")

        let fresh = directory + "/fresh.jsonl"
        try killMidRun(["classify", "--model", model, "--threads", "1", "--out", fresh, large], writingIn: directory)
        #expect(!FileManager.default.fileExists(atPath: fresh), "a killed run left a partial fresh.jsonl")
    }

    /// Starts `arguments`, waits until a hidden temporary file in `directory` holds a megabyte
    /// more than before, and kills the process with SIGKILL.
    private func killMidRun(_ arguments: [String], writingIn directory: String) throws {
        let process = try TurfwatchProcess.start(arguments)
        let deadline = Date().addingTimeInterval(180)
        while temporaryBytes(in: directory) < 1 << 20, process.isRunning, Date() < deadline { usleep(10_000) }
        let wasRunning = process.isRunning
        let partial = temporaryBytes(in: directory)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "\(arguments[0]) ended before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(partial >= 1 << 20, "the killed run had written \(partial) bytes to its temporary file")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.contains(".tmp-") {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
