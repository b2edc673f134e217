import TurfCore

/// Which input field (a JSON path such as `user.id`, or a CSV column name) fills each `Post`
/// field, for generic JSON Lines and CSV: `--map text=body,account_id=user.id,created_at=ts`.
///
/// Unmapped fields default to the names of the `classify` output contract (`id`, `text`,
/// `account_id`, `account`, `created_at`, ...), so classified output can be read back as input.
public struct FieldMapping: Hashable, Sendable {
    /// The `Post` fields a mapping can fill, by their output-contract names.
    public enum Field: String, CaseIterable, Sendable {
        case id, text, account_id, account, created_at, lang, hashtags, urls, mentions
        case retweet_of, quote_of, reply_to, media, meme_text
    }

    /// The source name of each field.
    public private(set) var sources: [Field: String]

    /// The contract names, one source per field.
    public init() {
        var sources: [Field: String] = [:]
        for field in Field.allCases { sources[field] = field.rawValue }
        self.sources = sources
    }

    /// Parses `text=body,account_id=user.id` on top of the defaults.
    /// - Throws: `UsageError` for an unknown field or a pair without `=`.
    public init(parsing specification: String) throws {
        self.init()
        for pair in specification.split(separator: ",") where !pair.isEmpty {
            guard let equals = pair.firstIndex(of: "=") else {
                throw UsageError("--map expects field=source pairs, got '\(pair)'")
            }
            let name = String(pair[..<equals]).trimmingSpaces
            let source = String(pair[pair.index(after: equals)...]).trimmingSpaces
            guard let field = Field(rawValue: name) else {
                throw UsageError("--map: unknown field '\(name)'; fields are \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !source.isEmpty else { throw UsageError("--map: no source given for \(name)") }
            sources[field] = source
        }
    }

    /// The source name for `field`.
    public func source(_ field: Field) -> String { sources[field] ?? field.rawValue }
}

extension String {
    var trimmingSpaces: String { FieldText.trim(self) }
}
