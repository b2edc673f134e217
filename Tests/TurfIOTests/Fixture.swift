import Foundation
import TurfCore
import TurfIO

/// Writes hand-made fixtures to temporary files and reads them back through `PostReader`.
enum Fixture {
    /// A fresh temporary path with `suffix`.
    static func path(_ suffix: String = "") -> String {
        NSTemporaryDirectory() + "turfwatch-io-\(UUID().uuidString)\(suffix)"
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    static func write(_ bytes: [UInt8], suffix: String = "") -> String {
        let file = path(suffix)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Writes `text` as UTF-8.
    static func write(_ text: String, suffix: String = "") -> String {
        write(Array(text.utf8), suffix: suffix)
    }

    /// What reading a file produced: posts, `file:line: reason` reports, and the resolved format.
    struct Outcome {
        var posts: [Post] = []
        var errors: [String] = []
        var kinds: [String] = []
        var format: PostFormat = .auto
    }

    /// Reads `path` with `PostReader`.
    static func read(
        _ path: String, format: PostFormat = .auto, mapping: FieldMapping = FieldMapping(), encoding: TextEncoding = .utf8
    ) throws -> Outcome {
        let reader = try PostReader(path: path, format: format, mapping: mapping, encoding: encoding)
        var outcome = Outcome(format: reader.format)
        try reader.forEach { outcome.posts.append($0) } skipped: { error, kind in
            outcome.errors.append(error.description.replacingOccurrences(of: path, with: "F"))
            outcome.kinds.append(kind)
        }
        return outcome
    }

    /// Reads `text` written to a temporary file.
    static func read(text: String, format: PostFormat = .auto, mapping: FieldMapping = FieldMapping()) throws -> Outcome {
        let file = write(text)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try read(file, format: format, mapping: mapping)
    }
}
