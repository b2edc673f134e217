/// What a `classify` run did: the end-of-run line on standard error.
public struct ClassifySummary: Hashable, Sendable, CustomStringConvertible {
    /// Inputs opened.
    public var files = 0
    /// Records (lines or rows) read.
    public var records = 0
    /// Posts classified and written.
    public var classified = 0
    /// Skipped records (or whole unreadable inputs) by reason.
    public var skipped: [String: Int] = [:]
    /// Input bytes read (compressed size for gzip).
    public var bytes: Int64 = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0

    /// Creates an empty summary.
    public init() {}

    /// All skipped records.
    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// `classify: 2 files, 1000 records read, 998 posts classified, 2 skipped (malformed JSON: 1, not UTF-8: 1)`.
    public var description: String {
        var line = "classify: \(files) file\(files == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s") read, \(classified) post\(classified == 1 ? "" : "s") classified, \(skippedTotal) skipped"
        if !skipped.isEmpty {
            let parts = skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            line += " (\(parts.joined(separator: ", ")))"
        }
        if seconds > 0 {
            let rate = Double(classified) / seconds
            let megabytes = Double(bytes) / 1_000_000 / seconds
            line += "; \(Int(rate.rounded())) posts/s, \(String(format1(megabytes))) MB/s"
        }
        return line
    }

    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
