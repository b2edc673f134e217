/// Renders the investigator's report: one self-contained HTML page (inline CSS and SVG, no
/// scripts, no network) that opens offline in any browser and prints cleanly.
public enum ReportRenderer {
    /// How many members' timelines a cluster card draws.
    public static let timelinesPerCard = 6
    /// How many members a cluster card lists.
    public static let membersPerCard = 12

    /// The complete HTML page for `input`.
    public static func html(_ input: ReportInput) -> String {
        let colours = Palette.colours(for: input.stances)
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        page += "<title>\(Markup.escape(input.title))</title><style>\(stylesheet)</style></head><body><main>"
        page += "<header><h1>\(Markup.escape(input.title))</h1><p class=\"muted\">Generated \(Markup.minute(input.generatedAt)) UTC by turfwatch.</p></header>"
        page += summarySection(input, colours: colours)
        page += clustersSection(input, colours: colours)
        page += networkSection(input)
        page += claimsSection(input, colours: colours)
        page += reproduceSection(input)
        page += methodSection
        page += "</main></body></html>\n"
        return page
    }

    private static func summarySection(_ input: ReportInput, colours: [String]) -> String {
        let summary = input.summary
        var out = "<section id=\"summary\"><h2>Summary</h2><div class=\"figures\">"
        let range = summary.timeRange.map { "\(Markup.day($0.lowerBound)) to \(Markup.day($0.upperBound))" } ?? "unknown"
        let figures: [(String, String)] = [
            ("posts", "\(summary.posts)"), ("accounts", "\(summary.accounts)"),
            ("suspicious clusters", "\(input.clusters.count)"), ("accounts in them", "\(summary.flaggedAccounts)"),
            ("accounts that switched stance", "\(summary.switchedAccounts)"), ("skipped input lines", "\(summary.skipped)"),
        ]
        for (label, value) in figures {
            out += "<div class=\"figure\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)</div></div>"
        }
        out += "</div><p>Period: \(range).</p>"
        if summary.weakClusters > 0 {
            out += "<p class=\"muted\">\(summary.weakClusters) weaker clusters (mean score below \(Markup.score(ReportBuilder.minimumClusterScore))) are listed in clusters.jsonl, not here.</p>"
        }
        if !input.clusters.isEmpty {
            let top = input.clusters[0]
            let switchNote = top.switchTime.map { ", switching stance around \(Markup.day($0))" } ?? ""
            out += "<p class=\"lead\">The most suspicious cluster has \(top.members.count) accounts (score \(Markup.score(top.score))) pushing \(Markup.escape(top.dominantStances.joined(separator: " and ")))\(switchNote).</p>"
        } else {
            out += "<p class=\"lead\">No cluster of accounts acted together more than chance predicts.</p>"
        }
        out += "<h3>Posts per stance</h3>"
        out += StanceBarChart(stances: input.stances, counts: summary.postsPerStance, colours: colours).svg()
        out += "</section>"
        return out
    }

    private static func clustersSection(_ input: ReportInput, colours: [String]) -> String {
        var out = "<section id=\"clusters\"><h2>Suspicious clusters</h2>"
        if input.clusters.isEmpty { out += "<p>None found.</p>" }
        for card in input.clusters { out += clusterCard(card, stances: input.stances, colours: colours) }
        out += "</section>"
        return out
    }

