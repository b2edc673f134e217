#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `TurfBench MODE ARGS...`: each mode times one turfwatch stage on a file and prints figures.
let arguments = Array(CommandLine.arguments.dropFirst())
let modes: [String: ([String]) throws -> Void] = [
    "tokenize": TokenizeBenchmark.run,
    "dump": DumpBenchmark.run,
]
guard let mode = arguments.first, let run = modes[mode] else {
    let names = modes.keys.sorted().joined(separator: ", ")
    BenchIO.printError("usage: TurfBench MODE ARGS... (modes: \(names))")
    exit(1)
}
do {
    try run(Array(arguments.dropFirst()))
} catch {
    BenchIO.printError("TurfBench \(mode): \(error)")
    exit(1)
}
