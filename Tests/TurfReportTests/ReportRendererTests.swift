import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TurfReport

@Suite struct ReportRendererTests {
    static let day: Int64 = 86_400
    static let start: Int64 = 1_483_228_800  // 2017-01-01

    static func series(_ id: String, switchDay: Int) -> AccountSeries {
        let days = 0..<40
        let before = days.map { $0 < switchDay ? 2 : 0 }
        let after = days.map { $0 >= switchDay ? 3 : 0 }
        return AccountSeries(
            accountID: id, handle: "user_\(id)",
            bucketStarts: days.map { start + Int64($0) * day },
            counts: [before, [Int](repeating: 0, count: 40), after, days.map { $0 % 5 == 0 ? 1 : 0 }],
            switches: [SwitchMark(time: start + Int64(switchDay) * day, from: "pro_kremlin", to: "anti_candidate")]
        )
    }

    static func sampleInput(nodes: Int = 30) -> ReportInput {
        let members = (0..<14).map { MemberRow(accountID: "\($0)", handle: "user_\($0)", score: 1 - Double($0) / 20, posts: 40 + $0) }
        let card = ClusterCard(
            id: "1", score: 0.93, members: members, dominantStances: ["pro_kremlin", "anti_candidate"],
            sharedHashtags: [ReportItem(label: "#DontVoteNuttall", count: 120)],
            sharedTexts: [ReportItem(label: "Nuttall <script>alert(1)</script> lied", count: 33)],
            sharedURLs: [ReportItem(label: "example.org/nuttall", count: 12)],
            sharedMemes: [], switchTime: start + 30 * day,
            signals: [ReportItem(label: "co-retweet", count: 41)],
            timelines: (0..<8).map { series("\($0)", switchDay: 29 + $0 % 3) }
        )
        let networkNodes = (0..<nodes).map { NetworkView.Node(id: "\($0)", label: "account_number_\($0)", cluster: $0 < nodes / 2 ? "1" : "2", score: Double($0 % 10) / 10) }
        let edges = (0..<nodes).flatMap { a in ((a + 1)..<min(a + 4, nodes)).map { NetworkView.Edge(a: a, b: $0, weight: Double($0 - a)) } }
        return ReportInput(
            title: "turfwatch report & test", generatedAt: start + 50 * day,
            summary: ReportSummary(posts: 1000, accounts: 200, skipped: 2, timeRange: start...(start + 40 * day), postsPerStance: [400, 300, 250], switchedAccounts: 30, flaggedAccounts: 14),
            stances: ["pro_kremlin", "anti_ukraine", "anti_candidate"],
            clusters: [card], network: NetworkView(nodes: networkNodes, edges: edges),
            topClaims: [StanceClaims(stance: "anti_candidate", claims: [ReportItem(label: "Don't vote Nuttall", count: 90)])],
            reproduce: ["turfwatch analyze posts.jsonl --out report"]
        )
    }

    /// Every `<svg>…</svg>` fragment of a page.
    static func svgFragments(_ html: String) -> [String] {
        var fragments: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<svg"), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
            fragments.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return fragments
    }

