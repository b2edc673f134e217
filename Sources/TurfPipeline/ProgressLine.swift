#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error (rewritten with `\r`): posts per second,
/// and percentage and time left when the total input size is known.
struct ProgressLine {
    private let totalBytes: Int64?
    private let start: Double
    private var last: Double
    private var shown = false

    init(totalBytes: Int64?) {
        self.totalBytes = totalBytes
        start = ProgressLine.now()
        last = start
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Redraws at most twice a second.
    mutating func update(posts: Int, bytes: Int64) {
        let time = ProgressLine.now()
        guard time - last >= 0.5 else { return }
        last = time
        let elapsed = time - start
        var line = "\r\(posts) posts, \(Int(Double(posts) / max(elapsed, 1e-9))) posts/s"
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let remaining = elapsed / fraction - elapsed
            line += ", \(Int(fraction * 100))%, ETA \(Int(remaining) / 60):\(pad(Int(remaining) % 60))"
        }
        line += "   "
        writeError(line)
        shown = true
    }

    /// Clears the line so the summary starts at column 1.
    func finish() {
        if shown { writeError("\r\u{1B}[K") }
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func writeError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
