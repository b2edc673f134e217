import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line to standard error, unbuffered, so reports interleave in order with progress.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Prints `message` on standard error and returns the exit code to throw: 1 for bad input or
/// usage (the default), 2 for an internal error.
func failure(_ message: String, code: Int32 = 1) -> ExitCode {
    printError(message)
    return ExitCode(code)
}
