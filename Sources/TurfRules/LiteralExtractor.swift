/// Finds literal strings at least one of which every match of a pattern contains.
///
/// A conservative reader of PCRE2 syntax: it understands literals, escapes of punctuation,
/// character classes, groups (capturing, non-capturing, named, atomic, branch reset), alternation,
/// lookarounds, anchors and quantifiers, and gives up (the rule then always runs) on anything
/// else: backreferences, `\Q…\E`, `\K`, recursion, conditionals, verbs, inline `x`.
/// Literals come back case-folded (see `CaseFold`); the best set is the one whose shortest
/// literal is longest.
enum LiteralExtractor {
    /// The shortest literal worth prefiltering on, in bytes.
    static let minimumLength = 3

    /// The folded literal alternatives for `pattern`, or nil when none is required or usable.
    static func requiredLiterals(pattern: String, flags: PatternFlags) -> [[UInt8]]? {
        var reader = Reader(pattern: pattern, caseless: flags.caseless, extended: flags.extended)
        do {
            var literals = try reader.readAlternation()
            if !reader.caseless && reader.sawInlineCaseless {
                reader = Reader(pattern: pattern, caseless: true, extended: flags.extended)
                literals = try reader.readAlternation()
            }
            guard reader.atEnd, let literals, (literals.map(\.count).min() ?? 0) >= minimumLength else { return nil }
            return literals
        } catch {
            return nil
        }
    }

    private struct GiveUp: Error {}

    private struct Quantifier {
        var minimum: Int
    }

    private enum Atom {
        case literal([UInt8]?)
        case other
        case zeroWidth
        case group([[UInt8]]?)
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        let caseless: Bool
        let extended: Bool
        var index = 0
        var sawInlineCaseless = false

        init(pattern: String, caseless: Bool, extended: Bool) {
            scalars = Array(pattern.unicodeScalars)
            self.caseless = caseless
            self.extended = extended
        }

        var atEnd: Bool { index >= scalars.count }

        func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
            index + ahead < scalars.count ? scalars[index + ahead] : nil
        }

        mutating func next() throws(GiveUp) -> Unicode.Scalar {
            guard let scalar = peek() else { throw GiveUp() }
            index += 1
            return scalar
        }

        /// Alternatives separated by `|`, up to `)` or the end; nil when a branch has no literal.
        mutating func readAlternation() throws(GiveUp) -> [[UInt8]]? {
            var union: [[UInt8]] = []
            var complete = true
            while true {
                if let branch = try readSequence() {
                    for literal in branch where !union.contains(literal) { union.append(literal) }
                } else {
                    complete = false
                }
                guard peek() == "|" else { break }
                index += 1
            }
            return complete ? union : nil
        }

        /// One branch: the best required literal set among its runs and groups.
        mutating func readSequence() throws(GiveUp) -> [[UInt8]]? {
            var best: [[UInt8]]? = nil
            var run: [UInt8] = []
            func consider(_ candidate: [[UInt8]]?) {
                guard let candidate, !candidate.isEmpty else { return }
                if let current = best, score(current) >= score(candidate) { return }
                best = candidate
            }
            func closeRun() {
                if !run.isEmpty { consider([run]) }
                run = []
            }
            while let scalar = peek(), scalar != "|", scalar != ")" {
                if skipIgnorable() { continue }
                let atom = try readAtom()
                let quantifier = try readQuantifier()
                switch atom {
                case .literal(let bytes?):
                    if let quantifier {
                        if quantifier.minimum >= 1 {
                            run += bytes
                            closeRun()
                            run = bytes
                        } else {
                            closeRun()
                        }
                    } else {
                        run += bytes
                    }
                case .literal(nil), .other, .zeroWidth:
                    closeRun()
                case .group(let literals):
                    closeRun()
                    if (quantifier?.minimum ?? 1) >= 1 { consider(literals) }
                }
            }
            closeRun()
            return best
        }

        func score(_ literals: [[UInt8]]) -> Int {
            (literals.map(\.count).min() ?? 0) * 64 - literals.count
        }

        /// Skips whitespace and `#` comments in extended mode.
        mutating func skipIgnorable() -> Bool {
            guard extended, let scalar = peek() else { return false }
            if scalar.properties.isWhitespace {
                index += 1
                return true
            }
            if scalar == "#" {
                while let next = peek(), next != "\n" { index += 1 }
                return true
            }
            return false
        }

