/// How one co-action signal is counted.
public struct SignalSettings: Hashable, Sendable {
    /// Whether the signal is used at all.
    public var enabled: Bool
    /// Two actions on the same item count as a co-action when at most this many seconds apart.
    /// For minute-resolution inputs the window is rounded up to whole minutes, so a 60 s window
    /// compares the same and neighbouring minutes.
    public var window: Int64
    /// Multiplies the rarity weight of every co-action of this signal.
    public var weight: Double

    /// Creates signal settings.
    public init(enabled: Bool = true, window: Int64, weight: Double = 1) {
        self.enabled = enabled
        self.window = window
        self.weight = weight
    }

    /// The default settings of `signal`: 60 s for retweets, 5 min for text and hashtags,
    /// 10 min for URLs and domains, 1 h for memes, 1 day for stance switches; domains weigh 0.25
    /// and hashtags 0.5, because one post often carries both a link and several hashtags.
    public static func defaults(for signal: CoordinationSignal) -> SignalSettings {
        switch signal {
        case .retweet: SignalSettings(window: 60)
        case .text: SignalSettings(window: 300)
        case .hashtag: SignalSettings(window: 300, weight: 0.5)
        case .url: SignalSettings(window: 600)
        case .domain: SignalSettings(window: 600, weight: 0.25)
        case .meme: SignalSettings(window: 3600)
        case .stanceSwitch: SignalSettings(window: 86_400)
        }
    }
}

extension SignalSettings {
    /// Seconds in a duration written `90`, `90s`, `5m`, `2h` or `1d`; `nil` for anything else.
    public static func seconds(_ text: String) -> Int64? {
        guard let last = text.last else { return nil }
        let unit: Int64
        var digits = Substring(text)
        switch last {
        case "s": unit = 1; digits = digits.dropLast()
        case "m": unit = 60; digits = digits.dropLast()
        case "h": unit = 3600; digits = digits.dropLast()
        case "d": unit = 86_400; digits = digits.dropLast()
        default: unit = 1
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}
