import TurfIO

/// The JSON lines of `timelines.jsonl`, `switches.jsonl` and `population.jsonl`
/// (docs/timelines.md lists every field).
enum TimelineJSON {
    /// One account's line: status, counts, buckets with posts, segments and switches.
    static func appendTimeline(_ account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
        let categories = set.categories
        JSONText.appendRaw("{\"account_id\":", to: &out)
        JSONText.appendString(account.account.id, to: &out)
        JSONText.appendRaw(",\"account\":", to: &out)
        JSONText.appendString(account.account.handle, to: &out)
        JSONText.appendRaw(",\"status\":", to: &out)
        JSONText.appendString(account.status.rawValue, to: &out)
        JSONText.appendRaw(",\"posts\":", to: &out)
        OutputNumber.appendInteger(account.posts, to: &out)
        JSONText.appendRaw(",\"undated_posts\":", to: &out)
        OutputNumber.appendInteger(account.undatedPosts, to: &out)
        JSONText.appendRaw(",\"buckets\":[", to: &out)
        for position in 0..<account.activeBucketCount {
            let bucket = account.bucket(at: position)
            if position > 0 { out.append(0x2C) }
            JSONText.appendRaw("{\"index\":", to: &out)
            OutputNumber.appendInteger(bucket.index, to: &out)
            JSONText.appendRaw(",\"time\":\"", to: &out)
            OutputNumber.appendTime(set.time(ofBucket: bucket.index), to: &out)
            JSONText.appendRaw("\",\"posts\":", to: &out)
            OutputNumber.appendInteger(bucket.posts, to: &out)
            JSONText.appendRaw(",\"stances\":", to: &out)
            appendMap(categories, bucket.counts.map(Double.init), to: &out)
            JSONText.appendRaw(",\"probabilities\":", to: &out)
            appendMap(set.stances, bucket.meanProbabilities, to: &out)
            out.append(0x7D)
        }
        JSONText.appendRaw("],\"segments\":[", to: &out)
        for (index, segment) in account.segments.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendRaw("{\"start\":\"", to: &out)
            OutputNumber.appendTime(set.time(ofBucket: segment.startBucket), to: &out)
            JSONText.appendRaw("\",\"end\":\"", to: &out)
            OutputNumber.appendTime(set.time(ofBucket: segment.endBucket + 1), to: &out)
            JSONText.appendRaw("\",\"start_index\":", to: &out)
            OutputNumber.appendInteger(segment.startBucket, to: &out)
            JSONText.appendRaw(",\"end_index\":", to: &out)
            OutputNumber.appendInteger(segment.endBucket, to: &out)
            JSONText.appendRaw(",\"posts\":", to: &out)
            OutputNumber.appendInteger(segment.posts, to: &out)
            JSONText.appendRaw(",\"dominant\":", to: &out)
            JSONText.appendString(segment.dominant, to: &out)
            JSONText.appendRaw(",\"mix\":", to: &out)
            appendMap(categories, segment.mix, to: &out)
            out.append(0x7D)
        }
        JSONText.appendRaw("],\"switches\":[", to: &out)
        for (index, change) in account.switches.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendSwitchFields(change, set: set, to: &out)
            out.append(0x7D)
        }
        JSONText.appendRaw("]}\n", to: &out)
    }

    /// One line per switch of `account`, with the stance mixes on either side.
    static func appendSwitches(of account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
        for (change, before, after) in account.switchesWithSegments() {
            JSONText.appendRaw("{\"account_id\":", to: &out)
            JSONText.appendString(account.account.id, to: &out)
            JSONText.appendRaw(",\"account\":", to: &out)
            JSONText.appendString(account.account.handle, to: &out)
            out.append(0x2C)
            appendSwitchFields(change, set: set, opened: false, to: &out)
            JSONText.appendRaw(",\"before_posts\":", to: &out)
            OutputNumber.appendInteger(before.posts, to: &out)
            JSONText.appendRaw(",\"after_posts\":", to: &out)
            OutputNumber.appendInteger(after.posts, to: &out)
            JSONText.appendRaw(",\"before\":", to: &out)
            appendMap(set.categories, before.mix, to: &out)
            JSONText.appendRaw(",\"after\":", to: &out)
            appendMap(set.categories, after.mix, to: &out)
            JSONText.appendRaw("}\n", to: &out)
        }
    }

    /// One line per bucket: active accounts, switches into each category, bursts.
    static func appendPopulation(_ population: PopulationSwitches, to out: inout [UInt8]) {
        var bursts = population.bursts[...]
        for bucket in 0..<population.bucketCount {
            JSONText.appendRaw("{\"bucket_index\":", to: &out)
            OutputNumber.appendInteger(bucket, to: &out)
            JSONText.appendRaw(",\"time\":\"", to: &out)
            OutputNumber.appendTime(population.origin + Int64(bucket) * population.bucketSeconds, to: &out)
            JSONText.appendRaw("\",\"active_accounts\":", to: &out)
            OutputNumber.appendInteger(population.activeAccounts[bucket], to: &out)
            JSONText.appendRaw(",\"switches_into\":", to: &out)
            appendMap(population.categories, population.switchesInto.map { Double($0[bucket]) }, to: &out)
            JSONText.appendRaw(",\"bursts\":[", to: &out)
            var first = true
            while let burst = bursts.first, burst.bucketIndex == bucket {
                bursts = bursts.dropFirst()
                if !first { out.append(0x2C) }
                first = false
                JSONText.appendRaw("{\"stance\":", to: &out)
                JSONText.appendString(burst.stance, to: &out)
                JSONText.appendRaw(",\"switches\":", to: &out)
                OutputNumber.appendInteger(burst.switches, to: &out)
                JSONText.appendRaw(",\"baseline\":", to: &out)
                OutputNumber.append(burst.baseline, to: &out)
                JSONText.appendRaw(",\"z\":", to: &out)
                OutputNumber.append(burst.z, to: &out)
                JSONText.appendRaw(",\"accounts\":", to: &out)
                JSONText.appendStrings(burst.accountIDs, to: &out)
                out.append(0x7D)
            }
            JSONText.appendRaw("]}\n", to: &out)
        }
    }

    /// The fields of a switch (time, indices, stances, confidence), opening the object if asked.
    private static func appendSwitchFields(_ change: StanceSwitch, set: TimelineSet, opened: Bool = true, to out: inout [UInt8]) {
        JSONText.appendRaw(opened ? "{\"time\":\"" : "\"time\":\"", to: &out)
        OutputNumber.appendTime(change.time, to: &out)
        JSONText.appendRaw("\",\"bucket_index\":", to: &out)
        OutputNumber.appendInteger(change.bucketIndex, to: &out)
        JSONText.appendRaw(",\"earliest_time\":\"", to: &out)
        OutputNumber.appendTime(set.time(ofBucket: change.earliestBucketIndex), to: &out)
        JSONText.appendRaw("\",\"earliest_bucket_index\":", to: &out)
        OutputNumber.appendInteger(change.earliestBucketIndex, to: &out)
        JSONText.appendRaw(",\"from\":", to: &out)
        JSONText.appendString(change.from, to: &out)
        JSONText.appendRaw(",\"to\":", to: &out)
        JSONText.appendString(change.to, to: &out)
        JSONText.appendRaw(",\"confidence\":", to: &out)
        OutputNumber.append(change.confidence, to: &out)
        JSONText.appendRaw(",\"likelihood_ratio\":", to: &out)
        OutputNumber.append(change.likelihoodRatio, to: &out)
    }

    /// `{"name":value,...}` with values rounded to 4 decimals.
    private static func appendMap(_ names: [String], _ values: [Double], to out: inout [UInt8]) {
        out.append(0x7B)
        for (index, name) in names.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendString(name, to: &out)
            out.append(0x3A)
            OutputNumber.append(index < values.count ? values[index] : 0, to: &out)
        }
        out.append(0x7D)
    }
}
