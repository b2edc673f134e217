import TurfCore

/// Runs a rule set over posts on one thread, reusing its PCRE2 match data and buffers.
///
/// Create one per worker thread from the shared `RuleSet`. For each post it folds the fields'
/// bytes and finds every prefilter literal in the same single Aho–Corasick pass a field, then
/// runs PCRE2 only for the rules a found literal selects plus the rules that always run.
public final class RuleMatcher {
    /// The rules being run.
    public let ruleSet: RuleSet
    /// The per-thread PCRE2 state.
    public let matcher: PatternMatcher
    /// The rules PCRE2 gave up on during the last `hits(in:)` call (e.g. match limit exceeded).
    public private(set) var failures: [RuleMatchFailure] = []
    /// How many PCRE2 matches this matcher has run in all, to see what the prefilter saves.
    public private(set) var patternRuns = 0
    private var scratch: Scratch

    /// Buffers reused from post to post; moved out of the matcher while a post is processed so
    /// that the hot loops work on uniquely held locals.
    private struct Scratch {
        /// Each field's UTF-8 bytes and one spare byte, so a buffer's base address always exists.
        var fields: [[UInt8]] = Array(repeating: [], count: 4)
        /// For each rule, the field bits where one of its literals was seen (0: not a candidate).
        var candidateFields: [UInt8]
        /// The rules with a non-zero `candidateFields` entry.
        var candidates: [Int] = []
    }

    /// Creates a matcher for `ruleSet`, with PCRE2's match and depth limits for every match.
    public init(ruleSet: RuleSet, matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000) {
        self.ruleSet = ruleSet
        self.matcher = PatternMatcher(matchLimit: matchLimit, depthLimit: depthLimit)
        scratch = Scratch(candidateFields: [UInt8](repeating: 0, count: ruleSet.rules.count))
    }

    /// The rules that fire on `post`, in rule order, at most one hit a rule: its first match, in
    /// the rule's field (for `any`: text, then meme_text, hashtags, urls).
    ///
    /// Hashtags and URLs are matched as one text, one item a line (`\n`-joined, hashtags without
    /// `#`); a hit's `start`/`end` are UTF-8 byte offsets into the matched field's text.
    /// Rules PCRE2 gives up on are skipped and listed in `failures`.
    /// - Complexity: O(post bytes) for the prefilter plus one PCRE2 match a selected rule.
    public func hits(in post: Post) -> [RuleHit] {
        if !failures.isEmpty { failures.removeAll(keepingCapacity: true) }
        guard !ruleSet.rules.isEmpty else { return [] }
        var scratch = self.scratch
        self.scratch = Scratch(fields: [], candidateFields: [])
        defer { self.scratch = scratch }
        let mask = ruleSet.fieldMask
        if mask & 0b0001 != 0 { Self.load(&scratch.fields[0], post.text) }
        if mask & 0b0010 != 0 { Self.load(&scratch.fields[1], post.memeText) }
        if mask & 0b0100 != 0 { Self.load(&scratch.fields[2], post.hashtags) }
        if mask & 0b1000 != 0 { Self.load(&scratch.fields[3], post.urls) }
        for slot in 0..<4 where mask & (1 << slot) != 0 && scratch.fields[slot].count > 1 {
            scan(slot: slot, &scratch)
        }
        for ruleIndex in ruleSet.alwaysRun {
            if scratch.candidateFields[ruleIndex] == 0 { scratch.candidates.append(ruleIndex) }
            scratch.candidateFields[ruleIndex] = 0b1111
        }
        guard !scratch.candidates.isEmpty else { return [] }
        if scratch.candidates.count > 1 { scratch.candidates.sort() }
        var hits: [RuleHit] = []
        for ruleIndex in scratch.candidates {
            let fields = scratch.candidateFields[ruleIndex]
            scratch.candidateFields[ruleIndex] = 0
            let rule = ruleSet.rules[ruleIndex]
            if rule.field == .any {
                for field in RuleFieldSlot.order where fields & RuleFieldSlot.mask(of: field) != 0 {
                    if let hit = match(rule, field: field, in: scratch.fields, post: post) {
                        hits.append(hit)
                        break
                    }
                }
            } else if let hit = match(rule, field: rule.field, in: scratch.fields, post: post) {
                hits.append(hit)
            }
        }
        scratch.candidates.removeAll(keepingCapacity: true)
        return hits
    }

    private static func load(_ buffer: inout [UInt8], _ text: String) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: text.utf8)
        buffer.append(0)
    }

    private static func load(_ buffer: inout [UInt8], _ items: [String]) {
        buffer.removeAll(keepingCapacity: true)
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.append(0x0A) }
            buffer.append(contentsOf: item.utf8)
        }
        buffer.append(0)
    }

    /// Marks the rules whose literals occur in a field.
    private func scan(slot: Int, _ scratch: inout Scratch) {
        let bit = UInt8(1) << slot
        let ruleSet = self.ruleSet
        scratch.fields[slot].withUnsafeBufferPointer { raw in
            ruleSet.literalRuleStart.withUnsafeBufferPointer { starts in
                ruleSet.literalRules.withUnsafeBufferPointer { literalRules in
                    ruleSet.ruleFieldMasks.withUnsafeBufferPointer { fieldMasks in
                        ruleSet.automaton.scanFolded(UnsafeBufferPointer(rebasing: raw.dropLast())) { literal in
                            for position in Int(starts[literal])..<Int(starts[literal + 1]) {
                                let ruleIndex = Int(literalRules[position])
                                guard fieldMasks[ruleIndex] & bit != 0 else { continue }
                                if scratch.candidateFields[ruleIndex] == 0 { scratch.candidates.append(ruleIndex) }
                                scratch.candidateFields[ruleIndex] |= bit
                            }
                        }
                    }
                }
            }
        }
    }

    private func match(_ rule: Rule, field: RuleField, in fields: [[UInt8]], post: Post) -> RuleHit? {
        let slot = RuleFieldSlot.slot(of: field)
        guard fields[slot].count > 1 else { return nil }
        patternRuns += 1
        let outcome = fields[slot].withUnsafeBufferPointer {
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
