// Measures the input parsers `turfwatch classify` could use, single-threaded, file to `Post`:
//   json: Foundation's JSONDecoder on Decodable twarc2 structs vs TurfIO's JSONTape decoder;
//   csv:  CSV.swift 2.5.2 (yaslab) vs TurfIO's byte scanner, on an IO-archive-shaped CSV.
// Times are this process's CPU time (single thread), so a busy machine does not skew them.
// usage: classify-parsers json FILE.jsonl | csv FILE.csv
//        classify-parsers tape FILE.jsonl      (TurfIO's JSON paths only)
//        classify-parsers reader FILE.jsonl    (PostReader alone)
//        classify-parsers encode FILE.jsonl    (ClassifiedPostCodec JSON Lines encoding alone)
//        classify-parsers train OUT.safetensors LABELLED.jsonl...  (the benchmark's model: logistic
//        regression on word 1-2 grams hashed into 2^20 buckets, log-TF, L2; no cross-validation)
import Foundation
import CSV
import TurfCore
import TurfIO
import TurfModel
import TurfText

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func report(_ name: String, bytes: Int, posts: Int, seconds: Double, check: Int) {
    let mb = Double(bytes) / 1_000_000
    print("\(name): \(posts) posts in \(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", mb / seconds)) MB/s, \(String(format: "%.2f", seconds / Double(posts) * 1e6)) µs/post (check \(check))")
}

// MARK: - JSON

struct Tweet: Decodable {
    struct Author: Decodable { var id: String; var username: String? }
    struct Tag: Decodable { var tag: String }
    struct Link: Decodable { var expanded_url: String? }
    struct Mention: Decodable { var username: String }
    struct Entities: Decodable { var hashtags: [Tag]?; var urls: [Link]?; var mentions: [Mention]? }
    struct Reference: Decodable { var type: String; var id: String }
    struct Media: Decodable { var media_key: String; var alt_text: String? }
    struct Attachments: Decodable { var media_keys: [String]?; var media: [Media]? }
    var id: String
    var text: String
    var author_id: String?
    var author: Author?
    var created_at: String?
    var lang: String?
    var entities: Entities?
    var referenced_tweets: [Reference]?
    var attachments: Attachments?
}

func post(from tweet: Tweet) -> Post {
    var post = Post(id: tweet.id, account: AccountRef(id: tweet.author?.id ?? tweet.author_id ?? "", handle: tweet.author?.username ?? ""), text: tweet.text)
    post.createdAt = tweet.created_at.flatMap { TimeText.parse($0)?.seconds }
    post.lang = tweet.lang ?? ""
    post.hashtags = tweet.entities?.hashtags?.map(\.tag) ?? []
    post.urls = tweet.entities?.urls?.compactMap(\.expanded_url) ?? []
    post.mentions = tweet.entities?.mentions?.map(\.username) ?? []
    for reference in tweet.referenced_tweets ?? [] {
        switch reference.type {
        case "retweeted": post.retweetOf = reference.id
        case "quoted": post.quoteOf = reference.id
        case "replied_to": post.replyTo = reference.id
        default: break
        }
    }
    post.media = tweet.attachments?.media?.map { MediaItem(id: $0.media_key) } ?? []
    post.memeText = tweet.attachments?.media?.compactMap(\.alt_text).joined(separator: "\n") ?? ""
    return post
}

