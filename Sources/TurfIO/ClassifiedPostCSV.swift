import TurfCore

/// Writes classified posts as CSV for spreadsheet users: one row a post, one `p_<stance>`
/// column per stance, lists JSON-encoded (as twarc-csv does), so `--format csv` reads it back.
public enum ClassifiedPostCSV {
    /// The header row (with newline) for a model with `stances`.
    public static func header(stances: [String]) -> [UInt8] {
        var columns = [
            "id", "account_id", "account", "created_at", "time_resolution", "text", "lang", "retweet_of", "quote_of",
            "reply_to", "hashtags", "urls", "mentions", "media", "meme_text", "labels",
        ]
        columns += stances.map { "p_\($0)" }
        columns.append("rules")
        var out: [UInt8] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendField(column, to: &out)
        }
        out.append(0x0A)
        return out
    }

    /// Appends one row (with newline); probabilities follow `stances`' order.
    public static func appendRow(_ classified: ClassifiedPost, stances: [String], to out: inout [UInt8]) {
        let post = classified.post
        let scores = classified.scores
        var json: [UInt8] = []
        func field(_ text: String) {
            appendField(text, to: &out)
            out.append(0x2C)
        }
        func jsonField(_ build: (inout [UInt8]) -> Void) {
            json.removeAll(keepingCapacity: true)
            build(&json)
            appendField(String(decoding: json, as: UTF8.self), to: &out)
            out.append(0x2C)
        }
        field(post.id)
        field(post.account.id)
        field(post.account.handle)
        if let createdAt = post.createdAt {
            var time: [UInt8] = []
            JSONText.appendISO8601(createdAt, to: &time)
            out.append(contentsOf: time[1..<(time.count - 1)])
        }
        out.append(0x2C)
        field(post.timeResolution.rawValue)
        field(post.text)
        field(post.lang)
        field(post.retweetOf ?? "")
        field(post.quoteOf ?? "")
        field(post.replyTo ?? "")
        jsonField { JSONText.appendStrings(post.hashtags, to: &$0) }
        jsonField { JSONText.appendStrings(post.urls, to: &$0) }
        jsonField { JSONText.appendStrings(post.mentions, to: &$0) }
        jsonField { JSONText.appendStrings(post.media.map(\.id), to: &$0) }
        field(post.memeText)
        jsonField { JSONText.appendStrings(scores.labels, to: &$0) }
        for stance in stances {
            var number: [UInt8] = []
            JSONText.appendNumber(scores.probability(of: stance), to: &number)
            out.append(contentsOf: number)
            out.append(0x2C)
        }
        json.removeAll(keepingCapacity: true)
        json.append(0x5B)
        for (index, hit) in scores.ruleHits.enumerated() {
            if index > 0 { json.append(0x2C) }
            JSONText.appendRaw("{\"id\":", to: &json)
            JSONText.appendString(hit.id, to: &json)
            JSONText.appendRaw(",\"effect\":", to: &json)
            JSONText.appendString(hit.effect.rawValue, to: &json)
            JSONText.appendRaw(",\"field\":", to: &json)
            JSONText.appendString(hit.field.rawValue, to: &json)
            JSONText.appendRaw(",\"start\":", to: &json)
            json.append(contentsOf: String(hit.start).utf8)
            JSONText.appendRaw(",\"end\":", to: &json)
            json.append(contentsOf: String(hit.end).utf8)
            json.append(0x7D)
        }
        json.append(0x5D)
        appendField(String(decoding: json, as: UTF8.self), to: &out)
        out.append(0x0A)
    }

    /// Appends `text` as a CSV field, quoted (quotes doubled) when it holds a comma, quote or line break.
    public static func appendField(_ text: String, to out: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(0x22)
        for byte in text.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}
