import TurfCore
import TurfTimeline

/// What stance timelines need of each post, kept compactly while a large export streams in,
/// so `score` can build timelines after reading instead of beside it.
///
/// Per post: its time, an interned stance-name set, an interned label set and one `Float` per
/// stance probability (the precision `TimelineBuilder` sums in), about 30 bytes a post with
/// three stances. Account identities come from the `CoordinationCorpus` the posts entered,
/// post by post in the same order.
public struct PostStanceLog: Sendable {
    private var times: [Int64] = []
    private var dated: [Bool] = []
    private var stanceSetOfPost: [UInt32] = []
    private var labelSetOfPost: [UInt32] = []
    private var probabilities: [Float] = []
    private var nameSets: [[String]] = []
    private var nameSetIndex: [[String]: UInt32] = [:]

    /// Posts logged.
    public var count: Int { times.count }

    /// Creates an empty log.
    public init() {}

    /// Logs one post's time, stance names, probabilities (aligned with `stances`) and labels.
    mutating func append(time: Int64?, stances: [String], probabilities postProbabilities: [Float], labels: [String]) {
        times.append(time ?? 0)
        dated.append(time != nil)
        stanceSetOfPost.append(setNumber(stances))
        labelSetOfPost.append(setNumber(labels))
        probabilities.append(contentsOf: postProbabilities.prefix(stances.count))
        for _ in postProbabilities.count..<max(postProbabilities.count, stances.count) { probabilities.append(.nan) }
    }

    /// Feeds every logged post, in order, to `builder`, with its account from `corpus` (the
    /// corpus the same posts were added to, so post `i` of the log is post `i` there).
    /// - Complexity: O(posts × stances).
    public func replay(into builder: inout TimelineBuilder, corpus: CoordinationCorpus) {
        var offset = 0
        var values: [Double] = []
        for post in 0..<times.count {
            let account = Int(corpus.postAccounts[post])
            let stances = nameSets[Int(stanceSetOfPost[post])]
            values.removeAll(keepingCapacity: true)
            for value in probabilities[offset..<(offset + stances.count)] where !value.isNaN { values.append(Double(value)) }
            offset += stances.count
            builder.add(
                account: AccountRef(id: corpus.accountIDs[account], handle: corpus.handles[account]),
                time: dated[post] ? times[post] : nil, stances: stances, probabilities: values,
                labels: nameSets[Int(labelSetOfPost[post])]
            )
        }
    }

    private mutating func setNumber(_ names: [String]) -> UInt32 {
        if let known = nameSetIndex[names] { return known }
        let number = UInt32(nameSets.count)
        nameSets.append(names)
        nameSetIndex[names] = number
        return number
    }
}
