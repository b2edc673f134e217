import Testing
import TurfCore
import TurfIO

/// A decoding failure's message.
struct DecodeFailure: Error, Equatable {
    var message: String
}

@Suite struct ClassifiedLineDecoderTests {
    private func both(_ line: String) -> (Result<ClassifiedPost, DecodeFailure>, Result<ClassifiedPost, DecodeFailure>) {
        var decoder = ClassifiedLineDecoder()
        let bytes = Array(line.utf8)
        let fast: Result<ClassifiedPost, DecodeFailure> = bytes.withUnsafeBufferPointer { buffer in
            do { return .success(try decoder.decode(buffer)) } catch { return .failure(DecodeFailure(message: "\(error)")) }
        }
        let codec: Result<ClassifiedPost, DecodeFailure>
        do {
            var post = try ClassifiedPostCodec.decode(line: bytes)
            post.scores.ruleHits = []
            codec = .success(post)
        } catch {
            codec = .failure(DecodeFailure(message: "\(error)"))
        }
        return (fast, codec)
    }

    @Test(arguments: [
        ClassifiedPostCodec.jsonLine(ClassifiedPost(
            post: Post(id: "1", account: AccountRef(id: "42", handle: "Дмитрий"), createdAt: 1_487_000_000, timeResolution: .minute,
                       text: "Line \"one\"\n\\ two 🇬🇧", lang: "ru", hashtags: ["МИР", "vote"], urls: ["https://a.org/x?y=1"],
                       mentions: ["m"], retweetOf: "9", quoteOf: "8", replyTo: "7",
                       media: [MediaItem(id: "m1", perceptualHash: 0x00F0_0000_0000_00AB), MediaItem(id: "m2")], memeText: "DON'T"),
            scores: StanceScores(stances: ["b", "a"], probabilities: [0.25, 0.5], labels: ["a"],
                                 ruleHits: [RuleHit(id: "r", stance: "a", effect: .boost, field: .text, start: 0, end: 3)]))),
        #"{"id":"2","account_id":"7","text":"\u00e9\ud83d\ude00 lone \udc00","created_at":null,"hashtags":null}"#,
        #"{"id":"3","account_id":"7","created_at":"2017-02-01 12:34"}"#,
        #"{"id":"4","account_id":"7","created_at":"not a time"}"#,
        #"{"id":"5","account_id":7}"#,
        #"{"id":"6","account_id":"7","hashtags":[1]}"#,
        #"{"id":"7","account_id":"7","probabilities":{"a":"high"}}"#,
        #"{"id":"8","account_id":"7","media":[{"phash":"ff"}]}"#,
        #"{"id":"9","account_id":"7","rules":[{"id":"x","effect":"nope","field":"text","start":0,"end":1}]}"#,
        #"{"account_id":"7"}"#,
        "[1,2]",
        "{not json",
        "",
    ])
    func agreesWithTheCodec(line: String) {
        let (fast, codec) = both(line)
        switch (fast, codec) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default:
            // A line the codec accepts only for its rule hits is still a valid record.
            if case .success = fast, case .failure(let message) = codec { #expect(message.message.contains("rule")) } else { Issue.record("fast \(fast) codec \(codec)") }
        }
    }
}
