/// The rows of `timelines.csv`, `segments.csv`, `switches.csv` and `population.csv`
/// (docs/timelines.md lists every column).
enum TimelineCSV {
    /// `account_id,account,status,posts,undated_posts,bucket_index,time,bucket_posts,<category>_posts…,<stance>_probability…`.
    static func appendTimelineHeader(_ set: TimelineSet, to out: inout [UInt8]) {
        var columns = ["account_id", "account", "status", "posts", "undated_posts", "bucket_index", "time", "bucket_posts"]
        columns += set.categories.map { $0 + "_posts" } + set.stances.map { $0 + "_probability" }
        appendRow(columns, to: &out)
    }

    /// One row per bucket with posts; one row with empty bucket fields for an account without any.
    static func appendTimeline(_ account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
        let prefix = [account.account.id, account.account.handle, account.status.rawValue, String(account.posts), String(account.undatedPosts)]
        if account.activeBucketCount == 0 {
            appendRow(prefix + Array(repeating: "", count: 3 + set.categories.count + set.stances.count), to: &out)
            return
        }
        for position in 0..<account.activeBucketCount {
            let bucket = account.bucket(at: position)
            var row = prefix + [String(bucket.index), time(set.time(ofBucket: bucket.index)), String(bucket.posts)]
            row += bucket.counts.map(String.init) + bucket.meanProbabilities.map(number)
            appendRow(row, to: &out)
        }
    }

    /// `account_id,account,segment,start,end,start_index,end_index,posts,dominant,<category>_share…`.
    static func appendSegmentHeader(_ set: TimelineSet, to out: inout [UInt8]) {
        appendRow(["account_id", "account", "segment", "start", "end", "start_index", "end_index", "posts", "dominant"]
            + set.categories.map { $0 + "_share" }, to: &out)
    }

    /// One row per segment.
    static func appendSegments(of account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
        for (index, segment) in account.segments.enumerated() {
            appendRow([
                account.account.id, account.account.handle, String(index),
                time(set.time(ofBucket: segment.startBucket)), time(set.time(ofBucket: segment.endBucket + 1)),
                String(segment.startBucket), String(segment.endBucket), String(segment.posts), segment.dominant,
            ] + segment.mix.map(number), to: &out)
        }
    }

    /// The switch columns.
    static func appendSwitchHeader(to out: inout [UInt8]) {
        appendRow([
            "account_id", "account", "time", "bucket_index", "earliest_time", "earliest_bucket_index",
            "from", "to", "confidence", "likelihood_ratio", "before_posts", "after_posts",
        ], to: &out)
    }

    /// One row per switch.
    static func appendSwitches(of account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
        for (change, before, after) in account.switchesWithSegments() {
            appendRow([
                account.account.id, account.account.handle, time(change.time), String(change.bucketIndex),
                time(set.time(ofBucket: change.earliestBucketIndex)), String(change.earliestBucketIndex),
                change.from, change.to, number(change.confidence), number(change.likelihoodRatio),
                String(before.posts), String(after.posts),
            ], to: &out)
        }
    }

    /// `bucket_index,time,active_accounts,<category>_switches…,bursts` (burst stances joined by `;`).
    static func appendPopulation(_ population: PopulationSwitches, to out: inout [UInt8]) {
        appendRow(["bucket_index", "time", "active_accounts"] + population.categories.map { $0 + "_switches" } + ["bursts"], to: &out)
        for bucket in 0..<population.bucketCount {
            let bursts = population.bursts.filter { $0.bucketIndex == bucket }.map(\.stance)
            appendRow(
                [String(bucket), time(population.origin + Int64(bucket) * population.bucketSeconds), String(population.activeAccounts[bucket])]
                    + population.switchesInto.map { String($0[bucket]) } + [bursts.joined(separator: ";")],
                to: &out
            )
        }
    }

    private static func time(_ seconds: Int64) -> String {
        var out: [UInt8] = []
        OutputNumber.appendTime(seconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func number(_ value: Double) -> String {
        var out: [UInt8] = []
        OutputNumber.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A CSV row; fields with a comma, quote or line break are quoted (RFC 4180).
    private static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(0x2C) }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for byte in field.utf8 {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(0x0A)
    }
}
