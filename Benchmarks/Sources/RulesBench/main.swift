import Foundation
import TurfCore
import TurfRules

/// Measures the rule overlay (prefilter, PCRE2 matches, score adjustment) per post, on one core,
/// for generated rule sets of several sizes and for the shipped rules file.
///
/// Usage: RulesBench DATA_DIR RULES_FILE [POSTS] [SIZES]
///   DATA_DIR   tweeteval-stance/jsonl (every *.jsonl below it is read)
///   RULES_FILE the shipped rules (their examples are mixed in as 1% of the posts)
///   POSTS      posts to run through each rule set (default 1,000,000)
///   SIZES      comma-separated generated rule-set sizes (default 10,100,1000)

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: RulesBench DATA_DIR RULES_FILE [POSTS] [SIZES]\n".utf8))
    exit(1)
}
let postCount = arguments.count > 3 ? Int(arguments[3])! : 1_000_000
let sizes = arguments.count > 4 ? arguments[4].split(separator: ",").map { Int($0)! } : [10, 100, 1000]
let shipped = try RuleSet.load(path: arguments[2], knownStances: nil)
let posts = try BenchCorpus.posts(dataDirectory: arguments[1], shipped: shipped)
let stances = ["pro_kremlin", "anti_ukraine", "anti_candidate"]

print("corpus: \(posts.count) distinct posts (tweeteval-stance tweets + 1% rule examples), cycled to \(postCount) posts")
print("rules                  always-run PCRE2 runs/post posts/s(cpu)  ns/post(cpu)  ns/post(wall) posts with hit vs first")
/// Runs `postCount` posts through the overlay and prints a row; returns nanoseconds a post.
@MainActor func run(_ name: String, _ ruleSet: RuleSet, baseline: Double?) -> Double {
    let matcher = RuleMatcher(ruleSet: ruleSet)
    var withHits = 0
    var labelled = 0
    let logits = [-1.0, -0.5, -2.0]
    let thresholds = [0.5, 0.5, 0.5]
    for post in posts.prefix(1000) { _ = matcher.hits(in: post) }
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUNanoseconds()
    var index = 0
    for _ in 0..<postCount {
        let hits = matcher.hits(in: posts[index])
        let scores = RuleOverlay.apply(hits: hits, boostWeights: ruleSet.boostWeights, to: logits, stances: stances, thresholds: thresholds, multiClass: false)
        if !hits.isEmpty { withHits += 1 }
        labelled += scores.labels.count
        index += 1
        if index == posts.count { index = 0 }
    }
    let cpuSeconds = Double(threadCPUNanoseconds() - cpuStart) / 1e9
    let wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let nsPerPost = cpuSeconds * 1e9 / Double(postCount)
    let ratio = baseline.map { String(format: "%.2fx", nsPerPost / $0) } ?? "1.00x"
    let columns = [
        pad(name, 22), pad("\(ruleSet.alwaysRunIDs.count)", 10), pad(String(format: "%.3f", Double(matcher.patternRuns) / Double(postCount + 1000)), 15),
        pad(String(format: "%.0f", Double(postCount) / cpuSeconds), 13),
        pad(String(format: "%.0f", nsPerPost), 13), pad(String(format: "%.0f", wallSeconds * 1e9 / Double(postCount)), 13),
        pad("\(withHits)", 14), ratio,
    ]
    print(columns.joined(separator: " "))
    if labelled < 0 { print(labelled) }
    return nsPerPost
}
var baseline: Double?
for size in sizes {
    let nsPerPost = run("generated \(size)", try RuleGenerator.rules(count: size), baseline: baseline)
    if baseline == nil { baseline = nsPerPost }
}
_ = run("shipped (\(shipped.rules.count))", shipped, baseline: baseline)

/// The same work without the prefilter: every rule's pattern on every post's text.
@MainActor func runWithoutPrefilter(_ ruleSet: RuleSet, posts count: Int) {
    let matcher = PatternMatcher()
    var matched = 0
    let cpuStart = threadCPUNanoseconds()
    for index in 0..<count {
        let bytes = Array(posts[index % posts.count].text.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            let subject = UnsafeBufferPointer(rebasing: buffer.dropLast())
            for rule in ruleSet.rules {
                if case .match = matcher.firstMatch(rule.pattern, in: subject) { matched += 1 }
            }
        }
    }
    let nsPerPost = Double(threadCPUNanoseconds() - cpuStart) / Double(count)
    let name = "no prefilter \(ruleSet.rules.count)"
    print([
        pad(name, 22), pad("\(ruleSet.rules.count)", 10), pad("\(ruleSet.rules.count)", 15), pad(String(format: "%.0f", 1e9 / nsPerPost), 13),
        pad(String(format: "%.0f", nsPerPost), 13), pad("-", 13), pad("\(matched)", 14), "(\(count) posts)",
    ].joined(separator: " "))
}
if let largest = sizes.max() {
    runWithoutPrefilter(try RuleGenerator.rules(count: largest), posts: max(1, postCount / 100))
}

/// CPU time this thread has used, so other processes on the machine do not inflate the figures.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// `text` left-aligned in `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
