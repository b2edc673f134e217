/// A training matrix renumbered onto the features that actually occur, most frequent first.
///
/// Hashed spaces have up to millions of columns, most never seen in a given data set. An
/// unseen feature has zero gradient apart from the L2 term, so its optimal weight is exactly 0;
/// solving over the seen columns only gives the same optimum with vectors a fraction the size.
/// Numbering the columns by descending frequency packs the weights that nearly every row reads
/// (text features are Zipfian) into a few cache lines, which halves the cost of a gradient pass
/// over a million posts compared with hash order.
struct CompactMatrix: Sendable {
    /// Start of each row, plus one final end offset.
    let rowStart: [Int]
    /// Compact column ids.
    let columns: [Int32]
    /// Values, as stored in the training set (widened to `Double` where used).
    let values: [Float]
    /// Original feature id of each compact column.
    let originalFeature: [UInt32]

    /// The number of rows.
    var rows: Int { rowStart.count - 1 }
    /// The number of compact columns.
    var width: Int { originalFeature.count }

    /// Renumbers `set`'s columns by descending number of rows they occur in (ties by feature id,
    /// so the numbering is deterministic).
    /// - Complexity: O(stored entries + dimension + width log width)
    init(_ set: TrainingSet) {
        var occurrences = [Int32](repeating: 0, count: set.dimension)
        for feature in set.indices { occurrences[Int(feature)] += 1 }
        var original: [UInt32] = []
        for feature in 0..<set.dimension where occurrences[feature] > 0 { original.append(UInt32(feature)) }
        original.sort { occurrences[Int($0)] != occurrences[Int($1)] ? occurrences[Int($0)] > occurrences[Int($1)] : $0 < $1 }
        var compactOf = [Int32](repeating: -1, count: set.dimension)
        for (column, feature) in original.enumerated() { compactOf[Int(feature)] = Int32(column) }
        originalFeature = original
        columns = set.indices.map { compactOf[Int($0)] }
        values = set.values
        rowStart = set.rowStart
    }
}
