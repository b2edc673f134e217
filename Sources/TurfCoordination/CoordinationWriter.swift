import TurfCore
import TurfIO

/// Writes a `CoordinationResult` as the `score` output files: `accounts.csv`, `pairs.csv`,
/// `clusters.jsonl`, `evidence.jsonl` and `graph.graphml` (for Gephi), each atomically.
public enum CoordinationWriter {
    /// The file names written into the output directory.
    public static let fileNames = ["accounts.csv", "pairs.csv", "clusters.jsonl", "evidence.jsonl", "graph.graphml"]

    /// Writes every file into `directory` (which must exist).
    /// - Throws: `InputError` naming a file that cannot be written.
    public static func write(_ result: CoordinationResult, to directory: String) throws {
        try writeAccounts(result, to: directory + "/accounts.csv")
        try writePairs(result, to: directory + "/pairs.csv")
        try writeClusters(result, to: directory + "/clusters.jsonl")
        try writeEvidence(result, to: directory + "/evidence.jsonl")
        try writeGraph(result, to: directory + "/graph.graphml")
    }

    /// `account_id,account,score,rank,cluster,posts,partners,raw,top_signal,evidence`; the
    /// evidence column lists the strongest co-actions as
    /// `signal item [postA@timeA ~ accountB:postB@timeB]`, separated by ` | `.
    public static func writeAccounts(_ result: CoordinationResult, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write("account_id,account,score,rank,cluster,posts,partners,raw,top_signal,evidence\n")
        var out: [UInt8] = []
        for account in result.accounts {
            out.removeAll(keepingCapacity: true)
            appendCSV(account.accountID, &out)
            out.append(0x2C); appendCSV(account.handle, &out)
            out.append(0x2C); out.append(contentsOf: number(account.score).utf8)
            out.append(0x2C); out.append(contentsOf: String(account.rank).utf8)
            out.append(0x2C); out.append(contentsOf: String(account.cluster).utf8)
            out.append(0x2C); out.append(contentsOf: String(account.posts).utf8)
            out.append(0x2C); out.append(contentsOf: String(account.partners).utf8)
            out.append(0x2C); out.append(contentsOf: number(account.raw).utf8)
            out.append(0x2C); out.append(contentsOf: (account.topSignal?.name ?? "").utf8)
            out.append(0x2C); appendCSV(account.evidence.map(summary).joined(separator: " | "), &out)
            out.append(0x0A)
            try file.write(bytes: out)
        }
        try file.commit()
    }

    /// `account_a,account_b,co_actions,weight,expected,excess,significance,signals,evidence`;
    /// `signals` is `name:weight` per signal separated by `;`.
    public static func writePairs(_ result: CoordinationResult, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write("account_a,account_b,co_actions,weight,expected,excess,significance,signals,evidence\n")
        for pair in result.pairs {
            var out: [UInt8] = []
            appendCSV(pair.accountA, &out)
            out.append(0x2C); appendCSV(pair.accountB, &out)
            out.append(0x2C); out.append(contentsOf: String(pair.coActions).utf8)
            out.append(0x2C); out.append(contentsOf: number(pair.weight).utf8)
            out.append(0x2C); out.append(contentsOf: number(pair.expected).utf8)
            out.append(0x2C); out.append(contentsOf: number(pair.excess).utf8)
            out.append(0x2C); out.append(contentsOf: number(pair.significance).utf8)
            let signals = pair.signals.map { "\($0.name):\(number(pair.weightBySignal[$0.rawValue]))" }.joined(separator: ";")
            out.append(0x2C); appendCSV(signals, &out)
            out.append(0x2C); appendCSV(pair.evidence.map(summary).joined(separator: " | "), &out)
            out.append(0x0A)
            try file.write(bytes: out)
        }
        try file.commit()
    }

    /// One JSON object a cluster: `cluster`, `size`, `members`, `weight`, `density`,
    /// `dominant_stances`, `shared_items`, `switch_time`, `first_co_action`, `last_co_action`.
    public static func writeClusters(_ result: CoordinationResult, to path: String) throws {
        let file = try AtomicFile(path: path)
        for cluster in result.clusters {
            var out: [UInt8] = []
            JSONText.appendRaw("{\"cluster\":", to: &out)
            out.append(contentsOf: String(cluster.id).utf8)
            JSONText.appendRaw(",\"size\":", to: &out)
            out.append(contentsOf: String(cluster.size).utf8)
            JSONText.appendRaw(",\"members\":", to: &out)
            JSONText.appendStrings(cluster.members, to: &out)
            JSONText.appendRaw(",\"weight\":", to: &out)
            JSONText.appendNumber(rounded(cluster.weight), to: &out)
            JSONText.appendRaw(",\"density\":", to: &out)
            JSONText.appendNumber(rounded(cluster.density), to: &out)
            JSONText.appendRaw(",\"dominant_stances\":[", to: &out)
            for (index, share) in cluster.dominantStances.enumerated() {
                if index > 0 { out.append(0x2C) }
                JSONText.appendRaw("{\"stance\":", to: &out)
                JSONText.appendString(share.stance, to: &out)
                JSONText.appendRaw(",\"share\":", to: &out)
                JSONText.appendNumber(rounded(share.share), to: &out)
                out.append(0x7D)
            }
            JSONText.appendRaw("],\"shared_items\":[", to: &out)
            for (index, item) in cluster.sharedItems.enumerated() {
                if index > 0 { out.append(0x2C) }
                JSONText.appendRaw("{\"signal\":", to: &out)
                JSONText.appendString(item.signal.name, to: &out)
                JSONText.appendRaw(",\"item\":", to: &out)
                JSONText.appendString(item.item, to: &out)
                JSONText.appendRaw(",\"accounts\":", to: &out)
                out.append(contentsOf: String(item.accounts).utf8)
                out.append(0x7D)
            }
            JSONText.appendRaw("],\"switch_time\":", to: &out)
            JSONText.appendOptionalString(cluster.switchTime.map(UTCTime.iso8601), to: &out)
            JSONText.appendRaw(",\"first_co_action\":", to: &out)
            JSONText.appendOptionalString(cluster.firstCoAction.map(UTCTime.iso8601), to: &out)
            JSONText.appendRaw(",\"last_co_action\":", to: &out)
            JSONText.appendOptionalString(cluster.lastCoAction.map(UTCTime.iso8601), to: &out)
            JSONText.appendRaw("}\n", to: &out)
            try file.write(bytes: out)
        }
        try file.commit()
    }

