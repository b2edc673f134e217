import Foundation
import Testing
import TurfCore
import TurfIO

@Suite struct ClassifiedPostCodecTests {
    static let sample = ClassifiedPost(
        post: Post(
            id: "831606548300517376",
            account: AccountRef(id: "42", handle: "stoke_voter"),
            createdAt: 1_487_000_000,
            text: "Don't vote \"Nuttall\"\n#DontVoteNuttall 🇬🇧",
            hashtags: ["DontVoteNuttall"],
            urls: ["https://example.org/a"],
            mentions: ["someone"],
            retweetOf: nil,
            media: [MediaItem(id: "3_1", perceptualHash: 0xF0F0)]
        ),
        scores: StanceScores(
            stances: ["anti_candidate", "pro_kremlin"],
            probabilities: [0.875, 0.125],
            labels: ["anti_candidate"],
            ruleHits: [RuleHit(id: "dont-vote", stance: "anti_candidate", effect: .assert, field: .text, start: 0, end: 17)]
        )
    )

    @Test func writesTheContractFields() throws {
        let line = ClassifiedPostCodec.jsonLine(Self.sample)
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "831606548300517376")
        #expect(object["account_id"] as? String == "42")
        #expect(object["account"] as? String == "stoke_voter")
        #expect(object["created_at"] as? String == "2017-02-13T15:33:20Z")
        #expect(object["retweet_of"] is NSNull)
        #expect(object["labels"] as? [String] == ["anti_candidate"])
        #expect((object["probabilities"] as? [String: Double])?["anti_candidate"] == 0.875)
        let rule = try #require((object["rules"] as? [[String: Any]])?.first)
        #expect(rule["end"] as? Int == 17)
        #expect(rule["effect"] as? String == "assert")
    }

    @Test func roundTrips() throws {
        let line = ClassifiedPostCodec.jsonLine(Self.sample)
        let decoded = try ClassifiedPostCodec.decode(line: Array(line.utf8))
        #expect(decoded == Self.sample)
    }

    @Test func namesTheMissingField() {
        #expect(throws: ClassifiedPostCodec.RecordError.self) {
            try ClassifiedPostCodec.decode(line: Array(#"{"id":"1"}"#.utf8))
        }
        do {
            _ = try ClassifiedPostCodec.decode(line: Array(#"{"id":"1"}"#.utf8))
        } catch {
            #expect("\(error)" == "missing field account_id")
        }
    }
}