    private static func clusterCard(_ card: ClusterCard, stances: [String], colours: [String]) -> String {
        var out = "<article class=\"card\" id=\"cluster-\(Markup.escape(card.id))\"><h3>Cluster \(Markup.escape(card.id)) <span class=\"score\">score \(Markup.score(card.score))</span></h3>"
        var facts = ["\(card.members.count) accounts"]
        if !card.dominantStances.isEmpty { facts.append("stances: " + card.dominantStances.joined(separator: ", ")) }
        if let time = card.switchTime { facts.append("switched around \(Markup.minute(time)) UTC") }
        out += "<p class=\"facts\">\(Markup.escape(facts.joined(separator: " · ")))</p>"
        if !card.signals.isEmpty {
            out += "<p class=\"signals\">Tied by: " + card.signals.map { "\(Markup.escape($0.label)) <b>\($0.count)</b>" }.joined(separator: " · ") + "</p>"
        }
        out += "<div class=\"columns\"><div><h4>Members</h4><table><thead><tr><th>account</th><th>score</th><th>posts</th></tr></thead><tbody>"
        for member in card.members.prefix(membersPerCard) {
            let name = member.handle.isEmpty ? member.accountID : "@" + member.handle
            out += "<tr><td title=\"\(Markup.escape(member.accountID))\">\(Markup.escape(Markup.truncate(name, 28)))</td><td>\(Markup.score(member.score))</td><td>\(member.posts)</td></tr>"
        }
        if card.members.count > membersPerCard {
            out += "<tr><td colspan=\"3\" class=\"muted\">and \(card.members.count - membersPerCard) more (see accounts.csv)</td></tr>"
        }
        out += "</tbody></table></div><div>"
        out += itemList("Shared hashtags", card.sharedHashtags)
        out += itemList("Shared texts", card.sharedTexts)
        out += itemList("Shared links", card.sharedURLs)
        out += itemList("Shared memes", card.sharedMemes)
        out += "</div></div>"
        if !card.timelines.isEmpty {
            let starts = card.timelines.flatMap(\.bucketStarts)
            if let first = starts.min(), let last = starts.max() {
                let bucket = bucketSeconds(card.timelines)
                out += "<h4>Stance timelines</h4>" + legend(stances: stances, colours: colours) + "<div class=\"multiples\">"
                for series in card.timelines.prefix(timelinesPerCard) {
                    out += TimelineChart(series: series, stanceColours: colours, domain: first...last, bucketSeconds: bucket).svg()
                }
                out += "</div>"
            }
        }
        out += "</article>"
        return out
    }

    private static func bucketSeconds(_ series: [AccountSeries]) -> Int64 {
        var smallest = Int64.max
        for account in series where account.bucketStarts.count > 1 {
            for (a, b) in zip(account.bucketStarts, account.bucketStarts.dropFirst()) where b > a { smallest = min(smallest, b - a) }
        }
        return smallest == .max ? 86_400 : smallest
    }

    private static func legend(stances: [String], colours: [String]) -> String {
        var out = "<p class=\"legend-row\">"
        for (index, stance) in stances.enumerated() {
            out += "<span><i style=\"background:\(colours[index])\"></i>\(Markup.escape(stance))</span>"
        }
        out += "<span><i style=\"background:\(Palette.none)\"></i>no stance</span>"
        out += "<span><i class=\"dash\"></i>stance switch</span></p>"
        return out
    }

    private static func itemList(_ title: String, _ items: [ReportItem]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "<h4>\(title)</h4><ul class=\"items\">"
        for item in items.prefix(8) {
            out += "<li><span class=\"count\">\(item.count)×</span> \(Markup.escape(Markup.truncate(item.label, 160)))</li>"
        }
        return out + "</ul>"
    }

    private static func networkSection(_ input: ReportInput) -> String {
        guard !input.network.nodes.isEmpty else { return "" }
        let order = input.clusters.map(\.id)
        return "<section id=\"network\"><h2>Account network of the top clusters</h2><p class=\"muted\">Each dot is an account; lines join accounts that acted on the same thing within the time window more often than chance predicts.</p>"
            + NetworkChart(network: input.network, clusterOrder: order).svg() + "</section>"
    }

