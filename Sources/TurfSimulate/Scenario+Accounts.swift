import TurfCore

/// Who the accounts are: handles, names, ids, and what they pick to retweet.
extension Scenario {
    /// The handle of account `index`.
    func handle(_ index: Int) -> String {
        if let info = broadcasterNames[index] { return info.handle }
        let h = SplitMix64.mix(UInt64(index) ^ 0x5EED)
        let first = Vocabulary.firstNames[Int(h % UInt64(Vocabulary.firstNames.count))]
        let last = Vocabulary.lastNames[Int((h >> 16) % UInt64(Vocabulary.lastNames.count))]
        let separator = (h >> 32) % 3 == 0 ? "_" : ""
        return first + separator + last + String(index, radix: 36)
    }

    /// The display name of account `index`.
    func displayName(_ index: Int) -> String {
        if let info = broadcasterNames[index] { return info.name }
        let h = SplitMix64.mix(UInt64(index) ^ 0x5EED)
        let first = Vocabulary.firstNames[Int(h % UInt64(Vocabulary.firstNames.count))]
        let last = Vocabulary.lastNames[Int((h >> 16) % UInt64(Vocabulary.lastNames.count))]
        return first.capitalizedWord + " " + last.capitalizedWord
    }

    /// The numeric account id of account `index` (unique: the index times ten plus a digit).
    func accountID(_ index: Int) -> UInt64 {
        100_000_000 + UInt64(index) * 10 + SplitMix64.mix(UInt64(index)) % 10
    }

    /// A broadcaster post picked by popularity.
    func popularPost(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * (poolCumulative.last ?? 0)
        var low = 0
        var high = poolCumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if poolCumulative[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return pool[low]
    }
}
