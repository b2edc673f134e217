import Foundation

/// One line of `TrainingData/stance-*.jsonl`, with where it came from.
struct TrainingExample: Decodable {
    var id: String
    var text: String
    var labels: [String]
    var lang: String
    var kind: String
    /// `file:line`, filled in after decoding, for failure messages.
    var location = ""

    private enum CodingKeys: String, CodingKey { case id, text, labels, lang, kind }

    /// The stances the shipped model uses; an empty label list means "no stance".
    static let stances: Set<String> = ["pro_kremlin", "anti_ukraine", "anti_candidate"]
    /// The example categories the datasheet defines.
    static let kinds: Set<String> = [
        "propaganda", "slogan", "meme_caption", "smear",
        "hard_negative_news", "hard_negative_criticism_of_russia", "hard_negative_support_ukraine",
        "hard_negative_candidate_neutral", "hard_negative_debunk", "hard_negative_sarcasm",
        "hard_negative_politics", "neutral_chatter",
    ]
    /// Data files by language, relative to `TrainingData/`.
    static let files = ["en": "stance-en.jsonl", "ru": "stance-ru.jsonl"]

    /// The repository's `TrainingData/` directory, found from this source file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TrainingData")

    /// Decodes every non-empty line of `contents`; a line that is not a valid example is returned
    /// in `failures` as `file:line: reason`.
    static func parse(_ contents: String, file: String) -> (examples: [TrainingExample], failures: [String]) {
        var examples: [TrainingExample] = []
        var failures: [String] = []
        let decoder = JSONDecoder()
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let location = "\(file):\(index + 1)"
            if line.isEmpty {
                if index != lines.count - 1 { failures.append("\(location): empty line") }
                continue
            }
            do {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                guard let fields = object as? [String: Any],
                      Set(fields.keys) == ["id", "text", "labels", "lang", "kind"]
                else {
                    failures.append("\(location): fields must be exactly id, text, labels, lang, kind")
                    continue
                }
                var example = try decoder.decode(TrainingExample.self, from: Data(line.utf8))
                example.location = location
                examples.append(example)
            } catch {
                failures.append("\(location): not a valid example (\(error))")
            }
        }
        return (examples, failures)
    }

    /// Every shipped example, in file order, and any line that failed to decode.
    static func loadShipped() throws -> (examples: [TrainingExample], failures: [String]) {
        var all: [TrainingExample] = []
        var failures: [String] = []
        for (_, name) in files.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            let parsed = parse(try String(contentsOf: url, encoding: .utf8), file: name)
            all += parsed.examples
            failures += parsed.failures
        }
        return (all, failures)
    }
}
