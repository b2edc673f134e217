/// A horizontal bar chart of posts per stance, labelled directly, with a count axis.
struct StanceBarChart {
    static let width = 560.0
    private static let rowHeight = 26.0
    private static let labelWidth = 130.0
    private static let right = 70.0

    let stances: [String]
    let counts: [Int]
    let colours: [String]

    /// The SVG element.
    func svg() -> String {
        let height = Double(stances.count) * Self.rowHeight + 34
        let plotWidth = Self.width - Self.labelWidth - Self.right
        let maximum = max(counts.max() ?? 1, 1)
        var out = "<svg class=\"bars\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-label=\"posts per stance\">"
        for (index, stance) in stances.enumerated() {
            let y = 8 + Double(index) * Self.rowHeight
            let barWidth = Double(counts[index]) / Double(maximum) * plotWidth
            out += "<text x=\"\(Int(Self.labelWidth) - 8)\" y=\"\(Markup.coordinate(y + 15))\" class=\"legend\" text-anchor=\"end\">\(Markup.escape(Markup.truncate(stance, 20)))</text>"
            out += "<rect x=\"\(Int(Self.labelWidth))\" y=\"\(Markup.coordinate(y + 3))\" width=\"\(Markup.coordinate(max(barWidth, 1)))\" height=\"16\" fill=\"\(colours[index])\"/>"
            out += "<text x=\"\(Markup.coordinate(Self.labelWidth + max(barWidth, 1) + 6))\" y=\"\(Markup.coordinate(y + 15))\" class=\"tick\">\(counts[index])</text>"
        }
        let axisY = 8 + Double(stances.count) * Self.rowHeight
        out += "<line x1=\"\(Int(Self.labelWidth))\" y1=\"\(Markup.coordinate(axisY))\" x2=\"\(Markup.coordinate(Self.labelWidth + plotWidth))\" y2=\"\(Markup.coordinate(axisY))\" class=\"axis\"/>"
        out += "<text x=\"\(Int(Self.labelWidth))\" y=\"\(Markup.coordinate(axisY + 16))\" class=\"tick\" text-anchor=\"middle\">0</text>"
        out += "<text x=\"\(Markup.coordinate(Self.labelWidth + plotWidth))\" y=\"\(Markup.coordinate(axisY + 16))\" class=\"tick\" text-anchor=\"middle\">\(maximum)</text>"
        out += "<text x=\"\(Markup.coordinate(Self.labelWidth + plotWidth / 2))\" y=\"\(Markup.coordinate(axisY + 16))\" class=\"tick\" text-anchor=\"middle\">posts</text>"
        out += "</svg>"
        return out
    }
}
