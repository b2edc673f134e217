import Foundation
import TurfCore
import TurfRules

/// Real tweets for the benchmark, with hashtags taken from their text, plus the rules' examples.
enum BenchCorpus {
    /// Every tweet of every `*.jsonl` file below `dataDirectory`, and after each 99 tweets one
    /// example from the shipped rules (so about 1% of posts carry propaganda and hit rules).
    static func posts(dataDirectory: String, shipped: RuleSet) throws -> [Post] {
        var texts: [String] = []
        let files = FileManager.default.enumerator(atPath: dataDirectory)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") }.sorted()
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/" + file))
            for line in data.split(separator: 0x0A) {
                let object = try JSONSerialization.jsonObject(with: line) as! [String: Any]
                texts.append(object["text"] as! String)
            }
        }
        let examples = shipped.rules.flatMap { rule in (rule.matchExamples + rule.noMatchExamples).map { ($0.text, rule.field) } }
        var posts: [Post] = []
        var exampleIndex = 0
        for (index, text) in texts.enumerated() {
            posts.append(Post(id: "t\(index)", account: AccountRef(id: "a\(index % 500)"), text: text, hashtags: hashtags(in: text)))
            if index % 99 == 98 {
                let (example, field) = examples[exampleIndex % examples.count]
                exampleIndex += 1
                var post = Post(id: "e\(index)", account: AccountRef(id: "x"), text: example, hashtags: hashtags(in: example))
                if field == .hashtags { post.hashtags = example.split(separator: "\n").map(String.init) }
                posts.append(post)
            }
        }
        return posts
    }

    /// `#word` hashtags of a text, without `#`.
    static func hashtags(in text: String) -> [String] {
        var tags: [String] = []
        var current: String?
        for character in text {
            if character == "#" {
                if let tag = current, !tag.isEmpty { tags.append(tag) }
                current = ""
            } else if current != nil, character.isLetter || character.isNumber || character == "_" {
                current!.append(character)
            } else {
                if let tag = current, !tag.isEmpty { tags.append(tag) }
                current = nil
            }
        }
        if let tag = current, !tag.isEmpty { tags.append(tag) }
        return tags
    }
}
