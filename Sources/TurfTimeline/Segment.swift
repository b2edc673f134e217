/// A stretch of an account's timeline with one stance mix, as the change-point search cut it.
public struct Segment: Sendable, Hashable {
    /// Index (in the timeline set) of the segment's first bucket with posts.
    public var startBucket: Int
    /// Index of its last bucket with posts (inclusive).
    public var endBucket: Int
    /// Posts in the segment.
    public var posts: Int
    /// Counted labels per category, in `TimelineSet.categories` order (stances, then `none`).
    public var counts: [Int]
    /// The category with the most counted labels (ties go to the earlier category).
    public var dominant: String

    /// Creates a segment.
    public init(startBucket: Int, endBucket: Int, posts: Int, counts: [Int], dominant: String) {
        self.startBucket = startBucket
        self.endBucket = endBucket
        self.posts = posts
        self.counts = counts
        self.dominant = dominant
    }

    /// Each category's share of the segment's counted labels (0 when it has none).
    public var mix: [Double] {
        let total = counts.reduce(0, +)
        return counts.map { total == 0 ? 0 : Double($0) / Double(total) }
    }
}