        mutating func readAtom() throws(GiveUp) -> Atom {
            let scalar = try next()
            switch scalar {
            case "\\": return try readEscape()
            case ".": return .other
            case "^", "$": return .zeroWidth
            case "[":
                try skipClass()
                return .other
            case "(": return try readGroup()
            case "*", "+", "?", "{": throw GiveUp()
            default: return .literal(CaseFold.foldedLiteral(scalar, caseless: caseless))
            }
        }

        mutating func readEscape() throws(GiveUp) -> Atom {
            let escaped = try next()
            let isASCIIAlphanumeric = escaped.isASCII && (escaped.properties.isAlphabetic || ("0"..."9").contains(escaped))
            guard isASCIIAlphanumeric else {
                return .literal(CaseFold.foldedLiteral(escaped, caseless: caseless))
            }
            switch escaped {
            case "b", "B", "A", "z", "Z", "G": return .zeroWidth
            case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X", "N":
                return .other
            case "p", "P":
                if peek() == "{" {
                    while let next = peek(), next != "}" { index += 1 }
                    _ = try next()
                } else {
                    _ = try next()
                }
                return .other
            case "n": return .literal([0x0A])
            case "t": return .literal([0x09])
            default: throw GiveUp()
            }
        }

        /// Skips a character class up to its closing `]`.
        mutating func skipClass() throws(GiveUp) {
            if peek() == "^" { index += 1 }
            if peek() == "]" { index += 1 }
            while true {
                let scalar = try next()
                switch scalar {
                case "]": return
                case "\\": _ = try next()
                case "[" where peek() == ":":
                    while let next = peek(), next != "]" { index += 1 }
                    _ = try next()
                default: continue
                }
            }
        }

        mutating func readGroup() throws(GiveUp) -> Atom {
            var discard = false
            if peek() == "*" { throw GiveUp() }
            if peek() == "?" {
                index += 1
                let kind = try next()
                switch kind {
                case ":", ">", "|": break
                case "=", "!": discard = true
                case "<":
                    if peek() == "=" || peek() == "!" {
                        index += 1
                        discard = true
                    } else {
                        try skipName(until: ">")
                    }
                case "'": try skipName(until: "'")
                case "P":
                    guard try next() == "<" else { throw GiveUp() }
                    try skipName(until: ">")
                case "#":
                    while try next() != ")" {}
                    return .zeroWidth
                default:
                    index -= 1
                    return try readInlineOptions()
                }
            }
            let inner = try readAlternation()
            guard try next() == ")" else { throw GiveUp() }
            return discard ? .zeroWidth : .group(inner)
        }

        mutating func skipName(until terminator: Unicode.Scalar) throws(GiveUp) {
            while true {
                let scalar = try next()
                if scalar == terminator { return }
                guard scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { throw GiveUp() }
            }
        }

        /// `(?i)`, `(?-i)`, `(?i:…)` and the like; gives up on anything but `i`, `m`, `s`, `n`, `U`, `-`.
        mutating func readInlineOptions() throws(GiveUp) -> Atom {
            while true {
                let scalar = try next()
                switch scalar {
                case "i": sawInlineCaseless = true
                case "m", "s", "n", "U", "-", "^": continue
                case ")": return .zeroWidth
                case ":":
                    let inner = try readAlternation()
                    guard try next() == ")" else { throw GiveUp() }
                    return .group(inner)
                default: throw GiveUp()
                }
            }
        }

        /// A quantifier after an atom, with its lazy or possessive suffix; nil when there is none.
        mutating func readQuantifier() throws(GiveUp) -> Quantifier? {
            while extended, skipIgnorable() {}
            guard let scalar = peek() else { return nil }
            let quantifier: Quantifier
            switch scalar {
            case "?", "*":
                index += 1
                quantifier = Quantifier(minimum: 0)
            case "+":
                index += 1
                quantifier = Quantifier(minimum: 1)
            case "{":
                index += 1
                var digits = ""
                while let digit = peek(), ("0"..."9").contains(digit) {
                    digits.unicodeScalars.append(digit)
                    index += 1
                }
                guard let minimum = Int(digits) else { throw GiveUp() }
                while let character = peek(), character != "}" {
                    guard character == "," || ("0"..."9").contains(character) else { throw GiveUp() }
                    index += 1
                }
                _ = try next()
                quantifier = Quantifier(minimum: minimum)
            default:
                return nil
            }
            if peek() == "?" || peek() == "+" { index += 1 }
            return quantifier
        }
    }
}
