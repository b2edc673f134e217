/// Draws one account's stance series as stacked bars per bucket, with switches marked.
///
/// Every chart of a card shares one time axis (`domain`) so a reader can compare when the
/// members switched at a glance.
struct TimelineChart {
    /// Chart size in pixels.
    static let width = 360.0
    static let height = 130.0
    private static let left = 34.0
    private static let right = 8.0
    private static let top = 20.0
    private static let bottom = 22.0

    let series: AccountSeries
    let stanceColours: [String]
    let domain: ClosedRange<Int64>
    let bucketSeconds: Int64

    /// The SVG element.
    func svg() -> String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let span = Double(max(domain.upperBound - domain.lowerBound + bucketSeconds, 1))
        func x(_ time: Int64) -> Double { Self.left + Double(time - domain.lowerBound) / span * plotWidth }
        let totals = series.bucketStarts.indices.map { bucket in series.counts.reduce(0) { $0 + $1[bucket] } }
        let maximum = max(totals.max() ?? 1, 1)
        let barWidth = max(Double(bucketSeconds) / span * plotWidth - 0.5, 0.8)
        let title = series.handle.isEmpty ? series.accountID : "@" + series.handle
        var out = "<svg class=\"timeline\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"stance timeline of \(Markup.escape(title))\">"
        out += "<text x=\"\(Int(Self.left))\" y=\"13\" class=\"chart-title\">\(Markup.escape(Markup.truncate(title, 40)))</text>"
        for (bucket, start) in series.bucketStarts.enumerated() where totals[bucket] > 0 {
            var y = Self.top + plotHeight
            for (row, counts) in series.counts.enumerated() where counts[bucket] > 0 {
                let h = Double(counts[bucket]) / Double(maximum) * plotHeight
                y -= h
                let colour = row < stanceColours.count ? stanceColours[row] : Palette.none
                out += "<rect x=\"\(Markup.coordinate(x(start)))\" y=\"\(Markup.coordinate(y))\" width=\"\(Markup.coordinate(barWidth))\" height=\"\(Markup.coordinate(h))\" fill=\"\(colour)\"/>"
            }
        }
        for mark in series.switches where domain.contains(mark.time) {
            let position = Markup.coordinate(x(mark.time))
            out += "<line x1=\"\(position)\" y1=\"\(Int(Self.top) - 2)\" x2=\"\(position)\" y2=\"\(Markup.coordinate(Self.top + plotHeight))\" class=\"switch\"><title>switch \(Markup.escape(mark.from)) → \(Markup.escape(mark.to)) at \(Markup.minute(mark.time))</title></line>"
        }
        let axisY = Markup.coordinate(Self.top + plotHeight)
        out += "<line x1=\"\(Int(Self.left))\" y1=\"\(axisY)\" x2=\"\(Markup.coordinate(Self.width - Self.right))\" y2=\"\(axisY)\" class=\"axis\"/>"
        out += "<line x1=\"\(Int(Self.left))\" y1=\"\(Int(Self.top))\" x2=\"\(Int(Self.left))\" y2=\"\(axisY)\" class=\"axis\"/>"
        out += "<text x=\"\(Int(Self.left) - 4)\" y=\"\(Int(Self.top) + 4)\" class=\"tick\" text-anchor=\"end\">\(maximum)</text>"
        out += "<text x=\"\(Int(Self.left) - 4)\" y=\"\(axisY)\" class=\"tick\" text-anchor=\"end\">0</text>"
        let ticks = [domain.lowerBound, domain.lowerBound + (domain.upperBound - domain.lowerBound) / 2, domain.upperBound]
        for (index, tick) in ticks.enumerated() {
            let anchor = index == 0 ? "start" : index == 1 ? "middle" : "end"
            let tickX = index == 2 ? Self.width - Self.right : x(tick)
            out += "<text x=\"\(Markup.coordinate(tickX))\" y=\"\(Markup.coordinate(Self.height - 6))\" class=\"tick\" text-anchor=\"\(anchor)\">\(Markup.day(tick))</text>"
        }
        out += "</svg>"
        return out
    }
}
