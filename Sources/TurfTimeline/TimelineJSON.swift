import TurfIO

/// The JSON lines of `timelines.jsonl`, `switches.jsonl` and `population.jsonl`
/// (docs/timelines.md lists every field).
///
/// Bucket times and quoted stance keys are rendered once per set, because a million accounts
/// with 90 buckets each make 90 million bucket objects.
struct TimelineJSON {
    /// `"YYYY-MM-DDTHH:MM:SSZ"` (quoted) of buckets `0...bucketCount`.
    private let times: [[UInt8]]
    /// `"name":` of each category.
    private let categoryKeys: [[UInt8]]
    /// `"name":` of each stance.
    private let stanceKeys: [[UInt8]]

    /// Renders the tables of `set`.
    init(_ set: TimelineSet) {
        times = (0...set.bucketCount).map { index in
            var out: [UInt8] = [0x22]
            OutputNumber.appendTime(set.time(ofBucket: index), to: &out)
            out.append(0x22)
            return out
        }
        func key(_ name: String) -> [UInt8] {
            var out: [UInt8] = []
            JSONText.appendString(name, to: &out)
            out.append(0x3A)
            return out
        }
        categoryKeys = set.categories.map(key)
        stanceKeys = set.stances.map(key)
    }

    /// One account's line: status, counts, buckets with posts, segments and switches.
    func appendTimeline(_ account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
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
        let layout = RowLayout(stanceCount: account.stanceCount)
        account.cells.withUnsafeBufferPointer { cells in
            for position in 0..<account.activeBucketCount {
                let base = position * layout.width
                let index = Int(layout.bucket(cells, base)) + account.bucketShift
                let posts = Int(cells[base + 2])
                if position > 0 { out.append(0x2C) }
                JSONText.appendRaw("{\"index\":", to: &out)
                OutputNumber.appendInteger(index, to: &out)
                JSONText.appendRaw(",\"time\":", to: &out)
                out.append(contentsOf: times[index])
                JSONText.appendRaw(",\"posts\":", to: &out)
                OutputNumber.appendInteger(posts, to: &out)
                JSONText.appendRaw(",\"stances\":{", to: &out)
                for category in categoryKeys.indices {
                    if category > 0 { out.append(0x2C) }
                    out.append(contentsOf: categoryKeys[category])
                    OutputNumber.appendInteger(Int(cells[base + layout.countsOffset + category]), to: &out)
                }
                JSONText.appendRaw("},\"probabilities\":{", to: &out)
                for stance in stanceKeys.indices {
                    if stance > 0 { out.append(0x2C) }
                    out.append(contentsOf: stanceKeys[stance])
                    let offset = base + layout.sumsOffset + 2 * stance
                    let sum = Float(bitPattern: UInt32(cells[offset]) | UInt32(cells[offset + 1]) << 16)
                    OutputNumber.append(Double(sum) / Double(max(posts, 1)), to: &out)
                }
                JSONText.appendRaw("}}", to: &out)
            }
        }
        JSONText.appendRaw("],\"segments\":[", to: &out)
        for (index, segment) in account.segments.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONText.appendRaw("{\"start\":", to: &out)
            out.append(contentsOf: times[segment.startBucket])
            JSONText.appendRaw(",\"end\":", to: &out)
            out.append(contentsOf: times[segment.endBucket + 1])
            JSONText.appendRaw(",\"start_index\":", to: &out)
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
    func appendSwitches(of account: AccountTimeline, set: TimelineSet, to out: inout [UInt8]) {
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
    func appendPopulation(_ population: PopulationSwitches, to out: inout [UInt8]) {
        var bursts = population.bursts[...]
        for bucket in 0..<population.bucketCount {
            JSONText.appendRaw("{\"bucket_index\":", to: &out)
            OutputNumber.appendInteger(bucket, to: &out)
            JSONText.appendRaw(",\"time\":", to: &out)
            out.append(contentsOf: times[bucket])
            JSONText.appendRaw(",\"active_accounts\":", to: &out)
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
    private func appendSwitchFields(_ change: StanceSwitch, set: TimelineSet, opened: Bool = true, to out: inout [UInt8]) {
        JSONText.appendRaw(opened ? "{\"time\":" : "\"time\":", to: &out)
        out.append(contentsOf: times[change.bucketIndex])
        JSONText.appendRaw(",\"bucket_index\":", to: &out)
        OutputNumber.appendInteger(change.bucketIndex, to: &out)
        JSONText.appendRaw(",\"earliest_time\":", to: &out)
        out.append(contentsOf: times[change.earliestBucketIndex])
        JSONText.appendRaw(",\"earliest_bucket_index\":", to: &out)
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
    private func appendMap(_ names: [String], _ values: [Double], to out: inout [UInt8]) {
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
