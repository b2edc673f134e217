import Foundation

/// Runs the real `turfwatch` executable (built beside the test bundle) so CLI tests can compare
/// its exact output and exit status, as swift-argument-parser's own tests do.
public enum TurfwatchProcess {
    /// What one run printed and how it ended.
    public struct Result: Equatable, Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything written to standard output.
        public var out: String
        /// Everything written to standard error.
        public var err: String

        /// Creates a result.
        public init(status: Int32, out: String, err: String) {
            self.status = status
            self.out = out
            self.err = err
        }
    }

    /// The executable's path: `swift test` builds it into the same folder as the test bundle.
    public static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("turfwatch").path

    /// Whether the executable exists (CLI tests are skipped, visibly, when it does not).
    public static let isBuilt = FileManager.default.isExecutableFile(atPath: binary)

    /// Runs `turfwatch arguments...` with `input` on standard input, in `directory` when given,
    /// with `environment` added to the inherited environment.
    public static func run(_ arguments: [String], input: [UInt8] = [], in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        // Standard error goes to a file, not a pipe: reading two pipes one after the other
        // would deadlock once a run writes more than a pipe holds to the one read second.
        let errPath = NSTemporaryDirectory() + "turfwatch-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let errFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inPipe = Pipe(), out = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = errFile
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input))
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errFile.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self)
        )
    }

    /// Starts `turfwatch arguments...` in the background with its output discarded, for tests that
    /// interrupt a run (e.g. with SIGKILL) rather than wait for its result.
    public static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
