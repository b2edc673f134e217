import Dispatch
import TurfText

/// Labelled feature vectors ready for fitting: a compressed-sparse-row matrix and label ids.
///
/// A set is *multi-class* when every row has exactly one label (the model then picks one label
/// per post with a softmax), otherwise *multi-label* (one binary problem per label).
public struct TrainingSet: Sendable {
    /// The hashed feature space size; every index is below it.
    public let dimension: Int
    /// Label names, sorted, so that the same data always gives the same label order.
    public let labelNames: [String]
    /// Start of each row in `indices`/`values`, plus one final end offset.
    public private(set) var rowStart: [Int]
    /// Column ids of all rows, concatenated.
    public private(set) var indices: [UInt32]
    /// Values of all rows, concatenated.
    public private(set) var values: [Float]
    /// Label ids of each row (ascending, no repeats).
    public private(set) var targets: [[Int]]
    /// Whether every row has exactly one label.
    public let isMultiClass: Bool

    /// Builds a set from vectors and label names per row.
    /// - Throws: `TrainingError.emptyDataSet` without rows, `.singleClass` with fewer than two
    ///   distinct labels when multi-class (a multi-label set needs at least one label).
    public init(vectors: [SparseVector], labels: [[String]], dimension: Int) throws {
        precondition(vectors.count == labels.count, "one label set per vector")
        var rowStart = [0]
        rowStart.reserveCapacity(vectors.count + 1)
        var indices: [UInt32] = []
        var values: [Float] = []
        let total = vectors.reduce(0) { $0 + $1.count }
        indices.reserveCapacity(total)
        values.reserveCapacity(total)
        for vector in vectors {
            indices.append(contentsOf: vector.indices)
            values.append(contentsOf: vector.values)
            rowStart.append(indices.count)
        }
        try self.init(rowStart: rowStart, indices: indices, values: values, labels: labels, dimension: dimension)
    }

    /// Builds a set from rows already in compressed-sparse-row form.
    /// - Throws: as `init(vectors:labels:dimension:)`.
    /// - Complexity: O(rows + labels), besides taking the arrays over.
    init(rowStart: [Int], indices: [UInt32], values: [Float], labels: [[String]], dimension: Int) throws {
        try self.init(rowStart: rowStart, indices: indices, values: values, labels: [BlockLabels(labels[...])], dimension: dimension)
    }

