/// Colours for stances and clusters, chosen to stay distinguishable on screen and in print.
enum Palette {
    /// Fixed colours for the shipped stances; other stances take the fallback colours in order.
    static let knownStances: [String: String] = [
        "pro_kremlin": "#c0392b",
        "anti_ukraine": "#e67e22",
        "anti_candidate": "#8e44ad",
        "FAVOR": "#27ae60",
        "AGAINST": "#c0392b",
    ]

    /// Colours for anything else, in order (Tableau 10, minus grey).
    static let fallback = ["#4e79a7", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#76b7b2", "#f28e2b", "#e15759"]

    /// The colour of "no stance".
    static let none = "#c8ccd0"

    /// Colour for each stance name in `stances`, in order.
    static func colours(for stances: [String]) -> [String] {
        var next = 0
        return stances.map { stance in
            if let known = knownStances[stance] { return known }
            defer { next += 1 }
            return fallback[next % fallback.count]
        }
    }

    /// Colour of the `index`th cluster.
    static func cluster(_ index: Int) -> String {
        let colours = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f"]
        return colours[index % colours.count]
    }
}
