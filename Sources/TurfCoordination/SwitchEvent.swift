import TurfTimeline

/// One account's stance switch, the input of the synchronised-switch signal.
///
/// Stance timelines (TurfTimeline) produce these; any other change-point detector may too.
public struct SwitchEvent: Hashable, Sendable {
    /// The account's id, as in `Post.account.id`.
    public var accountID: String
    /// When the switch happened, seconds since 1970.
    public var time: Int64
    /// The stance before the switch (empty for "no stance").
    public var from: String
    /// The stance after the switch.
    public var to: String
    /// How sure the detector is, 0 to 1.
    public var confidence: Double

    /// Creates a switch event.
    public init(accountID: String, time: Int64, from: String, to: String, confidence: Double = 1) {
        self.accountID = accountID
        self.time = time
        self.from = from
        self.to = to
        self.confidence = confidence
    }
}

extension SwitchEvent {
    /// The switch a stance timeline found (`TurfTimeline.StanceSwitch`).
    public init(_ stanceSwitch: StanceSwitch) {
        self.init(accountID: stanceSwitch.accountID, time: stanceSwitch.time, from: stanceSwitch.from,
                  to: stanceSwitch.to, confidence: stanceSwitch.confidence)
    }
}
