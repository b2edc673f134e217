/// The near-duplicate rule TrainingData must satisfy: no two examples whose lower-cased word sets
/// have Jaccard similarity of 0.8 or more. It mirrors `scripts/data/trainingdata.py` exactly.
enum WordSets {
    /// The similarity at or above which two examples count as near-duplicates.
    static let limit = 0.8

    /// The set of words in `text`: after lower-casing, maximal runs of Unicode scalars whose general
    /// category is a letter or a number, or an underscore.
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.insert(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.insert(String(current)) }
        return words
    }

    /// Jaccard similarity |a ∩ b| / |a ∪ b|; two empty sets are identical (1).
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Every index pair `(i, j)`, `i < j`, whose word sets are near-duplicates.
    ///
    /// An inverted index from word to the examples holding it counts shared words only for pairs
    /// that share at least one, instead of comparing all pairs.
    /// - Complexity: O(Σ over words of (examples holding the word)²).
    static func nearDuplicatePairs(_ sets: [Set<String>]) -> [(Int, Int)] {
        var postings: [String: [Int]] = [:]
        var shared = [Int](repeating: 0, count: sets.count)
        var pairs: [(Int, Int)] = []
        var emptySeen: [Int] = []
        for (j, set) in sets.enumerated() {
            var touched: [Int] = []
            for word in set {
                for i in postings[word, default: []] {
                    if shared[i] == 0 { touched.append(i) }
                    shared[i] += 1
                }
            }
            for i in touched.sorted() {
                let union = sets[i].count + set.count - shared[i]
                if Double(shared[i]) / Double(union) >= limit { pairs.append((i, j)) }
                shared[i] = 0
            }
            if set.isEmpty {
                pairs += emptySeen.map { ($0, j) }
                emptySeen.append(j)
            }
            for word in set { postings[word, default: []].append(j) }
        }
        return pairs
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
