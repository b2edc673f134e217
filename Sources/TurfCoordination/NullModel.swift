/// What two independent accounts would share by chance, given how active each is.
///
/// Configuration-model expectation per signal: if every account's items were drawn by
/// popularity and its times from each item's own timing, pair (a, b) would be expected to
/// co-act `d_a × d_b × 2C / E²` times with weight `d_a × d_b × 2W / E²`, where `d` is an
/// account's number of distinct items, `E` the sum of all `d`, and `C` and `W` the count and
/// weight of all co-actions observed (the expectations over all pairs add up to the observed
/// totals). Heavy users thus need proportionally more shared items, and signals full of chance
/// co-actions (a live event, a viral cascade) raise everybody's expectation.
struct NullModel: Sendable {
    private let activity: [[Int32]]
    private let weightFactor: [Double]
    private let countFactor: [Double]

    /// The model of `indexes` with the co-action totals of pass 1.
    init(indexes: [SignalIndex], totalWeight: [Double], totalCount: [Double]) {
        activity = indexes.map(\.activity)
        weightFactor = indexes.map { index in
            let incidences = Double(max(1, index.incidences))
            return 2 * totalWeight[index.signal.rawValue] / (incidences * incidences)
        }
        countFactor = indexes.map { index in
            let incidences = Double(max(1, index.incidences))
            return 2 * totalCount[index.signal.rawValue] / (incidences * incidences)
        }
    }

    /// Expected weight and expected co-action count of the pair `a`, `b`.
    func expectation(_ a: Int, _ b: Int) -> (weight: Double, count: Double) {
        var weight = 0.0
        var count = 0.0
        for index in 0..<activity.count {
            let product = Double(activity[index][a]) * Double(activity[index][b])
            weight += product * weightFactor[index]
            count += product * countFactor[index]
        }
        return (weight, count)
    }
}
