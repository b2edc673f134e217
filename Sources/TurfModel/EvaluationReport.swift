/// Precision, recall, F1 and support of one label.
public struct LabelMetrics: Codable, Equatable, Sendable {
    /// The label's name.
    public var label: String
    /// TP / (TP + FP); 0 when nothing was predicted.
    public var precision: Double
    /// TP / (TP + FN); 0 when the label never occurs.
    public var recall: Double
    /// Harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double
    /// How many examples carry the label.
    public var support: Int
    /// How many examples were given the label.
    public var predicted: Int
}

/// The quality of predicted labels against gold labels.
///
/// `fAvg` is the SemEval-2016 stance metric, (F1(FAVOR) + F1(AGAINST)) / 2, present when the
/// model has labels named FAVOR and AGAINST (any case).
public struct EvaluationReport: Codable, Equatable, Sendable {
    /// Number of examples.
    public var examples: Int
    /// Whether exactly one label was predicted and expected per example.
    public var multiClass: Bool
    /// Per-label figures, in the model's label order.
    public var labels: [LabelMetrics]
    /// Mean of the per-label F1 scores.
    public var macroF1: Double
    /// F1 over all label decisions pooled (equal to accuracy for multi-class).
    public var microF1: Double
    /// Share of examples whose predicted label set equals the gold set.
    public var exactMatch: Double
    /// The stance metric, when FAVOR and AGAINST exist.
    public var fAvg: Double?
    /// Multi-class only: `confusion[gold][predicted]` counts, in label order.
    public var confusion: [[Int]]?

    /// Scores `predicted` against `gold` label ids (each a list per example).
    /// - Complexity: O(examples × labels)
    public init(gold: [[Int]], predicted: [[Int]], labelNames: [String], multiClass: Bool) {
        precondition(gold.count == predicted.count, "one prediction per example")
        let count = labelNames.count
        var truePositive = [Int](repeating: 0, count: count)
        var support = [Int](repeating: 0, count: count)
        var predictedCount = [Int](repeating: 0, count: count)
        var exact = 0
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for (goldSet, predictedSet) in zip(gold, predicted) {
            for label in goldSet { support[label] += 1 }
            for label in predictedSet {
                predictedCount[label] += 1
                if goldSet.contains(label) { truePositive[label] += 1 }
            }
            if Set(goldSet) == Set(predictedSet) { exact += 1 }
            if multiClass, let goldLabel = goldSet.first, let predictedLabel = predictedSet.first {
                confusion[goldLabel][predictedLabel] += 1
            }
        }
        labels = (0..<count).map { label in
            let precision = predictedCount[label] > 0 ? Double(truePositive[label]) / Double(predictedCount[label]) : 0
            let recall = support[label] > 0 ? Double(truePositive[label]) / Double(support[label]) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return LabelMetrics(label: labelNames[label], precision: precision, recall: recall, f1: f1,
                                support: support[label], predicted: predictedCount[label])
        }
        examples = gold.count
        self.multiClass = multiClass
        macroF1 = count > 0 ? labels.map(\.f1).reduce(0, +) / Double(count) : 0
        let allTrue = truePositive.reduce(0, +)
        let allPredicted = predictedCount.reduce(0, +)
        let allSupport = support.reduce(0, +)
        microF1 = allPredicted + allSupport > 0 ? 2 * Double(allTrue) / Double(allPredicted + allSupport) : 0
        exactMatch = gold.isEmpty ? 0 : Double(exact) / Double(gold.count)
        self.confusion = multiClass ? confusion : nil
        let favor = labels.first { $0.label.lowercased() == "favor" }
        let against = labels.first { $0.label.lowercased() == "against" }
        if let favor, let against { fAvg = (favor.f1 + against.f1) / 2 } else { fAvg = nil }
    }

    /// The figure model selection maximises: F_avg for stance data, else macro F1.
    public var selectionScore: Double { fAvg ?? macroF1 }

    /// A plain-text table for people: per-label figures in percent, then the summary.
    public var text: String {
        let width = max(8, labels.map(\.label.count).max() ?? 0)
        func pad(_ text: String, _ size: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, size - text.count))
            return left ? text + fill : fill + text
        }
        func percent(_ value: Double) -> String {
            let scaled = (value * 10_000).rounded() / 100
            let whole = Int(scaled)
            let fraction = Int(((scaled - Double(whole)) * 100).rounded())
            return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
        }
        var lines = [pad("label", width, left: true) + "  " + ["P%", "R%", "F1%", "support", "predicted"].map { pad($0, 10) }.joined()]
        for metric in labels {
            lines.append(pad(metric.label, width, left: true) + "  "
                + [percent(metric.precision), percent(metric.recall), percent(metric.f1), String(metric.support), String(metric.predicted)]
                .map { pad($0, 10) }.joined())
        }
        lines.append("examples \(examples)  macro-F1 \(percent(macroF1))  micro-F1 \(percent(microF1))  exact-match \(percent(exactMatch))")
        if let fAvg { lines.append("F_avg (FAVOR, AGAINST) \(percent(fAvg))") }
        if let confusion {
            lines.append("confusion (rows gold, columns predicted):")
            lines.append(pad("", width) + "  " + labels.map { pad($0.label, max(9, $0.label.count + 1)) }.joined())
            for (row, counts) in confusion.enumerated() {
                lines.append(pad(labels[row].label, width, left: true) + "  "
                    + counts.enumerated().map { pad(String($0.element), max(9, labels[$0.offset].label.count + 1)) }.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