    private static func claimsSection(_ input: ReportInput, colours: [String]) -> String {
        let nonEmpty = input.topClaims.filter { !$0.claims.isEmpty }
        guard !nonEmpty.isEmpty else { return "" }
        var out = "<section id=\"claims\"><h2>Top claims per stance</h2><div class=\"columns\">"
        for group in nonEmpty {
            let colour = input.stances.firstIndex(of: group.stance).map { colours[$0] } ?? Palette.none
            out += "<div><h3><i class=\"swatch\" style=\"background:\(colour)\"></i>\(Markup.escape(group.stance))</h3><ol class=\"items\">"
            for claim in group.claims.prefix(10) {
                out += "<li><span class=\"count\">\(claim.count)×</span> \(Markup.escape(Markup.truncate(claim.label, 200)))</li>"
            }
            out += "</ol></div>"
        }
        return out + "</div></section>"
    }

    private static func reproduceSection(_ input: ReportInput) -> String {
        guard !input.reproduce.isEmpty else { return "" }
        return "<section id=\"reproduce\"><h2>How to reproduce this run</h2><pre>"
            + input.reproduce.map(Markup.escape).joined(separator: "\n") + "</pre></section>"
    }

    private static let methodSection = """
        <section id="method"><h2>How to read this report</h2><p>turfwatch labels each post with stances \
        (a statistical model plus analysts' rules), follows each account's stances over time to find switches, \
        and links accounts that retweeted the same post, posted near-identical text, or shared the same hashtags, \
        links or memes within short time windows more often than two independent accounts of the same activity \
        would by chance. Scores rank accounts for review; they are evidence to check, not a verdict. \
        The files beside this report (accounts.csv, pairs.csv, clusters.jsonl) hold every pair and its evidence.</p></section>
        """

    private static let stylesheet = """
        body{margin:0;background:#f5f6f7;color:#1d232a;font:15px/1.45 -apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}\
        main{max-width:1220px;margin:0 auto;padding:24px}h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;\
        border-bottom:1px solid #d5d9de;padding-bottom:4px}h3{font-size:17px;margin:0 0 6px}h4{font-size:14px;margin:12px 0 4px;color:#444}\
        .muted{color:#68717a}.lead{font-size:16px}.figures{display:flex;flex-wrap:wrap;gap:12px}.figure{background:#fff;border:1px solid #d5d9de;\
        border-radius:6px;padding:10px 16px;min-width:150px}.figure .value{font-size:24px;font-weight:600}.figure .label{color:#68717a;font-size:13px}\
        .card{background:#fff;border:1px solid #d5d9de;border-radius:8px;padding:16px 18px;margin:0 0 18px;break-inside:avoid}\
        .score{font-weight:400;color:#c0392b;font-size:15px;margin-left:8px}.facts,.signals{margin:2px 0;color:#333}\
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:18px}table{border-collapse:collapse;width:100%;font-size:13px}\
        th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eceff1}th{color:#555;font-weight:600}\
        ul.items,ol.items{margin:0;padding-left:20px;font-size:13px}ul.items li,ol.items li{margin:2px 0;overflow-wrap:anywhere}\
        .count{color:#68717a;font-variant-numeric:tabular-nums}.multiples{display:flex;flex-wrap:wrap;gap:8px}\
        .legend-row{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;margin:4px 0}.legend-row i,.swatch{display:inline-block;width:12px;height:12px;\
        margin-right:5px;vertical-align:-1px;border-radius:2px}.legend-row i.dash{border-left:2px dashed #1d232a;width:0;height:12px;border-radius:0}\
        svg text{font-family:inherit}.chart-title{font-size:12px;font-weight:600;fill:#1d232a}.tick{font-size:10px;fill:#555}\
        .axis{stroke:#555;stroke-width:1}.switch{stroke:#1d232a;stroke-width:1.5;stroke-dasharray:4 3}.node-label{font-size:11px;fill:#1d232a}\
        .legend{font-size:12px;fill:#1d232a}.legend-title{font-size:13px;font-weight:600;fill:#1d232a}svg.network{background:#fff;border:1px solid #d5d9de;\
        border-radius:8px;max-width:100%;height:auto}pre{background:#1d232a;color:#e8ecef;padding:12px;border-radius:6px;overflow-x:auto;font-size:13px}
        """
}
