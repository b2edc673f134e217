/// Draws the account network: nodes coloured by cluster and sized by score, edges by weight,
/// labels only where they do not overlap another label.
struct NetworkChart {
    static let width = 1180.0
    static let height = 620.0
    private static let margin = 40.0
    private static let legendWidth = 190.0

    let network: NetworkView
    let clusterOrder: [String]

    /// The SVG element.
    func svg() -> String {
        let positions = ForceLayout.packedPositions(nodeCount: network.nodes.count, edges: network.edges)
        let plotWidth = Self.width - 2 * Self.margin - Self.legendWidth
        let plotHeight = Self.height - 2 * Self.margin
        let points = positions.map { (Self.margin + $0.0 * plotWidth, Self.margin + $0.1 * plotHeight) }
        let maximumWeight = network.edges.map(\.weight).max() ?? 1
        let clusterIndex = Dictionary(clusterOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "<svg class=\"network\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"account network\">"
        for edge in network.edges {
            let a = points[edge.a], b = points[edge.b]
            let opacity = Markup.coordinate(0.15 + 0.6 * edge.weight / maximumWeight)
            out += "<line x1=\"\(Markup.coordinate(a.0))\" y1=\"\(Markup.coordinate(a.1))\" x2=\"\(Markup.coordinate(b.0))\" y2=\"\(Markup.coordinate(b.1))\" stroke=\"#7f8c8d\" stroke-opacity=\"\(opacity)\" stroke-width=\"1\"/>"
        }
        var radii: [Double] = []
        for (index, node) in network.nodes.enumerated() {
            let radius = 3 + 7 * min(max(node.score, 0), 1)
            radii.append(radius)
            let colour = clusterIndex[node.cluster].map(Palette.cluster) ?? Palette.none
            let point = points[index]
            out += "<circle cx=\"\(Markup.coordinate(point.0))\" cy=\"\(Markup.coordinate(point.1))\" r=\"\(Markup.coordinate(radius))\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1\"><title>\(Markup.escape(node.label)) · cluster \(Markup.escape(node.cluster)) · score \(Markup.score(node.score))</title></circle>"
        }
        out += labels(points: points, radii: radii)
        out += legend()
        out += "</svg>"
        return out
    }

    /// Node labels, highest score first, skipping any whose box would overlap a placed one.
    private func labels(points: [(Double, Double)], radii: [Double]) -> String {
        var placed: [(Double, Double, Double, Double)] = []
        var out = ""
        let order = network.nodes.indices.sorted { network.nodes[$0].score > network.nodes[$1].score }
        for index in order.prefix(60) {
            let text = Markup.truncate(network.nodes[index].label, 18)
            let width = Double(text.count) * 6.2 + 4
            let x = points[index].0 + radii[index] + 2
            let y = points[index].1 - 6
            let box = (x, y, x + width, y + 12)
            guard box.2 < Self.width - Self.legendWidth else { continue }
            let overlaps = placed.contains { other in
                box.0 < other.2 && other.0 < box.2 && box.1 < other.3 && other.1 < box.3
            }
            let coversNode = points.indices.contains { other in
                other != index && points[other].0 + radii[other] > box.0 && points[other].0 - radii[other] < box.2
                    && points[other].1 + radii[other] > box.1 && points[other].1 - radii[other] < box.3
            }
            if overlaps || coversNode { continue }
            placed.append(box)
            out += "<text x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y + 10))\" class=\"node-label\">\(Markup.escape(text))</text>"
        }
        return out
    }

    private func legend() -> String {
        let x = Self.width - Self.legendWidth + 10
        var out = "<text x=\"\(Markup.coordinate(x))\" y=\"\(Int(Self.margin))\" class=\"legend-title\">Clusters</text>"
        for (index, cluster) in clusterOrder.prefix(12).enumerated() {
            let y = Self.margin + 18 + Double(index) * 20
            out += "<circle cx=\"\(Markup.coordinate(x + 6))\" cy=\"\(Markup.coordinate(y - 4))\" r=\"6\" fill=\"\(Palette.cluster(index))\"/>"
            out += "<text x=\"\(Markup.coordinate(x + 18))\" y=\"\(Markup.coordinate(y))\" class=\"legend\">cluster \(Markup.escape(Markup.truncate(cluster, 16)))</text>"
        }
        let y = Self.margin + 30 + Double(min(clusterOrder.count, 12)) * 20
        out += "<text x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y))\" class=\"legend\">size = account score</text>"
        out += "<text x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y + 18))\" class=\"legend\">line = co-action weight</text>"
        return out
    }
}
