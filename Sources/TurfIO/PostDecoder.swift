import TurfCore

/// Turns one raw record (a JSON line or a CSV row) into posts.
///
/// One protocol because there are seven real decoders (twarc2 JSON, twarc-csv, the
/// information-operations archive, the fivethirtyeight troll tweets, generic JSON Lines and CSV).
/// Decoders are values with per-thread scratch state: each worker thread decodes with its own copy.
public protocol PostDecoder: Sendable {
    /// Appends the posts in `record` to `posts` (a twarc2 response page holds many; a row one).
    /// - Throws: `RecordError` when the record is malformed; nothing is appended then.
    mutating func decode(_ record: UnsafeBufferPointer<UInt8>, into posts: inout [Post]) throws(RecordError)
}
