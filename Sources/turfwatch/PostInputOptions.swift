import ArgumentParser
import TurfCore
import TurfIO
import TurfPipeline

/// How to read posts: the options `classify` and `analyze` share, so both accept the same
/// formats, mappings and encodings with the same words.
struct PostInputOptions: ParsableArguments {
    @Option(help: "Input format: auto, twarc2, twarc-csv, io-archive, troll-tweets, jsonl, csv.")
    var format = "auto"

    @Option(help: "Field mapping for jsonl/csv, e.g. text=body,account_id=user.id,created_at=ts (repeatable).")
    var map: [String] = []

    @Option(help: "Input encoding: utf-8, utf-16, utf-16le, utf-16be, cp1252, latin1, gb18030.")
    var encoding = "utf-8"

    @Flag(help: "Stop at the first malformed line or row (exit 1) instead of skipping it.")
    var strict = false

    /// Copies these choices into `options`.
    /// - Throws: `UsageError` for an unknown format or encoding, or a bad mapping.
    func apply(to options: inout ClassifyOptions) throws {
        options.format = try PostFormat(name: format)
        options.encoding = try TextEncoding(name: encoding)
        options.mapping = try FieldMapping(parsing: map.joined(separator: ","))
        options.strict = strict
    }

    /// The flags that reproduce these choices on a command line (empty for the defaults).
    var commandLineWords: [String] {
        var words: [String] = []
        if format != "auto" { words += ["--format", format] }
        for mapping in map { words += ["--map", mapping] }
        if encoding != "utf-8" { words += ["--encoding", encoding] }
        if strict { words.append("--strict") }
        return words
    }
}
