import TurfCore
import TurfRules

/// A post every parsed rule set is run against, so compiled patterns and the prefilter are exercised too.
private let post = Post(
    id: "1", account: AccountRef(id: "2", handle: "x"),
    text: "Don't vote Nuttall! Не голосуйте за Нуттолла 🇷🇺 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
    hashtags: ["DontVoteNuttall", "Крым"], urls: ["https://example.org/a?b=c"], memeText: "VOTE"
)

/// libFuzzer entry: the input is a rules file's text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let rules = try? RuleSet.parse(yaml: text, file: "fuzz.yaml", knownStances: nil) else { return 0 }
    let matcher = RuleMatcher(ruleSet: rules, matchLimit: 10_000, depthLimit: 1_000)
    _ = matcher.hits(in: post)
    return 0
}
