/// A sparse feature vector: hashed feature ids in ascending order, each once, with its value.
///
/// The exchange type between feature extraction (`TurfText`) and the models (`TurfModel`).
/// Values are `Float` to halve the memory of large training sets; models accumulate in `Double`.
public struct SparseVector: Hashable, Sendable {
    /// Feature ids, strictly ascending.
    public var indices: [UInt32]
    /// One value per id.
    public var values: [Float]

    /// Creates a vector; `indices` must be strictly ascending and as long as `values`.
    public init(indices: [UInt32] = [], values: [Float] = []) {
        precondition(indices.count == values.count, "indices and values differ in length")
        self.indices = indices
        self.values = values
    }

    /// The number of stored (non-zero) entries.
    public var count: Int { indices.count }

    /// The Euclidean norm.
    /// - Complexity: O(count)
    public var norm: Double {
        var sum = 0.0
        for value in values { sum += Double(value) * Double(value) }
        return sum.squareRoot()
    }

    /// The dot product with a dense weight vector indexed by feature id.
    /// - Complexity: O(count)
    @inlinable
    public func dot(_ dense: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for position in 0..<indices.count {
            sum += Double(values[position]) * dense[Int(indices[position])]
        }
        return sum
    }
}
