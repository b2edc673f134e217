/// A post's text with the offsets of its hashtags, links and mentions, as the Twitter API
/// reports them (Unicode code points from the start of the text, end exclusive).
struct TextPiece: Sendable {
    /// One hashtag, link or mention inside the text.
    struct Entity: Sendable {
        /// First code point.
        var start: Int
        /// Code point after the last.
        var end: Int
        /// The tag without `#`, the expanded URL, or the handle without `@`.
        var value: String
        /// For a mention, the mentioned account's index; for a link, its t.co short code.
        var detail: Int = 0
    }

    private(set) var text = ""
    private(set) var length = 0
    private(set) var hashtags: [Entity] = []
    private(set) var urls: [Entity] = []
    private(set) var mentions: [Entity] = []

    /// Appends plain words, separated from what came before by one space.
    mutating func word(_ words: String) {
        guard !words.isEmpty else { return }
        space()
        text += words
        length += words.unicodeScalars.count
    }

    /// Appends `#tag`.
    mutating func hashtag(_ tag: String) {
        space()
        let start = length
        text += "#" + tag
        length += 1 + tag.unicodeScalars.count
        hashtags.append(Entity(start: start, end: length, value: tag))
    }

    /// Appends `@handle` mentioning account `index`.
    mutating func mention(_ handle: String, index: Int) {
        space()
        let start = length
        text += "@" + handle
        length += 1 + handle.unicodeScalars.count
        mentions.append(Entity(start: start, end: length, value: handle, detail: index))
    }

    /// Appends a t.co link standing for `expanded`; `code` makes the short link.
    mutating func link(_ expanded: String, code: UInt64) {
        space()
        let start = length
        let short = TextPiece.shortLink(code)
        text += short
        length += short.utf8.count
        urls.append(Entity(start: start, end: length, value: expanded, detail: Int(truncatingIfNeeded: code)))
    }

    private mutating func space() {
        if length > 0 {
            text += " "
            length += 1
        }
    }

    /// The retweet text Twitter gives: `RT @author: ` and the original, cut at 140 code points
    /// with an ellipsis; entities are shifted and those cut off dropped.
    static func retweet(of original: TextPiece, author: String, authorIndex: Int) -> TextPiece {
        var piece = TextPiece()
        piece.text = "RT @" + author + ": "
        piece.mentions = [Entity(start: 3, end: 4 + author.unicodeScalars.count, value: author, detail: authorIndex)]
        piece.length = 6 + author.unicodeScalars.count
        let offset = piece.length
        let limit = 140
        if offset + original.length <= limit {
            piece.text += original.text
            piece.length += original.length
        } else {
            let keep = max(0, limit - offset - 1)
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: original.text.unicodeScalars.prefix(keep))
            piece.text += String(scalars) + "…"
            piece.length += keep + 1
        }
        let cut = piece.length
        func shifted(_ list: [Entity]) -> [Entity] {
            list.compactMap { entity in
                let moved = Entity(start: entity.start + offset, end: entity.end + offset, value: entity.value, detail: entity.detail)
                return moved.end < cut || (moved.end == cut && offset + original.length <= limit) ? moved : nil
            }
        }
        piece.hashtags = shifted(original.hashtags)
        piece.urls = shifted(original.urls)
        piece.mentions += shifted(original.mentions)
        return piece
    }

    /// A t.co short link for `code`: `https://t.co/` and ten base-62 characters.
    static func shortLink(_ code: UInt64) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var value = code
        var bytes = Array("https://t.co/".utf8)
        for _ in 0..<10 {
            bytes.append(alphabet[Int(value % 62)])
            value /= 62
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
