#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore
import TurfIO

/// Writes a timeline set and its population view as files: `timelines`, `switches`,
/// `population` (and `segments` for CSV, where segments do not fit a row per bucket).
public struct TimelineWriter {
    /// Output format.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object a line.
        case jsonl
        /// Comma-separated values with a header row.
        case csv
    }

    /// The format written.
    public var format: Format

    /// Creates a writer.
    public init(format: Format = .jsonl) {
        self.format = format
    }

    /// Writes every file into `directory` (created if missing), each atomically.
    /// - Returns: the paths written.
    /// - Throws: `InputError` when a file cannot be written.
    @discardableResult
    public func write(_ set: TimelineSet, population: PopulationSwitches, to directory: String) throws -> [String] {
        try Self.createDirectory(directory)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var written: [String] = []
        func emit(_ name: String, _ produce: (Sink) throws -> Void) throws {
            let path = base + name + "." + format.rawValue
            let sink = Sink(file: try AtomicFile(path: path))
            try produce(sink)
            try sink.file.write(bytes: sink.out)
            try sink.file.commit()
            written.append(path)
        }
        switch format {
        case .jsonl:
            let json = TimelineJSON(set)
            try emit("timelines") { sink in
                for account in set.accounts {
                    json.appendTimeline(account, set: set, to: &sink.out)
                    try sink.flushIfLarge()
                }
            }
            try emit("switches") { sink in
                for account in set.accounts {
                    json.appendSwitches(of: account, set: set, to: &sink.out)
                    try sink.flushIfLarge()
                }
            }
            try emit("population") { sink in
                json.appendPopulation(population, to: &sink.out)
                try sink.flushIfLarge()
            }
        case .csv:
            try emit("timelines") { sink in
                TimelineCSV.appendTimelineHeader(set, to: &sink.out)
                for account in set.accounts {
                    TimelineCSV.appendTimeline(account, set: set, to: &sink.out)
                    try sink.flushIfLarge()
                }
            }
            try emit("segments") { sink in
                TimelineCSV.appendSegmentHeader(set, to: &sink.out)
                for account in set.accounts {
                    TimelineCSV.appendSegments(of: account, set: set, to: &sink.out)
                    try sink.flushIfLarge()
                }
            }
            try emit("switches") { sink in
                TimelineCSV.appendSwitchHeader(to: &sink.out)
                for account in set.accounts {
                    TimelineCSV.appendSwitches(of: account, set: set, to: &sink.out)
                    try sink.flushIfLarge()
                }
            }
            try emit("population") { sink in
                TimelineCSV.appendPopulation(population, to: &sink.out)
                try sink.flushIfLarge()
            }
        }
        return written
    }

    /// Creates `path` and its missing parents.
    private static func createDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw InputError(file: path, line: 0, reason: "cannot create directory: \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// Output bytes collected in memory and handed to the file a megabyte at a time.
private final class Sink {
    let file: AtomicFile
    var out: [UInt8] = []

    init(file: AtomicFile) {
        self.file = file
        out.reserveCapacity(1 << 21)
    }

    func flushIfLarge() throws {
        guard out.count >= 1 << 20 else { return }
        try file.write(bytes: out)
        out.removeAll(keepingCapacity: true)
    }
}

extension AccountTimeline {
    /// Pairs each switch with the segments on either side of it.
    func switchesWithSegments() -> [(change: StanceSwitch, before: Segment, after: Segment)] {
        var result: [(StanceSwitch, Segment, Segment)] = []
        var next = 0
        for index in segments.indices.dropFirst() where next < switches.count {
            if segments[index].startBucket == switches[next].bucketIndex {
                result.append((switches[next], segments[index - 1], segments[index]))
                next += 1
            }
        }
        return result
    }
}

/// Number formatting shared by the JSON and CSV writers, without `String` round trips.
enum OutputNumber {
    /// `value` rounded to 4 decimals, trailing zeros dropped (`0.5`, `1`, `0.1235`).
    static func append(_ value: Double, to out: inout [UInt8]) {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            JSONText.appendNumber(value, to: &out)
            return
        }
        var units = Int(scaled)
        if units < 0 {
            out.append(0x2D)
            units = -units
        }
        appendInteger(units / 10_000, to: &out)
        var fraction = units % 10_000
        guard fraction != 0 else { return }
        out.append(0x2E)
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: fraction / divisor) + 0x30)
            fraction %= divisor
            divisor /= 10
        }
    }

    /// A decimal integer.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: magnitude / divisor) + 0x30)
            magnitude %= divisor
            divisor /= 10
        }
    }

    /// ISO 8601 text of a time.
    static func appendTime(_ seconds: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: UTCTime.iso8601(seconds).utf8)
    }
}
