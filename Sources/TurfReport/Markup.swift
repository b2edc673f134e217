import TurfCore

/// Escaping and number formatting for hand-built HTML and SVG.
enum Markup {
    /// Escapes `&`, `<`, `>`, `"` and `'` so any text is safe inside elements and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with one decimal, enough for SVG at screen resolution.
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths)) % 10
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    /// A score 0..1 as two decimals.
    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Shortens `text` to at most `limit` characters, with an ellipsis when cut.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// `YYYY-MM-DD` of a time.
    static func day(_ seconds: Int64) -> String {
        String(UTCTime.iso8601(seconds).prefix(10))
    }

    /// `YYYY-MM-DD HH:MM` of a time.
    static func minute(_ seconds: Int64) -> String {
        let text = UTCTime.iso8601(seconds)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }
}
