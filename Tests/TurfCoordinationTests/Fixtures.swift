import TurfCore
@testable import TurfCoordination

/// Small hand-made posts for exact tests.
enum Fixtures {
    static let t0: Int64 = 1_487_000_000

    static func post(
        _ id: String, _ account: String, _ time: Int64, text: String = "", hashtags: [String] = [], urls: [String] = [],
        retweetOf: String? = nil, media: [MediaItem] = [], memeText: String = "", labels: [String] = [],
        resolution: TimeResolution = .second
    ) -> ClassifiedPost {
        ClassifiedPost(
            post: Post(id: id, account: AccountRef(id: account, handle: "h_" + account), createdAt: time, timeResolution: resolution,
                       text: text, hashtags: hashtags, urls: urls, retweetOf: retweetOf, media: media, memeText: memeText),
            scores: StanceScores(stances: ["anti_candidate"], probabilities: [0.5], labels: labels)
        )
    }

    /// A configuration with one signal and no evidence threshold, so exact pairs can be checked.
    static func only(_ signals: CoordinationSignal..., minCoActions: Int = 1) -> CoordinationConfig {
        var config = CoordinationConfig(minPairWeight: -1e9, minCoActions: minCoActions, threads: 1)
        for signal in CoordinationSignal.allCases { config[signal].enabled = signals.contains(signal) }
        return config
    }

    static func pairs(_ result: CoordinationResult) -> [String] {
        result.pairs.map { "\($0.accountA)-\($0.accountB):\($0.coActions)" }.sorted()
    }
}
