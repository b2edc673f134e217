import TurfCore

/// Runs a rule set over posts on one thread, reusing its PCRE2 match data and buffers.
///
/// Create one per worker thread from the shared `RuleSet`. For each post it folds the fields'
/// bytes, finds every prefilter literal in one Aho–Corasick pass a field, and runs PCRE2 only for
/// the rules a found literal selects plus the rules that always run.
public final class RuleMatcher {
    /// The rules being run.
    public let ruleSet: RuleSet
    /// The per-thread PCRE2 state.
    public let matcher: PatternMatcher
    /// The rules PCRE2 gave up on during the last `hits(in:)` call (e.g. match limit exceeded).
    public private(set) var failures: [RuleMatchFailure] = []
    private var fieldBytes: [[UInt8]] = Array(repeating: [], count: 4)
    private var folded: [UInt8] = []
    private var candidateFields: [UInt8]
    private var candidates: [Int] = []

    /// Creates a matcher for `ruleSet`, with PCRE2's match and depth limits for every match.
    public init(ruleSet: RuleSet, matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000) {
        self.ruleSet = ruleSet
        self.matcher = PatternMatcher(matchLimit: matchLimit, depthLimit: depthLimit)
        candidateFields = [UInt8](repeating: 0, count: ruleSet.rules.count)
    }

    /// The rules that fire on `post`, in rule order, at most one hit a rule: its first match, in
    /// the rule's field (for `any`: text, then meme_text, hashtags, urls).
    ///
    /// Hashtags and URLs are matched as one text, one item a line (`\n`-joined, hashtags without
    /// `#`); a hit's `start`/`end` are UTF-8 byte offsets into the matched field's text.
    /// Rules PCRE2 gives up on are skipped and listed in `failures`.
    /// - Complexity: O(post bytes) for the prefilter plus one PCRE2 match a selected rule.
    public func hits(in post: Post) -> [RuleHit] {
        failures.removeAll(keepingCapacity: true)
        let rules = ruleSet.rules
        guard !rules.isEmpty else { return [] }
        let mask = ruleSet.fieldMask
        if mask & 0b0001 != 0 { load(slot: 0, post.text) }
        if mask & 0b0010 != 0 { load(slot: 1, post.memeText) }
        if mask & 0b0100 != 0 { load(slot: 2, post.hashtags) }
        if mask & 0b1000 != 0 { load(slot: 3, post.urls) }
        for slot in 0..<4 where mask & (1 << slot) != 0 && fieldBytes[slot].count > 1 {
            scan(slot: slot)
        }
        for ruleIndex in ruleSet.alwaysRun {
            if candidateFields[ruleIndex] == 0 { candidates.append(ruleIndex) }
            candidateFields[ruleIndex] = 0b1111
        }
        guard !candidates.isEmpty else { return [] }
        if candidates.count > 1 { candidates.sort() }
        var hits: [RuleHit] = []
        for ruleIndex in candidates {
            let fields = candidateFields[ruleIndex]
            candidateFields[ruleIndex] = 0
            let rule = rules[ruleIndex]
            if rule.field == .any {
                for field in RuleFieldSlot.order where fields & RuleFieldSlot.mask(of: field) != 0 {
                    if let hit = match(rule, field: field, post: post) {
                        hits.append(hit)
                        break
                    }
                }
            } else if let hit = match(rule, field: rule.field, post: post) {
                hits.append(hit)
            }
        }
        candidates.removeAll(keepingCapacity: true)
        return hits
    }

    /// Copies a field's bytes into its buffer, followed by one spare byte so the buffer's base
    /// address exists even for an empty field.
    private func load(slot: Int, _ text: String) {
        fieldBytes[slot].removeAll(keepingCapacity: true)
        fieldBytes[slot].append(contentsOf: text.utf8)
        fieldBytes[slot].append(0)
    }

    private func load(slot: Int, _ items: [String]) {
        fieldBytes[slot].removeAll(keepingCapacity: true)
        for (index, item) in items.enumerated() {
            if index > 0 { fieldBytes[slot].append(0x0A) }
            fieldBytes[slot].append(contentsOf: item.utf8)
        }
        fieldBytes[slot].append(0)
    }

    /// Marks the rules whose literals occur in a field.
    private func scan(slot: Int) {
        folded.removeAll(keepingCapacity: true)
        fieldBytes[slot].withUnsafeBufferPointer { CaseFold.fold(UnsafeBufferPointer(rebasing: $0.dropLast()), into: &folded) }
        let bit = UInt8(1) << slot
        let rules = ruleSet.rules
        let literalRules = ruleSet.literalRules
        folded.withUnsafeBufferPointer { bytes in
            ruleSet.automaton.scan(bytes) { literal in
                for ruleIndex in literalRules[literal] {
                    let index = Int(ruleIndex)
                    guard RuleFieldSlot.mask(of: rules[index].field) & bit != 0 else { continue }
                    if candidateFields[index] == 0 { candidates.append(index) }
                    candidateFields[index] |= bit
                }
            }
        }
    }

    private func match(_ rule: Rule, field: RuleField, post: Post) -> RuleHit? {
        let slot = RuleFieldSlot.slot(of: field)
        guard fieldBytes[slot].count > 1 else { return nil }
        let outcome = fieldBytes[slot].withUnsafeBufferPointer {
            matcher.firstMatch(rule.pattern, in: UnsafeBufferPointer(rebasing: $0.dropLast()))
        }
        switch outcome {
        case .match(let range):
            return RuleHit(id: rule.id, stance: rule.stance, effect: rule.effect, field: field, start: range.lowerBound, end: range.upperBound)
        case .noMatch:
            return nil
        case .failed(let code):
            failures.append(RuleMatchFailure(ruleID: rule.id, postID: post.id, field: field, code: code, message: PCRE2Message.text(for: code)))
            return nil
        }
    }
}