    /// Builds a set from rows in compressed-sparse-row form whose labels were numbered block by
    /// block (in parallel): the blocks' rows, in order, are the set's rows.
    /// - Throws: as `init(vectors:labels:dimension:)`.
    /// - Complexity: O(rows + labels) on all cores, besides taking the arrays over.
    init(rowStart: [Int], indices: [UInt32], values: [Float], labels blocks: [BlockLabels], dimension: Int) throws {
        let rows = blocks.reduce(0) { $0 + $1.single.count }
        precondition(rowStart.count == rows + 1, "one label set per row")
        guard rows > 0 else { throw TrainingError.emptyDataSet }
        var index = LabelIndex()
        for block in blocks { for name in block.names { _ = index.id(of: name) } }
        let names = index.names.sorted()
        let isMultiClass = blocks.allSatisfy(\.isMultiClass)
        if isMultiClass, names.count < 2 { throw TrainingError.singleClass(names.first ?? "") }
        if names.isEmpty { throw TrainingError.singleClass("") }
        // Each block's local ids as positions in the sorted names.
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let sortedID = blocks.map { block in block.names.map { position[$0]! } }
        // One shared array per single-label target: a million rows then cost a million retains.
        let shared = (0..<names.count).map { [$0] }
        var firstRow: [Int] = []
        var start = 0
        for block in blocks {
            firstRow.append(start)
            start += block.single.count
        }
        let starts = firstRow
        targets = [[Int]](unsafeUninitializedCapacity: rows) { buffer, count in
            let target = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: blocks.count) { number in
                let block = blocks[number], ids = sortedID[number]
                let base = target.value.baseAddress! + starts[number]
                var multi = block.multi.makeIterator()
                for (row, local) in block.single.enumerated() {
                    if local >= 0 {
                        (base + row).initialize(to: shared[ids[Int(local)]])
                    } else {
                        let (_, locals) = multi.next()!
                        (base + row).initialize(to: Array(Set(locals.map { ids[$0] })).sorted())
                    }
                }
            }
            count = rows
        }
        self.dimension = dimension
        self.labelNames = names
        self.isMultiClass = isMultiClass
        self.rowStart = rowStart
        self.indices = indices
        self.values = values
    }

    private init(dimension: Int, labelNames: [String], isMultiClass: Bool) {
        self.dimension = dimension
        self.labelNames = labelNames
        self.isMultiClass = isMultiClass
        rowStart = [0]
        indices = []
        values = []
        targets = []
    }

    /// The number of rows.
    public var count: Int { rowStart.count - 1 }

    /// The rows at `rows`, keeping this set's labels and dimension (for cross-validation folds).
    /// - Complexity: O(stored entries of the chosen rows)
    public func subset(_ rows: [Int]) -> TrainingSet {
        var result = TrainingSet(dimension: dimension, labelNames: labelNames, isMultiClass: isMultiClass)
        for row in rows {
            result.indices.append(contentsOf: indices[rowStart[row]..<rowStart[row + 1]])
            result.values.append(contentsOf: values[rowStart[row]..<rowStart[row + 1]])
            result.rowStart.append(result.indices.count)
            result.targets.append(targets[row])
        }
        return result
    }

    /// The feature ids in `range` of every row as a set of their own, numbered from 0, with the
    /// same rows, label names, targets and multi-class flag: a stacked view keeps the parent's
    /// labels even when a cross-validation fold lacks a class.
    /// - Complexity: O(stored entries)
    func columns(_ range: Range<UInt32>) -> TrainingSet {
        var result = TrainingSet(dimension: range.count, labelNames: labelNames, isMultiClass: isMultiClass)
        result.targets = targets
        result.rowStart.reserveCapacity(count + 1)
        for row in 0..<count {
            for position in rowStart[row]..<rowStart[row + 1] where range.contains(indices[position]) {
                result.indices.append(indices[position] - range.lowerBound)
                result.values.append(values[position])
            }
            result.rowStart.append(result.indices.count)
        }
        return result
    }

    /// Row `row` as a sparse vector.
    public func vector(_ row: Int) -> SparseVector {
        SparseVector(indices: Array(indices[rowStart[row]..<rowStart[row + 1]]),
                     values: Array(values[rowStart[row]..<rowStart[row + 1]]))
    }

    /// For each label, whether each row carries it.
    public func binaryTargets(label: Int) -> [Bool] {
        targets.map { $0.contains(label) }
    }

    /// The class of each row; only meaningful when `isMultiClass`.
    public var classes: [Int] { targets.map { $0[0] } }
}

/// Why training could not start or finish.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No labelled examples.
    case emptyDataSet
    /// Only one class present, so there is nothing to tell apart.
    case singleClass(String)
    /// A setting is out of range.
    case invalidSetting(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .emptyDataSet: "the data set is empty: no labelled examples to train on"
        case .singleClass(let name):
            name.isEmpty ? "the data set has no labels to learn" : "the data set has a single class (\(name)): need at least two"
        case .invalidSetting(let message): message
        }
    }
}

/// Label names numbered in order of first appearance. Data sets have a handful of labels, so a
/// short linear scan of small strings finds one faster than hashing it.
private struct LabelIndex {
    private(set) var names: [String] = []
    private var lookup: [String: Int] = [:]

    mutating func id(of label: String) -> Int {
        if names.count <= 16 {
            for (id, name) in names.enumerated() where name == label { return id }
        } else if let id = lookup[label] {
            return id
        }
        names.append(label)
        if names.count > 16 {
            if lookup.isEmpty { for (id, name) in names.enumerated() { lookup[name] = id } }
            lookup[label] = names.count - 1
        }
        return names.count - 1
    }
}

/// The labels of a block of rows numbered in order of first appearance in the block: the part
/// of building a set's targets that each block does on its own core.
struct BlockLabels: Sendable {
    /// The block's label names in order of first appearance.
    private(set) var names: [String] = []
    /// Each row's label id when it has exactly one label, else -1.
    private(set) var single: [Int32] = []
    /// The ids of each row without exactly one label (repeats kept), in row order.
    private(set) var multi: [(row: Int, ids: [Int])] = []
    /// Whether every row has one label (a label repeated counts as one).
    private(set) var isMultiClass = true

    /// Numbers the labels of `rows`.
    /// - Complexity: O(labels); rows with one label (shared arrays) cost no allocation.
    init(_ rows: ArraySlice<[String]>) {
        var index = LabelIndex()
        single.reserveCapacity(rows.count)
        for (row, labels) in rows.enumerated() {
            if labels.count == 1 {
                single.append(Int32(index.id(of: labels[0])))
            } else {
                single.append(-1)
                multi.append((row, labels.map { index.id(of: $0) }))
                if Set(labels).count != 1 { isMultiClass = false }
            }
        }
        names = index.names
    }
}
