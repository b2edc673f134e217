import TurfCore
import Yams

/// Turns the YAML of a rules file into compiled rules, collecting every error with its line.
///
/// Works on Yams' node tree (`Yams.compose`) rather than `Decodable` because the nodes carry
/// the line of each key and value, which every error message names.
struct RuleFileParser {
    /// The file name used in errors.
    let file: String
    /// The stances a rule may name; nil when any name is accepted.
    var knownStances: [String]?
    /// Errors found so far, in file order.
    private(set) var errors: [InputError] = []

    /// The keys a rule may have.
    static let ruleKeys = ["id", "stance", "pattern", "flags", "field", "effect", "weight", "keywords", "examples", "description"]

    init(file: String, knownStances: [String]?) {
        self.file = file
        self.knownStances = knownStances
    }

    /// The rules of `yaml`; check `errors` afterwards.
    mutating func parse(yaml: String) -> [Rule] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            errors.append(syntaxError(error, yaml: yaml))
            return []
        } catch {
            errors.append(InputError(file: file, line: 0, reason: "YAML syntax error: \(error)"))
            return []
        }
        guard let root else {
            errors.append(InputError(file: file, line: 0, reason: "no rules"))
            return []
        }
        let ruleNodes: [Node]
        switch root {
        case .sequence(let sequence):
            ruleNodes = Array(sequence)
        case .mapping(let mapping):
            var found: [Node] = []
            for (key, value) in mapping {
                switch key.scalar?.string {
                case "rules":
                    guard case .sequence(let sequence) = value else {
                        report(value, "'rules' must be a list of rules")
                        continue
                    }
                    found = Array(sequence)
                case "stances":
                    let declared = strings(value, what: "'stances'", rule: nil)
                    if knownStances == nil { knownStances = declared }
                default:
                    report(key, "unknown top-level key '\(key.scalar?.string ?? "?")' (allowed: stances, rules)")
                }
            }
            ruleNodes = found
        case .scalar, .alias:
            report(root, "expected a list of rules or a mapping with 'rules'")
            return []
        }
        var rules: [Rule] = []
        var firstLine: [String: Int] = [:]
        for (position, node) in ruleNodes.enumerated() {
            if let id = node.mapping?["id"]?.scalar?.string {
                if let first = firstLine[id] {
                    report(node, "rule \(id): duplicate id (first defined at line \(first))")
                } else {
                    firstLine[id] = node.mark?.line ?? 0
                }
            }
            if let rule = parseRule(node, position: position + 1) { rules.append(rule) }
        }
        errors.sort { $0.line < $1.line }
        return errors.isEmpty ? rules : []
    }

    /// One rule, or nil after reporting what is wrong with it.
    private mutating func parseRule(_ node: Node, position: Int) -> Rule? {
        guard case .mapping(let mapping) = node else {
            report(node, "rule #\(position): a rule must be a mapping of keys to values")
            return nil
        }
        let id = mapping["id"]?.scalar?.string
        let name = id.map { "rule \($0)" } ?? "rule #\(position)"
        let errorsBefore = errors.count
        for key in mapping.keys {
            let keyName = key.scalar?.string ?? "?"
            if !Self.ruleKeys.contains(keyName) {
                report(key, "\(name): unknown key '\(keyName)' (allowed: \(Self.ruleKeys.joined(separator: ", ")))")
            }
        }
        if id == nil { report(mapping["id"] ?? node, "\(name): \(mapping["id"] == nil ? "missing id" : "'id' must be a string")") }
        let stance = requiredString(mapping, "stance", rule: name, node: node)
        let pattern = requiredString(mapping, "pattern", rule: name, node: node)
        let effectName = requiredString(mapping, "effect", rule: name, node: node)
        if let stance, let knownStances, !knownStances.contains(stance) {
            report(mapping["stance"]!, "\(name): unknown stance '\(stance)' (known: \(knownStances.joined(separator: ", ")))")
        }
        var effect: RuleEffect?
        if let effectName {
            effect = RuleEffect(rawValue: effectName)
            if effect == nil {
                report(mapping["effect"]!, "\(name): unknown effect '\(effectName)' (expected assert, boost or suppress)")
            }
        }
        var field = RuleField.text
        if let fieldName = optionalString(mapping, "field", rule: name) {
            if let parsed = RuleField(rawValue: fieldName) {
                field = parsed
            } else {
                report(mapping["field"]!, "\(name): unknown field '\(fieldName)' (expected text, hashtags, urls, meme_text or any)")
            }
        }
        var weight = 0.0
        if let weightNode = mapping["weight"] {
            if effect != nil, effect != .boost {
                report(weightNode, "\(name): 'weight' is only allowed with effect boost")
            } else if let value = weightNode.scalar.flatMap({ Double($0.string) }), value.isFinite {
                weight = value
            } else {
                report(weightNode, "\(name): 'weight' must be a number")
            }
        } else if effect == .boost {
            report(node, "\(name): effect boost needs a 'weight'")
        }
        let flags = optionalString(mapping, "flags", rule: name) ?? ""
        do {
            _ = try PatternFlags(flags)
        } catch {
            report(mapping["flags"]!, "\(name): \(error)")
        }
        let keywords = mapping["keywords"].map { strings($0, what: "'keywords'", rule: name) } ?? []
        if keywords.contains(where: \.isEmpty) { report(mapping["keywords"]!, "\(name): a keyword is empty") }
        var matches: [RuleExample] = []
        var noMatches: [RuleExample] = []
        if let examples = mapping["examples"] {
            if case .mapping(let exampleMapping) = examples {
                for (key, value) in exampleMapping {
                    switch key.scalar?.string {
                    case "match": matches = exampleList(value, rule: name)
                    case "no_match": noMatches = exampleList(value, rule: name)
                    default: report(key, "\(name): unknown key '\(key.scalar?.string ?? "?")' in examples (allowed: match, no_match)")
                    }
                }
            } else {
                report(examples, "\(name): 'examples' must be a mapping with 'match' and 'no_match' lists")
            }
        }
        _ = optionalString(mapping, "description", rule: name)
        guard errors.count == errorsBefore, let id, let stance, let pattern, let effect else { return nil }
        do {
            return try Rule(
                id: id, stance: stance, pattern: pattern, flags: flags, field: field, effect: effect,
                weight: weight, keywords: keywords, matchExamples: matches, noMatchExamples: noMatches,
                line: node.mark?.line ?? 0
            )
        } catch {
            report(mapping["pattern"]!, "\(name): bad pattern: \(error)")
            return nil
        }
    }

    private mutating func requiredString(_ mapping: Node.Mapping, _ key: String, rule: String, node: Node) -> String? {
        guard mapping[key] != nil else {
            report(node, "\(rule): missing \(key)")
            return nil
        }
        return optionalString(mapping, key, rule: rule)
    }

    private mutating func optionalString(_ mapping: Node.Mapping, _ key: String, rule: String) -> String? {
        guard let value = mapping[key] else { return nil }
        guard let scalar = value.scalar, !scalar.string.isEmpty else {
            report(value, "\(rule): '\(key)' must be a non-empty string")
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, what: String, rule: String?) -> [String] {
        let prefix = rule.map { "\($0): " } ?? ""
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                if let scalar = item.scalar {
                    values.append(scalar.string)
                } else {
                    report(item, "\(prefix)\(what) must be a list of strings")
                }
            }
            return values
        default:
            report(node, "\(prefix)\(what) must be a list of strings")
            return []
        }
    }

    private mutating func exampleList(_ node: Node, rule: String) -> [RuleExample] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            report(node, "\(rule): examples must be lists of strings")
            return []
        }
        var examples: [RuleExample] = []
        for item in items {
            if let scalar = item.scalar {
                examples.append(RuleExample(scalar.string, line: item.mark?.line ?? 0))
            } else {
                report(item, "\(rule): examples must be lists of strings")
            }
        }
        return examples
    }

    private mutating func report(_ node: Node, _ reason: String) {
        errors.append(InputError(file: file, line: node.mark?.line ?? 0, reason: reason))
    }

    /// A Yams error as one `file:line: YAML syntax error: problem` line.
    private func syntaxError(_ error: YamlError, yaml: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return InputError(file: file, line: mark.line, reason: "YAML syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(file: file, line: context.mark.line, reason: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in yaml.utf8.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } } ?? 0
            return InputError(file: file, line: line, reason: "YAML syntax error: \(problem)")
        default:
            return InputError(file: file, line: 0, reason: "YAML syntax error: \(error)")
        }
    }
}