    /// One JSON object per account with evidence: `account_id`, `rank`, `score`, `cluster` and
    /// `evidence` (each item: `signal`, `item`, `account_a`, `post_a`, `time_a`, `account_b`,
    /// `post_b`, `time_b`, `weight`).
    public static func writeEvidence(_ result: CoordinationResult, to path: String) throws {
        let file = try AtomicFile(path: path)
        for account in result.accounts where !account.evidence.isEmpty {
            var out: [UInt8] = []
            JSONText.appendRaw("{\"account_id\":", to: &out)
            JSONText.appendString(account.accountID, to: &out)
            JSONText.appendRaw(",\"rank\":", to: &out)
            out.append(contentsOf: String(account.rank).utf8)
            JSONText.appendRaw(",\"score\":", to: &out)
            JSONText.appendNumber(rounded(account.score), to: &out)
            JSONText.appendRaw(",\"cluster\":", to: &out)
            out.append(contentsOf: String(account.cluster).utf8)
            JSONText.appendRaw(",\"evidence\":[", to: &out)
            for (index, item) in account.evidence.enumerated() {
                if index > 0 { out.append(0x2C) }
                JSONText.appendRaw("{\"signal\":", to: &out)
                JSONText.appendString(item.signal.name, to: &out)
                JSONText.appendRaw(",\"item\":", to: &out)
                JSONText.appendString(item.item, to: &out)
                JSONText.appendRaw(",\"account_a\":", to: &out)
                JSONText.appendString(item.accountA, to: &out)
                JSONText.appendRaw(",\"post_a\":", to: &out)
                JSONText.appendString(item.postA, to: &out)
                JSONText.appendRaw(",\"time_a\":", to: &out)
                JSONText.appendString(UTCTime.iso8601(item.timeA), to: &out)
                JSONText.appendRaw(",\"account_b\":", to: &out)
                JSONText.appendString(item.accountB, to: &out)
                JSONText.appendRaw(",\"post_b\":", to: &out)
                JSONText.appendString(item.postB, to: &out)
                JSONText.appendRaw(",\"time_b\":", to: &out)
                JSONText.appendString(UTCTime.iso8601(item.timeB), to: &out)
                JSONText.appendRaw(",\"weight\":", to: &out)
                JSONText.appendNumber(rounded(item.weight), to: &out)
                out.append(0x7D)
            }
            JSONText.appendRaw("]}\n", to: &out)
            try file.write(bytes: out)
        }
        try file.commit()
    }

    /// GraphML of the accounts with at least one edge: node attributes `account`, `score`,
    /// `rank`, `cluster`; edge attributes `weight` (excess evidence), `co_actions`, `signals`.
    public static func writeGraph(_ result: CoordinationResult, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="account" for="node" attr.name="account" attr.type="string"/>
          <key id="score" for="node" attr.name="score" attr.type="double"/>
          <key id="rank" for="node" attr.name="rank" attr.type="int"/>
          <key id="cluster" for="node" attr.name="cluster" attr.type="int"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <key id="co_actions" for="edge" attr.name="co_actions" attr.type="int"/>
          <key id="signals" for="edge" attr.name="signals" attr.type="string"/>
          <graph id="coordination" edgedefault="undirected">

        """)
        var inGraph = Set<String>()
        for pair in result.pairs {
            inGraph.insert(pair.accountA)
            inGraph.insert(pair.accountB)
        }
        for account in result.accounts where inGraph.contains(account.accountID) {
            try file.write("    <node id=\"\(xml(account.accountID))\"><data key=\"account\">\(xml(account.handle))</data>"
                + "<data key=\"score\">\(number(account.score))</data><data key=\"rank\">\(account.rank)</data>"
                + "<data key=\"cluster\">\(account.cluster)</data></node>\n")
        }
        for pair in result.pairs {
            try file.write("    <edge source=\"\(xml(pair.accountA))\" target=\"\(xml(pair.accountB))\">"
                + "<data key=\"weight\">\(number(pair.excess))</data><data key=\"co_actions\">\(pair.coActions)</data>"
                + "<data key=\"signals\">\(pair.signals.map(\.name).joined(separator: ","))</data></edge>\n")
        }
        try file.write("  </graph>\n</graphml>\n")
        try file.commit()
    }

    private static func summary(_ item: EvidenceItem) -> String {
        let text = item.item.count > 60 ? String(item.item.prefix(57)) + "..." : item.item
        let flattened = String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        return "\(item.signal.name) \(flattened) [\(item.accountA):\(item.postA)@\(UTCTime.iso8601(item.timeA))"
            + " ~ \(item.accountB):\(item.postB)@\(UTCTime.iso8601(item.timeB))]"
    }

    /// A number with at most 4 decimals, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let scaled = (value * 10_000).rounded() / 10_000
        if scaled == scaled.rounded(), abs(scaled) < 1e15 { return String(Int64(scaled)) }
        return String(scaled)
    }

    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private static func appendCSV(_ field: String, _ out: inout [UInt8]) {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !needsQuotes {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    private static func xml(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
