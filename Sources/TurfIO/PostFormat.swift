import TurfCore

/// The input formats turfwatch reads, and how `auto` tells them apart.
public enum PostFormat: String, Hashable, Sendable, CaseIterable {
    /// Decide from the first record: JSON lines with `data`, `__twarc` or `author_id` are twarc2,
    /// other JSON lines generic; CSV headers are matched against each CSV format's columns.
    case auto
    /// Twitter API v2 JSON from twarc2: response pages, stream lines or flattened tweets.
    case twarc2
    /// The CSV `twarc2 csv` writes.
    case twarcCSV = "twarc-csv"
    /// Twitter's information-operations archive CSV.
    case ioArchive = "io-archive"
    /// fivethirtyeight's russian-troll-tweets CSV.
    case trollTweets = "troll-tweets"
    /// Generic JSON Lines with `--map`.
    case jsonl
    /// Generic CSV with `--map`.
    case csv

    /// Parses a `--format` value.
    /// - Throws: `UsageError` listing the formats.
    public init(name: String) throws {
        guard let format = PostFormat(rawValue: name.lowercased()) else {
            throw UsageError("unknown format '\(name)'; use one of: \(PostFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }

    /// Whether records are CSV rows (`nil` for `auto`, which depends on the content).
    public var isCSV: Bool? {
        switch self {
        case .auto: return nil
        case .twarc2, .jsonl: return false
        case .twarcCSV, .ioArchive, .trollTweets, .csv: return true
        }
    }

    /// Guesses JSON or CSV from the first bytes of the input: `{` means JSON Lines; an input
    /// with nothing but whitespace counts as (empty) JSON Lines, so it yields no posts, not an error.
    public static func looksLikeJSON(_ firstBytes: some Collection<UInt8>) -> Bool {
        let first = firstBytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        return first == nil || first == 0x7B
    }

    /// The JSON format of a first line: twarc2 when it has a key only Twitter API v2 objects
    /// have (`data`, `errors`, `__twarc`, `author_id`, `author`, `entities`, `referenced_tweets`,
    /// `conversation_id`, `matching_rules`), generic JSON Lines otherwise.
    public static func sniffJSON(_ line: UnsafeBufferPointer<UInt8>) -> PostFormat {
        var tape = JSONTape()
        guard (try? tape.parse(line)) != nil, tape.kind(0) == .object else { return .twarc2 }
        for key: StaticString in [
            "data", "errors", "__twarc", "author_id", "matching_rules", "author", "entities", "referenced_tweets", "conversation_id",
        ] where tape.member(0, key, in: line) != nil {
            return .twarc2
        }
        return .jsonl
    }

    /// The CSV format whose columns `header` has; generic `csv` when none matches.
    public static func sniffCSV(_ header: CSVHeader) -> PostFormat {
        if header.has(IOArchiveDecoder.signature) { return .ioArchive }
        if header.has(TrollTweetsDecoder.signature) { return .trollTweets }
        if header.has(TwarcCSVDecoder.signature) { return .twarcCSV }
        return .csv
    }

    /// A decoder for this (resolved, not `auto`) format; CSV formats need the header record.
    /// - Throws: `UsageError` when a generic CSV lacks the mapped id or text column.
    public func makeDecoder(header: CSVHeader?, mapping: FieldMapping) throws -> any PostDecoder {
        switch self {
        case .auto, .twarc2: return TwitterV2Decoder()
        case .jsonl: return MappedJSONDecoder(mapping: mapping)
        case .twarcCSV: return TwarcCSVDecoder(header: header!)
        case .ioArchive: return IOArchiveDecoder(header: header!)
        case .trollTweets: return TrollTweetsDecoder(header: header!)
        case .csv: return try MappedCSVDecoder(header: header!, mapping: mapping)
        }
    }
}
