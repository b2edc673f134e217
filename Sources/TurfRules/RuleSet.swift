import TurfCore

/// A compiled, validated set of rules with its literal prefilter, shared read-only by all threads.
public struct RuleSet: Sendable {
    /// The rules, in file order (hits come out in this order).
    public let rules: [Rule]
    /// The file the rules came from, or empty when built in code.
    public let source: String
    /// Boost weights by rule id, for `RuleOverlay.apply`.
    public let boostWeights: [String: Double]
    let automaton: LiteralAutomaton
    /// `literalRules[literalRuleStart[l]..<literalRuleStart[l + 1]]`: the rules literal `l` selects.
    let literalRuleStart: [Int32]
    let literalRules: [Int32]
    /// For each rule, the fields it reads, as a mask of `RuleFieldSlot` bits.
    let ruleFieldMasks: [UInt8]
    /// Rules with no usable literal: they run on every post.
    let alwaysRun: [Int]
    /// The fields any rule reads, as a mask of `RuleFieldSlot` bits.
    let fieldMask: UInt8

    /// Builds the prefilter for `rules` (ids must be unique).
    /// - Complexity: O(total literal bytes × distinct literal bytes).
    public init(rules: [Rule], source: String = "") {
        self.rules = rules
        self.source = source
        var weights: [String: Double] = [:]
        var literals: [[UInt8]] = []
        var literalIndex: [[UInt8]: Int] = [:]
        var literalRules: [[Int32]] = []
        var alwaysRun: [Int] = []
        var fieldMask: UInt8 = 0
        for (ruleIndex, rule) in rules.enumerated() {
            if rule.effect == .boost { weights[rule.id] = rule.weight }
            fieldMask |= RuleFieldSlot.mask(of: rule.field)
            guard let ruleLiterals = rule.prefilterLiterals, !ruleLiterals.isEmpty else {
                alwaysRun.append(ruleIndex)
                continue
            }
            for literal in ruleLiterals {
                let index = literalIndex[literal] ?? {
                    literals.append(literal)
                    literalRules.append([])
                    literalIndex[literal] = literals.count - 1
                    return literals.count - 1
                }()
                if literalRules[index].last != Int32(ruleIndex) { literalRules[index].append(Int32(ruleIndex)) }
            }
        }
        self.boostWeights = weights
        self.automaton = LiteralAutomaton(literals: literals)
        var starts: [Int32] = [0]
        for list in literalRules { starts.append(starts.last! + Int32(list.count)) }
        self.literalRuleStart = starts
        self.literalRules = literalRules.flatMap { $0 }
        self.ruleFieldMasks = rules.map { RuleFieldSlot.mask(of: $0.field) }
        self.alwaysRun = alwaysRun
        self.fieldMask = fieldMask
    }

    /// How many rules the literal prefilter selects; the rest run on every post.
    public var prefilteredCount: Int { rules.count - alwaysRun.count }

    /// The ids of the rules that run on every post because no literal could be taken from them.
    public var alwaysRunIDs: [String] { alwaysRun.map { rules[$0].id } }

    /// Reads, validates and compiles a rules file.
    ///
    /// `knownStances` (e.g. the model's labels) makes any other stance an error; when nil, the
    /// file's own `stances:` list is used if it has one.
    /// - Throws: `RuleFileError` carrying every problem found, each as `file:line: rule ID: reason`.
    public static func load(path: String, knownStances: [String]?) throws(RuleFileError) -> RuleSet {
        let text: String
        do {
            text = try RuleFileReader.read(path: path)
        } catch {
            throw RuleFileError(errors: [error])
        }
        return try parse(yaml: text, file: path, knownStances: knownStances)
    }

    /// Validates and compiles rules from YAML text; `file` names it in errors.
    /// - Throws: `RuleFileError` carrying every problem found.
    public static func parse(yaml: String, file: String, knownStances: [String]?) throws(RuleFileError) -> RuleSet {
        var parser = RuleFileParser(file: file, knownStances: knownStances)
        let rules = parser.parse(yaml: yaml)
        guard parser.errors.isEmpty else { throw RuleFileError(errors: parser.errors) }
        return RuleSet(rules: rules, source: file)
    }
}

/// Every problem found in a rules file, in file order.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    /// One error a problem, each printed as `file:line: reason`.
    public var errors: [InputError]

    /// Creates the error.
    public init(errors: [InputError]) {
        self.errors = errors
    }

    /// The errors, one a line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// The concrete fields a post offers rules, as bit positions and scan order.
enum RuleFieldSlot {
    /// Fields in the order `any` rules try them.
    static let order: [RuleField] = [.text, .memeText, .hashtags, .urls]

    /// The slot of a concrete field.
    static func slot(of field: RuleField) -> Int {
        switch field {
        case .text, .any: 0
        case .memeText: 1
        case .hashtags: 2
        case .urls: 3
        }
    }

    /// The bits a rule on `field` reads.
    static func mask(of field: RuleField) -> UInt8 {
        field == .any ? 0b1111 : UInt8(1) << slot(of: field)
    }
}
