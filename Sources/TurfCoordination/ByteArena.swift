/// Many short strings stored back to back in one byte array: a few bytes of overhead each
/// instead of a heap object per string.
struct ByteArena: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    /// Strings stored.
    var count: Int { ends.count }

    /// Stores `text` (at most `limit` bytes, cut at a character boundary) and returns its index.
    @discardableResult
    mutating func append(_ text: String, limit: Int = .max) -> Int {
        var cut = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if cut + width > limit { break }
            cut += width
        }
        bytes.append(contentsOf: text.utf8.prefix(cut))
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        return ends.count - 1
    }

    /// The string at `index`.
    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}