    @Test func pageHasEverySectionAndNoExternalResource() {
        let html = ReportRenderer.html(Self.sampleInput())
        for anchor in ["id=\"summary\"", "id=\"clusters\"", "id=\"network\"", "id=\"claims\"", "id=\"reproduce\"", "id=\"method\""] {
            #expect(html.contains(anchor), "missing \(anchor)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("turfwatch report &amp; test"))
        #expect(html.contains("and 2 more (see accounts.csv)"))
        #expect(html.contains("switched around 2017-01-31 00:00 UTC"))
    }

    @Test func everyChartIsWellFormedSVG() throws {
        let fragments = Self.svgFragments(ReportRenderer.html(Self.sampleInput()))
        // one bar chart, six timelines (the card's cap), one network
        #expect(fragments.count == 8)
        for fragment in fragments {
            let parser = XMLParser(data: Data(fragment.utf8))
            #expect(parser.parse(), "bad SVG: \(fragment.prefix(120))")
        }
    }

    @Test func timelineChartsHaveAxesTicksAndSwitchMarks() {
        let svg = TimelineChart(series: Self.series("a", switchDay: 30), stanceColours: ["#c0392b", "#e67e22", "#8e44ad"], domain: Self.start...(Self.start + 39 * Self.day), bucketSeconds: Self.day).svg()
        #expect(svg.components(separatedBy: "class=\"axis\"").count - 1 == 2)
        #expect(svg.contains(">2017-01-01<"))
        #expect(svg.contains(">2017-02-09<"))
        #expect(svg.contains("class=\"switch\""))
        #expect(svg.contains("switch pro_kremlin → anti_candidate at 2017-01-31 00:00"))
        #expect(svg.contains("text-anchor=\"end\">4<"))  // y-axis maximum: three anti_candidate posts plus one with no stance
    }

    @Test func networkLabelsNeverOverlap() {
        for size in [5, 40, 150] {
            let svg = NetworkChart(network: Self.sampleInput(nodes: size).network, clusterOrder: ["1", "2"]).svg()
            var boxes: [(Double, Double, Double, Double)] = []
            var rest = svg[...]
            while let open = rest.range(of: "<text x=\""), let close = rest.range(of: "</text>", range: open.upperBound..<rest.endIndex) {
                let element = String(rest[open.lowerBound..<close.lowerBound])
                rest = rest[close.upperBound...]
                guard element.contains("node-label") else { continue }
                let numbers = element.split(separator: "\"").compactMap { Double($0) }
                let label = element.split(separator: ">").last.map(String.init) ?? ""
                let x = numbers[0], baseline = numbers[1]
                boxes.append((x, baseline - 10, x + Double(label.count) * 6.2 + 4, baseline + 2))
            }
            #expect(!boxes.isEmpty)
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let a = boxes[i], b = boxes[j]
                    #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "labels \(i) and \(j) overlap at size \(size)")
                }
            }
        }
    }

    @Test func layoutIsDeterministicAndInsideTheUnitSquare() {
        let edges = [NetworkView.Edge(a: 0, b: 1, weight: 1), NetworkView.Edge(a: 1, b: 2, weight: 2)]
        let first = ForceLayout.positions(nodeCount: 4, edges: edges)
        let second = ForceLayout.positions(nodeCount: 4, edges: edges)
        #expect(first.map(\.0) == second.map(\.0) && first.map(\.1) == second.map(\.1))
        #expect(first.allSatisfy { (0...1).contains($0.0) && (0...1).contains($0.1) })
        #expect(ForceLayout.positions(nodeCount: 0, edges: []).isEmpty)
        #expect(ForceLayout.packedPositions(nodeCount: 0, edges: []).isEmpty)
    }

    @Test func separateClustersGetTheirOwnGridCells() {
        // Two triangles and a lone node: three components in a 2 x 2 grid.
        let edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)].map { NetworkView.Edge(a: $0.0, b: $0.1, weight: 1) }
        let points = ForceLayout.packedPositions(nodeCount: 7, edges: edges)
        #expect(points.allSatisfy { (0...1).contains($0.0) && (0...1).contains($0.1) })
        let first = points[0...2], second = points[3...5]
        #expect(first.allSatisfy { $0.0 < 0.5 && $0.1 < 0.5 })
        #expect(second.allSatisfy { $0.0 > 0.5 && $0.1 < 0.5 })
        #expect(points[6].0 == 0.25 && points[6].1 == 0.75)
    }

    @Test func emptyRunSaysSoInsteadOfDrawingNothing() {
        var input = Self.sampleInput()
        input.clusters = []
        input.network = NetworkView(nodes: [], edges: [])
        let html = ReportRenderer.html(input)
        #expect(html.contains("No cluster of accounts acted together more than chance predicts."))
        #expect(!html.contains("id=\"network\""))
    }

    @Test func escapingCoversAttributesAndControlCharacters() {
        #expect(Markup.escape("a\"b'c<d>&e\u{01}f") == "a&quot;b&#39;c&lt;d&gt;&amp;ef")
        #expect(Markup.coordinate(12.345) == "12.3")
        #expect(Markup.coordinate(-0.25) == "-0.3" || Markup.coordinate(-0.25) == "-0.2")
        #expect(Markup.score(0.5) == "0.50")
        #expect(Markup.score(0.07) == "0.07")
        #expect(Markup.truncate("abcdef", 4) == "abc…")
    }
}
