/// A training matrix renumbered onto the features that actually occur.
///
/// Hashed spaces have up to millions of columns, most never seen in a given data set. An
/// unseen feature has zero gradient apart from the L2 term, so its optimal weight is exactly 0;
/// solving over the seen columns only gives the same optimum with vectors a fraction the size.
struct CompactMatrix: Sendable {
    /// Start of each row, plus one final end offset.
    let rowStart: [Int]
    /// Compact column ids.
    let columns: [Int32]
    /// Values, widened once to `Double`.
    let values: [Double]
    /// Original feature id of each compact column (ascending).
    let originalFeature: [UInt32]

    /// The number of rows.
    var rows: Int { rowStart.count - 1 }
    /// The number of compact columns.
    var width: Int { originalFeature.count }

    /// Renumbers `set`'s columns.
    /// - Complexity: O(stored entries + dimension)
    init(_ set: TrainingSet) {
        var compactOf = [Int32](repeating: -1, count: set.dimension)
        for feature in set.indices { compactOf[Int(feature)] = 0 }
        var original: [UInt32] = []
        for feature in 0..<set.dimension where compactOf[feature] == 0 {
            compactOf[feature] = Int32(original.count)
            original.append(UInt32(feature))
        }
        originalFeature = original
        columns = set.indices.map { compactOf[Int($0)] }
        values = set.values.map(Double.init)
        rowStart = set.rowStart
    }
}
