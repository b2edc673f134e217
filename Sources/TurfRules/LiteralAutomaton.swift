/// An Aho–Corasick automaton over bytes: finds every occurrence of many literals in one pass.
///
/// Built once as a full transition table (a DFA) over byte classes: bytes that occur in no
/// literal share one class, so the table has one row a state and one column a distinct byte.
struct LiteralAutomaton: Sendable {
    /// The class of each byte value.
    private let classOf: [UInt8]
    /// Columns in the table.
    private let classCount: Int
    /// `transitions[state * classCount + class]`: the next state.
    private let transitions: [Int32]
    /// `outputs[outputStart[s]..<outputStart[s + 1]]`: the literals that end at state `s`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// The number of states, for the documentation of its size.
    var stateCount: Int { outputStart.count - 1 }

    /// Builds the automaton for `literals` (non-empty byte strings).
    /// - Complexity: O(total literal bytes × distinct bytes) time and memory.
    init(literals: [[UInt8]]) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for literal in literals {
            for byte in literal where classOf[Int(byte)] == 0 {
                classOf[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        var table = [Int32](repeating: -1, count: classCount)
        var ownOutputs: [[Int32]] = [[]]
        for (literalIndex, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let slot = state * classCount + Int(classOf[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(ownOutputs.count)
                    ownOutputs.append([])
                    table.append(contentsOf: repeatElement(-1, count: classCount))
                }
                state = Int(table[slot])
            }
            ownOutputs[state].append(Int32(literalIndex))
        }
        let stateCount = ownOutputs.count
        var fail = [Int](repeating: 0, count: stateCount)
        var allOutputs = ownOutputs
        var queue: [Int] = []
        for column in 0..<classCount {
            let target = table[column]
            if target < 0 {
                table[column] = 0
            } else {
                queue.append(Int(target))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for column in 0..<classCount {
                let slot = state * classCount + column
                let target = table[slot]
                let fallback = table[fail[state] * classCount + column]
                if target < 0 {
                    table[slot] = fallback
                } else {
                    fail[Int(target)] = Int(fallback)
                    allOutputs[Int(target)] += allOutputs[Int(fallback)]
                    queue.append(Int(target))
                }
            }
        }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for list in allOutputs {
            outputs += list
            outputStart.append(Int32(outputs.count))
        }
        self.classOf = classOf
        self.classCount = classCount
        self.transitions = table
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// Calls `found` with the index of each literal occurring in `bytes`, once per occurrence.
    /// - Complexity: O(n) in the byte count plus the occurrences reported.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
        scan(folding: false, bytes, found)
    }

    /// Like `scan`, but folds `bytes` (valid UTF-8) with `CaseFold` on the way, in the same pass.
    func scanFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
        scan(folding: true, bytes, found)
    }

    @inline(__always)
    private func scan(folding: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
        classOf.withUnsafeBufferPointer { classOf in
            transitions.withUnsafeBufferPointer { transitions in
                outputStart.withUnsafeBufferPointer { outputStart in
                    var state = 0
                    let columns = classCount
                    @inline(__always) func step(_ byte: UInt8) {
                        state = Int(transitions[state &* columns &+ Int(classOf[Int(byte)])])
                        let first = Int(outputStart[state])
                        let last = Int(outputStart[state &+ 1])
                        if first != last {
                            for index in first..<last { found(Int(outputs[index])) }
                        }
                    }
                    if folding {
                        CaseFold.forEachFoldedByte(bytes, step)
                    } else {
                        for byte in bytes { step(byte) }
                    }
                }
            }
        }
    }
}
