/// Labelled texts stored back to back in one byte buffer: how the training path carries posts
/// from the reader to featurisation.
///
/// A million posts as `String`s cost a million allocations, copies and releases, more than
/// reading the file; a block holds any number of texts in three arrays.
public struct LabelledTextBlock: Hashable, Sendable {
    /// The texts' UTF-8 bytes, concatenated in order.
    public private(set) var bytes: [UInt8] = []
    /// Where each text ends in `bytes`; text `i` starts where text `i - 1` ends (text 0 at 0).
    public private(set) var ends: [Int] = []
    /// Each text's labels (one for multi-class data; empty for "no stance").
    public private(set) var labels: [[String]] = []

    /// An empty block.
    public init() {}

    /// The number of texts.
    public var count: Int { ends.count }

    /// The byte range of text `index` in `bytes`.
    public func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Text `index` as a string.
    public func text(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(index)]), as: UTF8.self) }
    }

    /// Adds a text (its UTF-8 bytes, which the caller has validated) with its labels.
    public mutating func append(_ text: UnsafeBufferPointer<UInt8>, labels: [String]) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        self.labels.append(labels)
    }

    /// Adds a text with its labels.
    public mutating func append(_ text: String, labels: [String]) {
        var text = text
        text.withUTF8 { append($0, labels: labels) }
    }

    /// `items` packed in order into a fixed number of blocks (at most 64, at least 256 texts
    /// each when there are that many), so small and large sets alike featurise on all cores.
    public static func blocks<Items: RandomAccessCollection>(
        of items: Items, text: (Items.Element) -> String, labels: (Items.Element) -> [String]
    ) -> [LabelledTextBlock] where Items.Index == Int {
        let count = min(64, max(1, items.count / 256))
        let first = items.startIndex
        return (0..<count).map { block in
            var texts = LabelledTextBlock()
            for item in items[(first + items.count * block / count)..<(first + items.count * (block + 1) / count)] {
                texts.append(text(item), labels: labels(item))
            }
            return texts
        }
    }

    /// Reserves room for `texts` more texts of `bytes` bytes in all.
    public mutating func reserveCapacity(texts: Int, bytes: Int) {
        self.bytes.reserveCapacity(self.bytes.count + bytes)
        ends.reserveCapacity(ends.count + texts)
        labels.reserveCapacity(labels.count + texts)
    }
}
