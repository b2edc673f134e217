import TurfCore
import TurfRules

/// Generates realistic rule sets of any size from political word lists, in English and Russian.
///
/// Each rule is one of four shapes (phrase, inflected phrase, alternation, hashtag) over a
/// random word pair, with a fixed seed so every run measures the same rules.
enum RuleGenerator {
    static let english = """
    junta regime nazi fascist coup putsch maidan kiev kyiv donbass donetsk lugansk crimea sevastopol \
    russia russian kremlin putin moscow nato sanctions referendum annexation separatist militia \
    battalion azov bandera shelling ceasefire minsk pipeline gazprom propaganda oligarch sovereignty \
    election candidate ballot byelection labour ukip tory stoke trent nuttall hillsborough leaflet \
    liar fraud scandal corruption traitor puppet globalist soros brussels immigration refugee \
    hypocrite establishment mainstream media censorship sputnik veterans genocide massacre atrocity \
    invasion aggression occupation liberation referendum frontline humanitarian convoy blockade
    """.split(separator: " ").map(String.init)

    static let russian = """
    хунта режим нацисты фашисты переворот майдан киев донбасс донецк луганск крым севастополь \
    россия кремль путин москва нато санкции референдум аннексия ополченцы батальон бандера \
    обстрел перемирие минск газпром пропаганда олигарх суверенитет выборы кандидат бюллетень \
    лжец предатель марионетка запад европа беженцы геноцид каратели оккупация освобождение \
    гуманитарный конвой блокада ватники майданутые патриоты укроборонпром незалежная
    """.split(separator: " ").map(String.init)

    /// `count` distinct compiled rules; effects cycle boost, boost, assert, suppress.
    static func rules(count: Int) throws -> RuleSet {
        var random = SplitMix64(seed: 2017)
        let stances = ["pro_kremlin", "anti_ukraine", "anti_candidate"]
        var rules: [Rule] = []
        var seen: Set<String> = []
        while rules.count < count {
            let words = random.next() % 3 == 0 ? russian : english
            let first = words[Int(random.next() % UInt64(words.count))]
            let second = words[Int(random.next() % UInt64(words.count))]
            let third = words[Int(random.next() % UInt64(words.count))]
            guard first != second else { continue }
            let pattern: String
            switch random.next() % 4 {
            case 0: pattern = #"\b\#(first)\s+\#(second)\b"#
            case 1: pattern = #"\b\#(first)\p{L}*\s+(?:\w+\s+)?\#(second)"#
            case 2: pattern = #"\b(?:\#(first)|\#(third))\s+\#(second)\b"#
            default: pattern = #"#\#(first)\#(second)\b"#
            }
            guard seen.insert(pattern).inserted else { continue }
            let index = rules.count
            let effect: RuleEffect = [.boost, .boost, .assert, .suppress][index % 4]
            rules.append(try Rule(
                id: "gen-\(index)", stance: stances[index % 3], pattern: pattern, flags: "i",
                field: index % 10 == 9 ? .any : .text, effect: effect, weight: effect == .boost ? 1.0 : 0
            ))
        }
        return RuleSet(rules: rules)
    }
}