func benchJSON(_ path: String, only tape: Bool = false) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let bytes = [UInt8](data)
    var lines: [Range<Int>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
        lines.append(start..<index)
        start = index + 1
    }
    // JSONDecoder, one decode a line (the way a Swift program would usually read JSON Lines).
    var begin = now()
    var check = 0
    let decoder = JSONDecoder()
    for line in lines where !tape {
        let tweet = try decoder.decode(Tweet.self, from: Data(bytes[line]))
        check &+= post(from: tweet).text.utf8.count
    }
    report("json  JSONDecoder     ", bytes: bytes.count, posts: lines.count, seconds: now() - begin, check: check)

    // TurfIO's tape decoder.
    begin = now()
    check = 0
    var tape = TwitterV2Decoder()
    var posts: [Post] = []
    bytes.withUnsafeBufferPointer { all in
        for line in lines {
            posts.removeAll(keepingCapacity: true)
            try? tape.decode(UnsafeBufferPointer(rebasing: all[line]), into: &posts)
            check &+= posts.first?.text.utf8.count ?? 0
        }
    }
    report("json  TurfIO JSONTape  ", bytes: bytes.count, posts: lines.count, seconds: now() - begin, check: check)

    // The tape parse alone (no fields pulled out, no Post built).
    begin = now()
    check = 0
    var bare = JSONTape()
    bytes.withUnsafeBufferPointer { all in
        for line in lines {
            try? bare.parse(UnsafeBufferPointer(rebasing: all[line]))
            check &+= bare.nodes.count
        }
    }
    report("json  JSONTape.parse only", bytes: bytes.count, posts: lines.count, seconds: now() - begin, check: check)

    // The whole reader: file, splitting into records, decoding (what classify's front half does).
    begin = now()
    check = 0
    let reader = try PostReader(path: path, format: .twarc2)
    try reader.forEach { check &+= $0.text.utf8.count } skipped: { _, _ in }
    report("json  TurfIO PostReader", bytes: bytes.count, posts: lines.count, seconds: now() - begin, check: check)
}

// MARK: - CSV

func benchCSV(_ path: String) throws {
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    var begin = now()
    var check = 0
    var rows = 0
    let stream = InputStream(fileAtPath: path)!
    let csv = try CSVReader(stream: stream, hasHeaderRow: true)
    let header = csv.headerRow!
    let id = header.firstIndex(of: "tweetid")!, user = header.firstIndex(of: "userid")!
    let text = header.firstIndex(of: "tweet_text")!, time = header.firstIndex(of: "tweet_time")!
    let tags = header.firstIndex(of: "hashtags")!
    while let row = csv.next() {
        var post = Post(id: row[id], account: AccountRef(id: row[user]), text: row[text])
        post.createdAt = TimeText.parse(row[time])?.seconds
        post.hashtags = row[tags].isEmpty ? [] : [row[tags]]
        check &+= post.text.utf8.count
        rows += 1
    }
    report("csv   CSV.swift 2.5.2  ", bytes: size, posts: rows, seconds: now() - begin, check: check)

    begin = now()
    check = 0
    rows = 0
    let reader = try PostReader(path: path, format: .ioArchive)
    try reader.forEach { check &+= $0.text.utf8.count; rows += 1 } skipped: { error, _ in print(error) }
    report("csv   TurfIO scanner   ", bytes: size, posts: rows, seconds: now() - begin, check: check)
}

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "train" {
    var examples: [LabelledExample] = []
    for path in arguments[3...] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            examples.append(LabelledExample(text: object["text"] as! String, labels: [object["label"] as! String]))
        }
    }
    let (model, _) = try Trainer.train(
        examples: examples, featureConfig: FeatureConfig(), options: TrainingOptions(algorithm: .lr, folds: 0), createdAt: 0
    )
    try model.write(to: arguments[2])
    print("trained \(model.labels) on \(examples.count) examples -> \(arguments[2])")
    exit(0)
}
guard arguments.count == 3 else {
    print("usage: classify-parsers json FILE.jsonl | csv FILE.csv")
    exit(1)
}
switch arguments[1] {
case "json": try benchJSON(arguments[2])
case "tape": try benchJSON(arguments[2], only: true)
case "encode":
    var posts: [Post] = []
    let reader = try PostReader(path: arguments[2], format: .twarc2)
    try reader.forEach { posts.append($0) } skipped: { _, _ in }
    let scores = StanceScores(stances: ["anti_candidate", "anti_ukraine", "pro_kremlin"], probabilities: [0.125, 0.8712345, 0.0001], labels: ["anti_ukraine"])
    var out: [UInt8] = []
    let begin = now()
    for post in posts {
        ClassifiedPostCodec.appendJSONLine(ClassifiedPost(post: post, scores: scores), to: &out)
        if out.count > 1 << 20 { out.removeAll(keepingCapacity: true) }
    }
    report("encode ClassifiedPostCodec", bytes: 1, posts: posts.count, seconds: now() - begin, check: out.count)
case "reader":
    let begin = now()
    var check = 0
    let reader = try PostReader(path: arguments[2], format: .twarc2)
    try reader.forEach { check &+= $0.text.utf8.count } skipped: { _, _ in }
    report("json  TurfIO PostReader", bytes: 1, posts: 1, seconds: now() - begin, check: check)
default: try benchCSV(arguments[2])
}
